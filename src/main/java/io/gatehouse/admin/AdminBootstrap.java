package io.gatehouse.admin;

import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a fresh install (no rules at all) the first administrator must still be able to sign in and write the rules:
 * this adds one rule, "Administrators" (password, for accounts with {@code is_admin}), which admins may change later.
 */
@Component
class AdminBootstrap {

	static final String RULE = "Administrators";

	private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

	private final LoginRules rules;

	AdminBootstrap(LoginRules rules) {
		this.rules = rules;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(5)
	void ensureAdministratorsCanSignIn() {
		if (rules.isEmpty()) {
			rules.save(null, RuleDraft.of(RULE, LoginMethod.PASSWORD, 10, true, null, "{\"is_admin\": true}", null, null,
					JitMode.OFF, null, null, false, null, false), "first start");
			LOG.info("No login rules yet: added \"{}\" so administrators can sign in with a password", RULE);
		}
	}

}
