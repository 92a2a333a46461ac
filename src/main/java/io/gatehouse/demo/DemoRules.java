package io.gatehouse.demo;

import java.util.List;
import java.util.Optional;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.LocalModeData;
import io.gatehouse.account.Passwords;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.workos.SsoConnection;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import io.gatehouse.workos.WorkOsOrganization;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In local mode, on a first start: rules for Acme (Okta SAML, JIT with saved attributes), Globex (its connection),
 * {@code *@gmail.test} (Google OAuth), {@code *@magic.test} (magic link), administrators and everyone else (password),
 * plus a demo password user and {@code ada@magic.test}. All of it is marked as demo data ({@link DemoDataGuard}).
 */
@Component
class DemoRules {

	static final String DEMO_USER = "demo.user@example.test";

	static final String DEMO_PASSWORD = "gatehouse-demo-password";

	static final String MAGIC_USER = "ada@magic.test";

	/** Added on a fresh install by the admin module's bootstrap; the demo keeps it. */
	private static final String ADMINISTRATORS = "Administrators";

	private static final Logger LOG = LoggerFactory.getLogger(DemoRules.class);

	private static final String ACTOR = "local-mode seed";

	private final LoginRules rules;

	private final WorkOs workos;

	private final Accounts accounts;

	private final Passwords passwords;

	private final GatehouseSettings settings;

	private final LocalModeData seeds;

	DemoRules(LoginRules rules, WorkOs workos, Accounts accounts, Passwords passwords, GatehouseSettings settings,
			LocalModeData seeds) {
		this.seeds = seeds;
		this.rules = rules;
		this.workos = workos;
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(20)
	void seed() {
		if (!settings.localMode() || rules.list().stream().anyMatch(r -> !r.name().equals(ADMINISTRATORS))) {
			return;
		}
		List<WorkOsOrganization> organizations;
		List<SsoConnection> connections;
		try {
			organizations = workos.organizations();
			connections = workos.connections();
		}
		catch (WorkOsException e) {
			LOG.warn("Could not read the emulator's organisations ({}); demo rules not seeded", e.reason());
			return;
		}
		if (rules.list().isEmpty()) {
			save(ADMINISTRATORS, LoginMethod.PASSWORD, 10, null, "{\"is_admin\": true}", null, null, JitMode.OFF, null,
					null, false);
		}
		organization(organizations, "acme.test")
			.ifPresent(acme -> save("Acme people via Okta", LoginMethod.SSO, 20, "@acme\\.test$", null, null, acme.id(),
					JitMode.MATCHING_PATTERN, "Acme staff", """
							{"first_name": "{{profile.first_name}}", "last_name": "{{profile.last_name}}",
							 "attributes": {"department": "{{profile.raw_attributes.department}}",
							                "title": "{{profile.raw_attributes.title}}"}}""", true));
		connections.stream()
			.filter(c -> c.domains().contains("globex.test"))
			.findFirst()
			.ifPresent(globex -> save("Globex via Entra ID", LoginMethod.SSO, 30, "@globex\\.test$", null, globex.id(),
					null, JitMode.MATCHING_PATTERN, "Globex staff", null, false));
		save("Gmail people via Google", LoginMethod.GOOGLE_OAUTH, 40, "@gmail\\.test$", null, null, null,
				JitMode.MATCHING_PATTERN, null, null, false);
		save("Okta people via OIDC", LoginMethod.OIDC, 48, "@okta\\.test$", null, null, null, JitMode.MATCHING_PATTERN,
				"Okta staff", null, false);
		save("Magic link people", LoginMethod.MAGIC_LINK, 45, "@magic\\.test$", null, null, null, JitMode.OFF, null, null,
				false);
		save("Everyone else: password", LoginMethod.PASSWORD, 1000, ".+", null, null, null, JitMode.OFF, null, null,
				false);
		if (accounts.findForLogin(MAGIC_USER, true, false).isEmpty()) {
			seeds.markAccount(accounts.createLocalUser(MAGIC_USER, "Ada", "Magic", null, List.of()));
		}
		if (accounts.findForLogin(DEMO_USER, true, false).isEmpty()) {
			seeds.markAccount(
					accounts.createLocalUser(DEMO_USER, "Demo", "User", passwords.hash(DEMO_PASSWORD), List.of("Demo")));
		}
		LOG.info("Seeded the local-mode demo login rules and the password user {}", DEMO_USER);
	}

	private void save(String name, LoginMethod method, int priority, @Nullable String pattern, @Nullable String lookup,
			@Nullable String connectionId, @Nullable String organizationId, JitMode jit, @Nullable String jitGroups,
			@Nullable String saved, boolean autoUpdate) {
		LoginRules.SaveResult result = rules.save(null, RuleDraft.of(name, method, priority, true, pattern, lookup,
				connectionId, organizationId, jit, jitGroups, saved, autoUpdate, null, false), ACTOR);
		if (result.rule() != null) {
			rules.markDemo(result.rule().id());
		}
		else {
			LOG.warn("Demo rule {} was not saved: {}", name, result.errors());
		}
	}

	private static Optional<WorkOsOrganization> organization(List<WorkOsOrganization> all, String domain) {
		return all.stream().filter(o -> o.domains().contains(domain)).findFirst();
	}

}
