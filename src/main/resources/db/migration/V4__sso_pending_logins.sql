-- SSO sign-ins started and not yet finished: the state and the session binding are stored hashed.
create table sso_pending_logins (
    state_hash             char(64)      primary key,
    binding_hash           char(64)      not null,
    code_verifier          varchar(128)  not null,
    organization_workos_id varchar(64)   not null,
    next_path              varchar(2000) not null,
    login_hint             varchar(320)  not null,
    started_at             timestamp with time zone not null
);

create index sso_pending_logins_started on sso_pending_logins (started_at);
