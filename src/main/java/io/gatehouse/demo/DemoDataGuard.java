package io.gatehouse.demo;

import java.util.List;

import io.gatehouse.account.LocalModeData;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleView;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.StartupRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Connected mode never runs on what local mode left behind: demo accounts with published passwords, the generated
 * administrator, a catch-all password rule, the emulator's organisations (one of them allowing IdP-initiated
 * sign-in). Found in the database, they stop start-up, before the server listens, with a line naming the setting that
 * removes them ({@code GATEHOUSE_REMOVE_DEMO_DATA=true}); with it, they are deleted and the removal is audited.
 */
@Component
class DemoDataGuard implements SmartInitializingSingleton {

	static final String ACTOR = "demo data removal";

	private static final Logger LOG = LoggerFactory.getLogger(DemoDataGuard.class);

	private final GatehouseSettings settings;

	private final LocalModeData seeds;

	private final LoginRules rules;

	private final ApplicationEventPublisher events;

	DemoDataGuard(GatehouseSettings settings, LocalModeData seeds, LoginRules rules, ApplicationEventPublisher events) {
		this.events = events;
		this.settings = settings;
		this.seeds = seeds;
		this.rules = rules;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (settings.localMode()) {
			return;
		}
		LocalModeData.Seeds found = seeds.seeds();
		List<RuleView> demoRules = rules.demoRules();
		if (found.isEmpty() && demoRules.isEmpty()) {
			return;
		}
		if (!settings.removeDemoData()) {
			throw new StartupRefused("This database holds local mode's demo data (" + found.accounts().size()
					+ " account(s): " + String.join(", ", found.accounts()) + "; " + demoRules.size() + " rule(s); "
					+ found.organizations() + " organisation(s)), which connected mode refuses: start once with"
					+ " GATEHOUSE_REMOVE_DEMO_DATA=true to delete it, or use a fresh database");
		}
		for (RuleView rule : demoRules) {
			rules.delete(rule.id(), ACTOR);
		}
		LocalModeData.Seeds removed = seeds.remove();
		LOG.warn("Removed local mode's demo data: {} account(s) ({}), {} rule(s), {} organisation(s)",
				removed.accounts().size(), String.join(", ", removed.accounts()), demoRules.size(),
				removed.organizations());
		events.publishEvent(new DemoDataRemoved(removed.accounts(), demoRules.size(), removed.organizations()));
	}

}
