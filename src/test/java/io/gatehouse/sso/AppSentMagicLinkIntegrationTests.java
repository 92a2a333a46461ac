package io.gatehouse.sso;

import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.mail.Deliveries;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code gatehouse.login.magic-link-sender=app}, Gatehouse e-mails the link itself and raises the event. */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-app-magic", "gatehouse.login.magic-link-sender=app" })
class AppSentMagicLinkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	Deliveries deliveries;

	@Test
	void theAppSendsItsOwnEmailWithTheLinkAndAuditsIt() {
		accounts.createLocalUser("own.mail@magic.test", null, null, null, List.of());

		new SsoJourney(new TestBrowser(port)).identify("own.mail@magic.test", "");
		assertThat(new Outbox(port).await("own.mail@magic.test", "(/emulator/passwordless/)")).isPresent();
		assertThat(deliveries.awaitIdle(Outbox.WAIT)).isTrue();

		Page outbox = new TestBrowser(port).get("http://127.0.0.1:" + port + "/emulator/outbox");
		assertThat(outbox.body()).contains("Your Gatehouse sign-in link").contains("/emulator/passwordless/")
			.doesNotContain("Sign in to your account");
		assertThat(audit.latest(5)).anySatisfy(e -> {
			assertThat(e.type()).isEqualTo("magic_link.sent");
			assertThat(e.detail()).isEqualTo("sender=app").doesNotContain("passwordless");
		});
	}

}
