package io.gatehouse.throttle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.account.AccountActivation;
import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hard stop (at 4 failures here) is no permanent lock-out: the administrators are told once, the users list shows
 * which secret is locked, and an administrator's unlock (audited) lets the person in again. Meanwhile the locked person
 * sees exactly the answer of a wrong password.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-hard-stop-tests",
		"gatehouse.throttle.free-failures=2", "gatehouse.throttle.hard-stop=4", "gatehouse.throttle.first-delay=0s" })
class HardStopIntegrationTests {

	static final String WRONG = "Incorrect username or password.";

	static final String ADMIN = "root@hard-stop-tests.example";

	static final String OTHER_ADMIN = "deputy@hard-stop-tests.example";

	static final String RETIRED_ADMIN = "retired@hard-stop-tests.example";

	static final String PASSWORD = "hard-stop-tests-password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AccountThrottle throttle;

	@Autowired
	AccountActivation activation;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void administrators() {
		for (String email : List.of(ADMIN, OTHER_ADMIN, RETIRED_ADMIN)) {
			if (accounts.findForLogin(email, true, false).isEmpty()) {
				accounts.createAdmin(email, passwords.hash(PASSWORD));
			}
		}
		long retired = accounts.findForLogin(RETIRED_ADMIN, true, false).orElseThrow().userId();
		long root = accounts.findForLogin(ADMIN, true, false).orElseThrow().userId();
		activation.deactivate(retired, new SignedInUser(root, ADMIN, "Root", true, 0));
	}

	long newUser(String email) {
		return accounts.createLocalUser(email, "Locked", "Out", passwords.hash(PASSWORD), List.of());
	}

	/** One browser at the password step, trying passwords one after another. */
	record Guesser(TestBrowser browser, Page step) {

		Page attempt(String password) {
			return browser.submit(step, "/accounts/login/password", Map.of("password", password));
		}

	}

	Guesser atThePasswordStep(String email) {
		TestBrowser browser = new TestBrowser(port);
		return new Guesser(browser, browser.get(new SsoJourney(browser).identify(email, "").location()));
	}

	void lockThePassword(String email) {
		Guesser guesser = atThePasswordStep(email);
		for (int i = 0; i < 4; i++) {
			assertThat(guesser.attempt("wrong-" + i).body()).contains(WRONG);
		}
	}

	/** How many messages in the outbox went to {@code recipient} and mention {@code text}. */
	int mails(String recipient, String text) {
		String outbox = new TestBrowser(port).get("http://127.0.0.1:" + port + "/emulator/outbox").body();
		Matcher m = Pattern.compile("<td class=\"recipient\">" + Pattern.quote(recipient) + "</td>\\s*<td class=\"body\">([^<]*)")
			.matcher(outbox);
		int count = 0;
		while (m.find()) {
			count += m.group(1).contains(text) ? 1 : 0;
		}
		return count;
	}

	@Test
	void hardStopWhenReachedThenEveryActiveAdministratorIsMailedOnceAndItIsAudited() {
		String email = "guessed.at@hard-stop-tests.example";
		long userId = newUser(email);

		lockThePassword(email);
		Guesser later = atThePasswordStep(email);
		assertThat(later.attempt("wrong-again").body()).contains(WRONG);
		assertThat(later.attempt(PASSWORD).body()).as("the right password, refused like a wrong one").contains(WRONG);

		String subject = "Gatehouse: sign-in locked for " + email;
		assertThat(mails(ADMIN, subject)).isEqualTo(1);
		assertThat(mails(OTHER_ADMIN, subject)).isEqualTo(1);
		assertThat(mails(RETIRED_ADMIN, subject)).as("not to an inactive administrator").isZero();
		assertThat(mails(email, subject)).isZero();
		assertThat(new TestBrowser(port).get("http://127.0.0.1:" + port + "/emulator/outbox").body())
			.contains("/admin/users?q=guessed.at%40hard-stop-tests.example");
		assertThat(audit.latest(50).stream().filter(e -> "user.locked".equals(e.type()))
			.filter(e -> Long.valueOf(userId).equals(e.userId()))
			.toList()).singleElement().satisfies(entry -> {
				assertThat(entry.subject()).isEqualTo(email);
				assertThat(entry.detail()).isEqualTo("secret=password");
			});
	}

