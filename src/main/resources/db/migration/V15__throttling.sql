-- Throttling counters, shared by every instance and changed only by single atomic statements.

-- Consecutive failures per account and kind of secret ('password:user:42', 'code:user:42', 'password:name:bob').
create table throttle_accounts (
    throttle_key    varchar(200) primary key,
    failures        integer not null,
    in_flight       integer not null,
    next_attempt_at timestamp with time zone,
    updated_at      timestamp with time zone not null
);

-- Fixed windows per IP address and bucket ('SIGN_IN:203.0.113.7').
create table throttle_windows (
    throttle_key varchar(100) primary key,
    window_start timestamp with time zone not null,
    hits         integer not null
);

create index throttle_windows_start on throttle_windows (window_start);
