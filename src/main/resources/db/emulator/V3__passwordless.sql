-- Emulated WorkOS Passwordless (magic link) sessions.
create table passwordless_sessions (
    id            varchar(64) primary key,
    token         varchar(64) not null unique,
    email         varchar(320) not null,
    connection_id varchar(64) not null,
    redirect_uri  varchar(2000),
    state         varchar(2000),
    code          varchar(64),
    expires_at    timestamp with time zone not null,
    created_at    timestamp with time zone not null
);
