package io.gatehouse.settings;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings bind from the environment and stop start-up with one line naming the variable when malformed. */
class GatehouseSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Bind.class);

	@Configuration
	@EnableConfigurationProperties(GatehouseSettings.class)
	static class Bind {

	}

	@Test
	void withNothingSetTheAppRunsInLocalMode() {
		runner.run(context -> {
			GatehouseSettings settings = context.getBean(GatehouseSettings.class);
			assertThat(settings.localMode()).isTrue();
			assertThat(settings.baseUrl()).isNull();
			assertThat(settings.workos().maxRetries()).isEqualTo(3);
			assertThat(settings.workos().timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(settings.local().idpInitiatedDomains()).containsExactly("acme.test");
		});
	}

	@Test
	void emptyVariablesCountAsUnset() {
		runner.withPropertyValues("gatehouse.base-url=", "gatehouse.workos.api-key=  ", "gatehouse.workos.api-base-url=")
			.run(context -> assertThat(context.getBean(GatehouseSettings.class).localMode()).isTrue());
	}

	@Test
	void anApiKeyWithAClientIdSwitchesToConnectedMode() {
		runner
			.withPropertyValues("gatehouse.workos.api-key=sk_test_123", "gatehouse.workos.client-id=client_123",
					"gatehouse.base-url=https://login.example.com/")
			.run(context -> {
				GatehouseSettings settings = context.getBean(GatehouseSettings.class);
				assertThat(settings.localMode()).isFalse();
				assertThat(settings.baseUrl()).hasToString("https://login.example.com");
			});
	}

	@Test
	void malformedBaseUrlStopsStartUpNamingTheVariable() {
		runner.withPropertyValues("gatehouse.base-url=login.example.com")
			.run(context -> assertThat(context).getFailure()
				.isInstanceOf(ConfigurationPropertiesBindException.class)
				.rootCause()
				.hasMessageContaining("GATEHOUSE_BASE_URL must be an absolute http(s) URL")
				.hasMessageContaining("login.example.com"));
	}

	@Test
	void apiKeyWithoutClientIdStopsStartUp() {
		runner.withPropertyValues("gatehouse.workos.api-key=sk_test_123")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("WORKOS_API_KEY is set, but connected mode needs both WORKOS_API_KEY and WORKOS_CLIENT_ID"));
	}

	@Test
	void malformedApiBaseUrlStopsStartUp() {
		runner.withPropertyValues("gatehouse.workos.api-base-url=ftp://api.example.com")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("WORKOS_API_BASE_URL"));
	}

}
