-- When a secret reached the hard stop. Set once (so the administrators are told once, not at every further attempt);
-- cleared when an administrator unlocks the account or a reset clears the count.
alter table throttle_accounts add column locked_at timestamp with time zone;
