-- Dashboard search at 100,000 users: "starts with" on the email, the full name or the last name, each an index range.
alter table directory_users add column last_lower varchar(100);
update directory_users set last_lower = lower(last_name);
create index directory_users_last on directory_users (directory_id, last_lower);

-- Browsing a directory by email, page after page: the whole ordering is in one index, so each page is read from it.
drop index directory_users_email;
create index directory_users_browse on directory_users (directory_id, email_lower, id);
