package io.gatehouse.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at every start which mode Gatehouse runs in, and, in local mode, who can reach it. */
@Component
class ModeBanner {

	private static final Logger LOG = LoggerFactory.getLogger(ModeBanner.class);

	private final GatehouseSettings settings;

	private final PublicUrls urls;

	private final Environment environment;

	ModeBanner(GatehouseSettings settings, PublicUrls urls, Environment environment) {
		this.settings = settings;
		this.urls = urls;
		this.environment = environment;
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		int port = event.getWebServer().getPort();
		if (!settings.localMode()) {
			LOG.info("Gatehouse is running in CONNECTED mode: WorkOS at {}, public URL {}, port {}",
					urls.workosApiBaseUrl() != null ? urls.workosApiBaseUrl() : "https://api.workos.com", urls.baseUrl(),
					port);
		}
		else if (settings.local().exposed()) {
			LOG.warn("Gatehouse is running in LOCAL mode, EXPOSED (GATEHOUSE_LOCAL_MODE_EXPOSED=true): anyone who can"
					+ " reach port {} can use the emulator's test IdP and outbox. For a demo only, never for real people.",
					port);
		}
		else {
			LOG.info("Gatehouse is running in LOCAL mode: embedded WorkOS emulator and demo data, listening on {}:{}"
					+ " only ({}/accounts/login). Not for real people: see the README's \"Security\" section.",
					environment.getProperty("server.address", "127.0.0.1"), port, urls.baseUrl());
		}
	}

}
