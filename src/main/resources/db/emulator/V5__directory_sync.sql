-- Emulated WorkOS Directory Sync: directories, their users and groups.
create table directories (
    id              varchar(64) primary key,
    organization_id varchar(64) not null references organizations (id) on delete cascade,
    name            varchar(200) not null,
    type            varchar(40)  not null,
    state           varchar(20)  not null,
    domain          varchar(255),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create table directory_users (
    id           varchar(64) primary key,
    directory_id varchar(64) not null references directories (id) on delete cascade,
    idp_id       varchar(200) not null,
    email        varchar(320),
    first_name   varchar(100),
    last_name    varchar(100),
    username     varchar(200),
    job_title    varchar(200),
    state        varchar(20)  not null,
    custom_json  varchar(4000) not null,
    raw_json     varchar(8000) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create index directory_users_directory on directory_users (directory_id, id);

create table directory_groups (
    id           varchar(64) primary key,
    directory_id varchar(64) not null references directories (id) on delete cascade,
    idp_id       varchar(200) not null,
    name         varchar(200) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create table directory_memberships (
    user_id  varchar(64) not null references directory_users (id) on delete cascade,
    group_id varchar(64) not null references directory_groups (id) on delete cascade,
    primary key (user_id, group_id)
);

create index directory_memberships_group on directory_memberships (group_id);