	@Test
	void usersListWhenThePasswordIsLockedThenShowsItAndAnUnlockLetsTheRightPasswordIn() {
		String email = "unlock.me@hard-stop-tests.example";
		long userId = newUser(email);
		lockThePassword(email);
		TestBrowser admin = SignedInAs.password(port, ADMIN, PASSWORD);

		Page list = admin.get("/admin/users?q=" + email);
		assertThat(list.find("class=\"badge text-bg-danger locked\">([^<]+)<")).contains("locked: password");
		Page unlocked = admin.submit(list, "/admin/users/" + userId + "/unlock", Map.of());

		assertThat(admin.get(unlocked.location()).body()).contains("The account has been unlocked")
			.doesNotContain("class=\"badge text-bg-danger locked\"");
		assertThat(atThePasswordStep(email).attempt(PASSWORD).location()).endsWith("/account");
		assertThat(audit.latest(20)).anySatisfy(entry -> {
			assertThat(entry.type()).isEqualTo("user.unlocked");
			assertThat(entry.userId()).isEqualTo(userId);
			assertThat(entry.subject()).isEqualTo(ADMIN);
			assertThat(entry.detail()).isEqualTo("actor=" + ADMIN + " user=" + email + " was_locked=password");
		});
	}

	@Test
	void hardStopWhenReachedAgainAfterAnUnlockThenTheAdministratorsAreToldAgain() {
		String email = "twice@hard-stop-tests.example";
		long userId = newUser(email);
		lockThePassword(email);
		TestBrowser admin = SignedInAs.password(port, ADMIN, PASSWORD);
		admin.submit(admin.get("/admin/users?q=" + email), "/admin/users/" + userId + "/unlock", Map.of());

		lockThePassword(email);

		assertThat(mails(ADMIN, "Gatehouse: sign-in locked for " + email)).isEqualTo(2);
	}

	@Test
	void usersListWhenTheCodesAreLockedThenTheBadgeSaysCodes() {
		String email = "codes.locked@hard-stop-tests.example";
		long userId = newUser(email);
		for (int i = 0; i < 4; i++) {
			Optional<Attempt> attempt = throttle.begin(AccountThrottle.Secret.CODE, AccountThrottle.user(userId));
			throttle.failed(attempt.orElseThrow());
		}
		TestBrowser admin = SignedInAs.password(port, ADMIN, PASSWORD);

		Page list = admin.get("/admin/users?q=" + email);

		assertThat(list.find("class=\"badge text-bg-danger locked\">([^<]+)<")).contains("locked: codes");
		assertThat(mails(OTHER_ADMIN, "Gatehouse: sign-in locked for " + email)).isEqualTo(1);
	}

	@Test
	void unlockWhenNotAnAdministratorOrWithoutCsrfThenRefusedAndStillLocked() {
		String email = "stays.locked@hard-stop-tests.example";
		long userId = newUser(email);
		lockThePassword(email);
		String someoneEmail = "someone@hard-stop-tests.example";
		newUser(someoneEmail);
		TestBrowser someone = SignedInAs.password(port, someoneEmail, PASSWORD);
		TestBrowser admin = SignedInAs.password(port, ADMIN, PASSWORD);

		assertThat(someone.submit(someone.get("/account"), "/admin/users/" + userId + "/unlock", Map.of()).status())
			.isEqualTo(403);
		assertThat(admin.post("/admin/users/" + userId + "/unlock", Map.of()).status()).isEqualTo(403);

		assertThat(atThePasswordStep(email).attempt(PASSWORD).body()).contains(WRONG);
	}

}
