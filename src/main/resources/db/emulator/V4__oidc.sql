-- The emulated Okta OpenID Connect provider reuses the test IdP page and authorization codes; it adds the nonce and
-- the redirect URI, which the ID token and the token request must match.
alter table authorization_requests add column nonce varchar(500);
alter table authorization_codes add column nonce varchar(500);
alter table authorization_codes add column redirect_uri varchar(2000);
