-- The audit log page: where an entry came from (the client's address and user agent, for entries written during a
-- web request), and indexes for its filters. Entries stay append-only: the app never updates or deletes them.
alter table audit_events add column ip varchar(64);
alter table audit_events add column user_agent varchar(300);

create index audit_events_type on audit_events (type, occurred_at);
create index audit_events_subject on audit_events (subject);
create index audit_events_user on audit_events (user_id);
