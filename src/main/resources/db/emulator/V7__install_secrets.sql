-- Local mode's secrets (API key, webhook secret, Okta client secret): random per install, made at the first start.
create table install_secrets (
    name       varchar(64)  primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null
);
