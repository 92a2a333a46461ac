-- A user's group names are read from the memberships when shown, instead of being copied onto every user row (a
-- renamed group of 100,000 people rewrote 100,000 rows).
alter table directory_users drop column groups_text;
