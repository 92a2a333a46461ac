package io.gatehouse.sso;

import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.LocalModeData;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import io.gatehouse.workos.WorkOsOrganization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the local organisations (name, domains) in step with WorkOS: once the app is up, then every 15 minutes. In
 * local mode, organisations named in {@code gatehouse.local.idp-initiated-domains} are allowed IdP-initiated sign-in
 * when first imported, so the emulator's IdP dashboard works out of the box.
 */
@Component
class OrganizationImport {

	private static final Logger LOG = LoggerFactory.getLogger(OrganizationImport.class);

	private final WorkOs workos;

	private final Accounts accounts;

	private final GatehouseSettings settings;

	private final LocalModeData seeds;

	OrganizationImport(WorkOs workos, Accounts accounts, GatehouseSettings settings, LocalModeData seeds) {
		this.seeds = seeds;
		this.workos = workos;
		this.accounts = accounts;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	@Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT15M")
	void run() {
		List<WorkOsOrganization> organizations;
		try {
			organizations = workos.organizations();
		}
		catch (WorkOsException e) {
			LOG.warn("Could not import organisations from WorkOS ({}); sign-in uses the ones already known", e.reason());
			return;
		}
		for (WorkOsOrganization organization : organizations) {
			boolean created = accounts.importOrganization(organization.id(), organization.name(), organization.domains());
			if (created && settings.localMode()) {
				// The emulator's organisations are demo data: connected mode refuses them (DemoDataGuard).
				seeds.markOrganization(organization.id());
				if (organization.domains().stream().anyMatch(settings.local().idpInitiatedDomains()::contains)) {
					accounts.allowIdpInitiated(organization.id(), true);
				}
			}
		}
		LOG.info("Imported {} organisation(s) from WorkOS", organizations.size());
	}

}
