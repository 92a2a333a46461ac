-- The embedded WorkOS emulator's own state (local mode only; a separate database from the app's).

create table organizations (
    id          varchar(64) primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create table organization_domains (
    id              varchar(64) primary key,
    organization_id varchar(64) not null references organizations (id) on delete cascade,
    domain          varchar(255) not null unique,
    created_at      timestamp with time zone not null
);

create table connections (
    id              varchar(64) primary key,
    organization_id varchar(64) references organizations (id) on delete cascade,
    name            varchar(200) not null,
    connection_type varchar(40) not null,
    state           varchar(20) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

-- The people a connection's test IdP can sign in.
create table idp_people (
    id            varchar(64) primary key,
    connection_id varchar(64) not null references connections (id) on delete cascade,
    idp_id        varchar(200) not null,
    email         varchar(320) not null,
    first_name    varchar(100),
    last_name     varchar(100),
    department    varchar(100),
    job_title     varchar(100),
    groups_json   varchar(4000) not null,
    raw_json      varchar(16000) not null,
    unique (connection_id, idp_id)
);

-- A browser waiting on the test IdP page.
create table authorization_requests (
    id             varchar(64) primary key,
    connection_id  varchar(64) not null references connections (id) on delete cascade,
    client_id      varchar(200) not null,
    redirect_uri   varchar(2000) not null,
    state          varchar(2000),
    code_challenge varchar(200),
    login_hint     varchar(320),
    expires_at     timestamp with time zone not null,
    used_at        timestamp with time zone
);

create table authorization_codes (
    code           varchar(64) primary key,
    client_id      varchar(200) not null,
    code_challenge varchar(200),
    profile_json   varchar(32000) not null,
    expires_at     timestamp with time zone not null,
    used_at        timestamp with time zone
);

create table access_tokens (
    token        varchar(64) primary key,
    profile_json varchar(32000) not null,
    expires_at   timestamp with time zone not null
);
