-- What local mode seeds (demo accounts, the generated administrator, demo rules, the emulator's organisations) is
-- marked, so that connected mode can refuse to start on it, or remove it (GATEHOUSE_REMOVE_DEMO_DATA=true).
alter table users add column demo boolean not null default false;
alter table login_rules add column demo boolean not null default false;
alter table organizations add column demo boolean not null default false;

-- Databases that ran local mode before this migration: mark what its seeding made, by the names it used.
update users set demo = true
 where email_normalized in ('demo.user@example.test', 'ada@magic.test', 'admin@gatehouse.test');
update login_rules set demo = true
 where name in ('Acme people via Okta', 'Globex via Entra ID', 'Gmail people via Google', 'Okta people via OIDC',
                'Magic link people', 'Everyone else: password');
update organizations set demo = true
 where id in (select organization_id from organization_domains where domain in ('acme.test', 'globex.test'));
