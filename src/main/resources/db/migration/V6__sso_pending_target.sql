-- A pending SSO sign-in may target a connection, an organisation or an OAuth provider.
alter table sso_pending_logins rename column organization_workos_id to target;
alter table sso_pending_logins alter column target set data type varchar(200);
