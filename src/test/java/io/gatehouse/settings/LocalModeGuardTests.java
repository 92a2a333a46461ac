package io.gatehouse.settings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local mode stays on this machine unless exposed on purpose: it listens on loopback, and refuses a public base URL,
 * a public listening address and a database on another machine, each with one line saying what to do.
 */
class LocalModeGuardTests {

	private final LocalModeGuard guard = new LocalModeGuard();

	private MockEnvironment apply(MockEnvironment environment) {
		guard.postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	@Test
	void localModeListensOnLoopbackOnly() {
		MockEnvironment environment = apply(new MockEnvironment());
		assertThat(environment.getProperty("gatehouse.mode")).isEqualTo("local");
		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void exposedLocalModeListensWhereTheOperatorSays() {
		MockEnvironment environment = apply(new MockEnvironment().withProperty("gatehouse.local.exposed", "true")
			.withProperty("gatehouse.base-url", "https://demo.example.com"));
		assertThat(environment.getProperty("server.address")).isNull();
	}

	@Test
	void localModeOnEveryInterfaceIsRefused() {
		assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("server.address", "0.0.0.0")))
			.isInstanceOf(StartupRefused.class)
			.hasMessageStartingWith("Local mode listens on loopback only, but SERVER_ADDRESS is 0.0.0.0");
	}

	@Test
	void localModeWithAPublicBaseUrlIsRefused() {
		assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("gatehouse.base-url", "https://login.example.com")))
			.isInstanceOf(StartupRefused.class)
			.hasMessageContaining("GATEHOUSE_BASE_URL is https://login.example.com");
		assertThat(apply(new MockEnvironment().withProperty("gatehouse.base-url", "http://127.0.0.1:8080"))
			.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void localModeOnARemoteDatabaseIsRefusedEvenWhenExposed() {
		assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("gatehouse.local.exposed", "true")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/gatehouse")))
			.isInstanceOf(StartupRefused.class)
			.hasMessageContaining("the database is on db.internal");
		assertThatThrownBy(() -> apply(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:h2:tcp://10.1.2.3/gatehouse")))
			.hasMessageContaining("the database is on 10.1.2.3");
	}

	@Test
	void aRemoteHostAnywhereInTheDatabaseUrlIsRefused() {
		assertThatThrownBy(() -> apply(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1,db.prod.example:5432/gatehouse")))
			.hasMessageContaining("the database is on db.prod.example");
		assertThatThrownBy(() -> apply(new MockEnvironment()
			.withProperty("gatehouse.local.emulator-jdbc-url", "jdbc:h2:tcp://db.prod.example/emulator")))
			.hasMessageContaining("the database is on db.prod.example");
		apply(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://[::1]:5432,localhost:5433/gatehouse"));
	}

	@Test
	void theManagementPortStaysOnLoopbackToo() {
		assertThat(apply(new MockEnvironment()).getProperty("management.server.address")).isNull();
		assertThat(apply(new MockEnvironment().withProperty("management.server.port", "9090"))
			.getProperty("management.server.address")).isEqualTo("127.0.0.1");
		assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("management.server.address", "0.0.0.0")))
			.hasMessageContaining("MANAGEMENT_SERVER_ADDRESS is 0.0.0.0");
	}

	@Test
	void theOptInIsReadAsSpringReadsItEverywhere() {
		assertThat(apply(new MockEnvironment().withProperty("gatehouse.local.exposed", "yes")).getProperty("server.address"))
			.isNull();
	}

	@Test
	void aThrowAwayDatabaseOnLoopbackAndH2FilesAreAllowed() {
		apply(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:55432/gatehouse_test"));
		apply(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://localhost/gatehouse"));
		apply(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/gatehouse;MODE=PostgreSQL"));
	}

	@Test
	void aHalfSetWorkOsIsRefusedBeforeAnythingStarts() {
		assertThatThrownBy(() -> apply(new MockEnvironment().withProperty("gatehouse.workos.api-key", "sk_live_typo")))
			.isInstanceOf(StartupRefused.class)
			.hasMessageStartingWith("WORKOS_API_KEY is set, but connected mode needs both");
	}

	@Test
	void connectedModeIsLeftAlone() {
		MockEnvironment environment = apply(new MockEnvironment().withProperty("gatehouse.workos.api-key", "sk_live_1")
			.withProperty("gatehouse.workos.client-id", "client_1")
			.withProperty("gatehouse.base-url", "https://login.example.com")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/gatehouse"));
		assertThat(environment.getProperty("gatehouse.mode")).isEqualTo("connected");
		assertThat(environment.getProperty("server.address")).isNull();
	}

}
