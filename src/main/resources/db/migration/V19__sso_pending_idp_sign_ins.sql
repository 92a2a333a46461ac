-- IdP-initiated sign-ins that arrived in a browser signed in as someone else, waiting for the person to confirm:
-- one per session (by the hash of its binding), the verified profile kept server-side only, for 5 minutes.
create table sso_pending_idp_sign_ins (
    binding_hash char(64)         primary key,
    profile_json varchar(1000000) not null,
    relay_target varchar(2000),
    started_at   timestamp with time zone not null
);

create index sso_pending_idp_sign_ins_started on sso_pending_idp_sign_ins (started_at);
