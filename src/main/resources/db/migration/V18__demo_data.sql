-- What local mode seeds (demo accounts, the generated administrator, demo rules, the emulator's organisations) is
-- marked, so that connected mode can refuse to start on it, or remove it (GATEHOUSE_REMOVE_DEMO_DATA=true).
alter table users add column demo boolean not null default false;
alter table login_rules add column demo boolean not null default false;
alter table organizations add column demo boolean not null default false;
