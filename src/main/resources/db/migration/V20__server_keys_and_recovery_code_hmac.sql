-- Secret keys of this install, made at random the first time one is needed (io.gatehouse.secrets.ServerKeys).
create table server_keys (
    name       varchar(64)  primary key,
    key_value  varchar(128) not null,
    created_at timestamp with time zone not null
);

-- Recovery codes made from now on are 80-bit codes stored as HMAC-SHA-256 under a server key ('hmac-sha256'); the
-- codes made before keep their plain SHA-256 ('sha256') and keep working until the person makes a new set.
alter table recovery_codes add column hash_scheme varchar(16) default 'sha256' not null;
