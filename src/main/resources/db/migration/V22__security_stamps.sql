-- A value that changes whenever what a person's sessions may do changes (the admin flag, groups, active). Each session
-- keeps the value it was signed in with; a different one on the row makes the session reload the person, or end if the
-- account is no longer active. Existing rows get 1, so sessions from before this column (which read as 0) reload once.
alter table users add column security_stamp bigint not null default 1;
