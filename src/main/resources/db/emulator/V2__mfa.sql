-- Emulated WorkOS MFA: factors, challenges, and the outbox where SMS (and later email) land in local mode.
create table auth_factors (
    id             varchar(64) primary key,
    type           varchar(20) not null,
    user_id        varchar(200),
    totp_issuer    varchar(200),
    totp_user      varchar(320),
    totp_secret    varchar(64),
    phone_number   varchar(32),
    last_totp_step bigint,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create table auth_challenges (
    id          varchar(64) primary key,
    factor_id   varchar(64) not null references auth_factors (id) on delete cascade,
    code        varchar(6),
    expires_at  timestamp with time zone,
    verified_at timestamp with time zone,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create table outbox (
    id         varchar(64) primary key,
    channel    varchar(10)   not null,
    recipient  varchar(320)  not null,
    body       varchar(4000) not null,
    created_at timestamp with time zone not null
);
