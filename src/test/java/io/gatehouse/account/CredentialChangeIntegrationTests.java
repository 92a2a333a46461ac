package io.gatehouse.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.Outbox;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.support.TotpCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thief who holds one of a person's sessions loses it when the person recovers: a password reset ends every
 * session, a password change every other one (the one in use stays, under a new id) and every unused reset link. The
 * person is told by e-mail.
 */
@GatehouseIntegrationTest
class CredentialChangeIntegrationTests {

	static final String PASSWORD = "victim-old-passphrase-4711";

	static final String NEW_PASSWORD = "victim-fresh-passphrase-0815";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AuditLog audit;

	String newUser(String email) {
		accounts.createLocalUser(email, "Vic", "Tim", passwords.hash(PASSWORD), List.of());
		return email;
	}

	/** Waits (bounded) for something the app may do in the background, such as a mail. */
	static <T> Optional<T> eventually(Supplier<Optional<T>> probe) {
		Instant until = Instant.now().plus(Duration.ofSeconds(5));
		Optional<T> found = probe.get();
		while (found.isEmpty() && Instant.now().isBefore(until)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return found;
			}
			found = probe.get();
		}
		return found;
	}

	String resetLink(String email) {
		TestBrowser anyone = new TestBrowser(port);
		Page form = anyone.get("/accounts/password-reset");
		assertThat(anyone.submit(form, "/accounts/password-reset", Map.of("email", email)).body())
			.contains("Check your email");
		return eventually(() -> new Outbox(port).find(email,
				"(http://localhost:" + port + "/accounts/password-reset/[A-Za-z0-9_-]+)"))
			.orElseThrow(() -> new AssertionError("no reset link for " + email));
	}

	Page changePassword(TestBrowser browser, String current, String replacement) {
		Page account = browser.get("/account");
		return browser.submit(account, "/account/password",
				Map.of("currentPassword", current, "newPassword", replacement, "confirmation", replacement));
	}

	static boolean signedIn(TestBrowser browser) {
		return browser.get("/account").status() == 200;
	}

	List<AuditEntry> entries(String type, String email) {
		return audit.latest(200).stream().filter(e -> type.equals(e.type()) && email.equals(e.subject())).toList();
	}

	@Test
	void aThiefsSessionWhenTheVictimResetsTheirPasswordThenIsSignedOut() {
		String email = newUser("reset.victim@credential-changes.example");
		TestBrowser victim = SignedInAs.password(port, email, PASSWORD);
		TestBrowser thief = SignedInAs.password(port, email, PASSWORD);
		assertThat(signedIn(thief)).isTrue();

		String link = resetLink(email);
		TestBrowser recovering = new TestBrowser(port);
		Page done = recovering.submit(recovering.get(link), link,
				Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(done.location()).endsWith("/accounts/login?passwordReset");
		assertThat(signedIn(thief)).as("the thief's session").isFalse();
		assertThat(signedIn(victim)).as("a reset ends every session, the victim's too").isFalse();
		assertThat(signedIn(SignedInAs.password(port, email, NEW_PASSWORD))).isTrue();
		assertThat(entries("password.reset", email)).singleElement()
			.satisfies(entry -> assertThat(entry.detail()).contains("sessions_ended=2"));
		assertThat(eventually(() -> new Outbox(port).find(email, "(Your Gatehouse password was reset)"))).isPresent();
	}

	@Test
	void aThiefsSessionWhenTheVictimChangesTheirPasswordThenIsSignedOutAndTheVictimStaysUnderANewSessionId() {
		String email = newUser("change.victim@credential-changes.example");
		TestBrowser victim = SignedInAs.password(port, email, PASSWORD);
		TestBrowser thief = SignedInAs.password(port, email, PASSWORD);
		String before = victim.sessionCookie().orElseThrow();

		Page changed = changePassword(victim, PASSWORD, NEW_PASSWORD);

		assertThat(changed.location()).endsWith("/account");
		assertThat(victim.get(changed.location()).body()).contains("Your password has been changed");
		assertThat(signedIn(thief)).as("the thief's session").isFalse();
		assertThat(signedIn(victim)).as("the session that changed it").isTrue();
		assertThat(victim.sessionCookie()).as("the session id is rotated").isPresent().get().isNotEqualTo(before);
		assertThat(entries("password.changed", email)).singleElement()
			.satisfies(entry -> assertThat(entry.detail()).contains("sessions_ended=1"));
		assertThat(eventually(() -> new Outbox(port).find(email, "(Your Gatehouse password was changed)")))
			.isPresent();
	}

	@Test
	void anOldResetLinkWhenThePasswordIsChangedThenNoLongerWorks() {
		String email = newUser("stale.link@credential-changes.example");
		String link = resetLink(email);
		TestBrowser owner = SignedInAs.password(port, email, PASSWORD);

		assertThat(changePassword(owner, PASSWORD, NEW_PASSWORD).location()).endsWith("/account");

		TestBrowser whoeverHasTheLink = new TestBrowser(port);
		assertThat(whoeverHasTheLink.get(link).body()).contains("This link no longer works");
		Page attempt = whoeverHasTheLink.submit(whoeverHasTheLink.get("/accounts/password-reset"), link,
				Map.of("password", "attacker-chosen-passphrase-1", "confirmation", "attacker-chosen-passphrase-1"));
		assertThat(attempt.body()).contains("This link no longer works");
		assertThat(signedIn(SignedInAs.password(port, email, NEW_PASSWORD))).isTrue();
	}

	@Test
	void aWrongCurrentPasswordWhenChangingThenEndsNoSessionAndSendsNoMail() {
		String email = newUser("clumsy@credential-changes.example");
		TestBrowser owner = SignedInAs.password(port, email, PASSWORD);
		TestBrowser other = SignedInAs.password(port, email, PASSWORD);

		Page refused = changePassword(owner, "not-the-password-at-all", NEW_PASSWORD);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("is-invalid");
		assertThat(signedIn(other)).isTrue();
		assertThat(new Outbox(port).find(email, "(Your Gatehouse password was changed)")).isEmpty();
		assertThat(entries("password.changed", email)).isEmpty();
	}

	@Test
	void aResetWhenMadeInABrowserSignedInAsThePersonThenEndsThatSessionToo() {
		String email = "self.reset@credential-changes.example";
		newUser(email);
		TestBrowser browser = SignedInAs.password(port, email, PASSWORD);
		String link = resetLink(email);

		Page done = browser.submit(browser.get(link), link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

		assertThat(done.location()).endsWith("/accounts/login?passwordReset");
		assertThat(signedIn(browser)).isFalse();
		assertThat(browser.get(done.location()).status()).isEqualTo(200);
	}

	@Test
	void factorAndRecoveryCodeChangesWhenMadeThenThePersonIsNotifiedByEmail() {
		String email = "notified@credential-changes.example";
		newUser(email);
		TestBrowser owner = SignedInAs.password(port, email, PASSWORD);
		Page enrol = owner.get("/accounts/enroll-totp");
		String secret = enrol.find("id=\"totp-secret\">([A-Z2-7]+)<").orElseThrow();
		assertThat(owner.submit(enrol, "/accounts/enroll-totp", Map.of("code", TotpCodes.code(secret, -1))).status())
			.isEqualTo(302);
		assertThat(eventually(() -> new Outbox(port).find(email, "(A second factor \\(an authenticator app\\) was added)")))
			.isPresent();
		assertThat(new Outbox(port).find(email, "(New Gatehouse recovery codes|New recovery codes were made)"))
			.as("the first set comes with the factor, without a mail of its own")
			.isEmpty();

		Page codes = owner.get("/account/recovery-codes");
		assertThat(owner.submit(codes, "/account/recovery-codes", Map.of()).location()).endsWith("/account/recovery-codes");
		assertThat(eventually(() -> new Outbox(port).find(email, "(New recovery codes were made)"))).isPresent();
		assertThat(entries("recovery_code.regenerated", email)).extracting(AuditEntry::detail)
			.containsExactly("replaced=true", "replaced=false");

		Page account = owner.get("/account");
		String action = account.find("action=\"(/account/factors/\\d+/remove)\"").orElseThrow();
		Page removed = owner.submit(account, action, Map.of("code", TotpCodes.code(secret, 1)));
		assertThat(owner.get(removed.location()).body()).contains("The factor has been removed.");
		assertThat(eventually(() -> new Outbox(port).find(email, "(A second factor \\(an authenticator app\\) was removed)")))
			.isPresent();
		assertThat(new Outbox(port).find(email, "If this was not you[^<]*(/accounts/password-reset)")).isPresent();
	}

}
