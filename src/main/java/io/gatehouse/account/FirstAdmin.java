package io.gatehouse.account;

import java.security.SecureRandom;
import java.util.Base64;

import io.gatehouse.settings.GatehouseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an administrator: from {@code GATEHOUSE_ADMIN_EMAIL}/{@code GATEHOUSE_ADMIN_PASSWORD}, or in
 * local mode {@code admin@gatehouse.test} with a generated password printed once, at the first start.
 */
@Component
class FirstAdmin {

	static final String LOCAL_ADMIN_EMAIL = "admin@gatehouse.test";

	private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final GatehouseSettings settings;

	FirstAdmin(Accounts accounts, Passwords passwords, GatehouseSettings settings) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void ensureAnAdministrator() {
		if (accounts.hasAdmin()) {
			return;
		}
		GatehouseSettings.Admin admin = settings.admin();
		if (admin.email() != null && admin.password() != null) {
			accounts.createAdmin(admin.email(), passwords.hash(admin.password()));
			LOG.info("Created the first administrator from GATEHOUSE_ADMIN_EMAIL");
		}
		else if (settings.localMode()) {
			String email = admin.email() != null ? admin.email() : LOCAL_ADMIN_EMAIL;
			String password = generated();
			accounts.createAdmin(email, passwords.hash(password));
			// Deliberately printed once, at the first start in local mode only, so the demo admin can sign in.
			LOG.warn("""

					==============================================================
					 Local mode: administrator {} created with password
					     {}
					 It is shown only this once. Set GATEHOUSE_ADMIN_PASSWORD to choose it.
					==============================================================""", email, password);
		}
		else {
			LOG.warn("No administrator exists: set GATEHOUSE_ADMIN_EMAIL and GATEHOUSE_ADMIN_PASSWORD to create one");
		}
	}

	private static String generated() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
