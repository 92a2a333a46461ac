package io.gatehouse.ops;

import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations: health for everyone (its parts, including WorkOS, for admins only) and the sign-in metrics for admins.
 */
@GatehouseIntegrationTest
class ActuatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Test
	void healthIsPublicButItsPartsAndTheMetricsAreForAdmins() {
		TestBrowser anonymous = new TestBrowser(port);
		Page health = anonymous.get("/actuator/health", "application/json");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("workos");
		assertThat(anonymous.get("/actuator/metrics", "application/json").status()).isEqualTo(401);

		accounts.createLocalUser("metrics.person@example.test", null, null, passwords.hash("metrics-person-password"),
				List.of());
		SignedInAs.password(port, "metrics.person@example.test", "metrics-person-password");
		assertThat(SignedInAs.password(port, "metrics.person@example.test", "metrics-person-password")
			.get("/actuator/metrics", "application/json").status()).isEqualTo(403);

		accounts.createAdmin("ops.admin@example.test", passwords.hash("ops-admin-password"));
		TestBrowser admin = SignedInAs.password(port, "ops.admin@example.test", "ops-admin-password");
		Page detailed = admin.get("/actuator/health", "application/json");
		assertThat(detailed.body()).contains("\"status\":\"UP\"").contains("\"workos\":{\"details\":{\"organizations\":").contains("\"db\":");
		Page signIns = admin.get("/actuator/metrics/gatehouse.sign.ins?tag=method:password&tag=outcome:succeeded",
				"application/json");
		assertThat(signIns.status()).isEqualTo(200);
		assertThat(signIns.body()).contains("\"statistic\":\"COUNT\"");
		assertThat(signIns.find("\"value\":([0-9.]+)").map(Double::parseDouble).orElseThrow()).isGreaterThanOrEqualTo(3.0);
	}

}
