-- The local mirror of the customers' directories (WorkOS Directory Sync).
create table directories (
    id                  varchar(64) primary key,
    organization_id     varchar(64),
    name                varchar(200) not null,
    type                varchar(60)  not null,
    state               varchar(30)  not null,
    last_full_sync_at   timestamp with time zone,
    sync_cursor         varchar(64),
    sync_started_at     timestamp with time zone,
    synced_users        integer not null default 0,
    last_error          varchar(500)
);

create table directory_users (
    id             varchar(64) primary key,
    directory_id   varchar(64)  not null references directories (id) on delete cascade,
    idp_id         varchar(200) not null,
    email          varchar(320),
    email_lower    varchar(320),
    first_name     varchar(100),
    last_name      varchar(100),
    name_lower     varchar(210),
    state          varchar(20)  not null,
    groups_text    varchar(4000) not null,
    custom_json    varchar(4000) not null,
    synced_at      timestamp with time zone not null
);

create index directory_users_email on directory_users (directory_id, email_lower);
create index directory_users_name on directory_users (directory_id, name_lower);
