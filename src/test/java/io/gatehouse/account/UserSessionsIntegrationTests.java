package io.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.audit.AuditEntry;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions card on the account page, and an administrator signing a person out everywhere, over real HTTP. */
@GatehouseIntegrationTest
class UserSessionsIntegrationTests {

	static final String PASSWORD = "sessions-tests-password";

	static final String CHROME_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/126.0.0.0 Safari/537.36";

	static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0";

	static final Pattern HANDLE = Pattern.compile("name=\"session\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AuditLog audit;

	String newUser(String email) {
		accounts.createLocalUser(email, "Sess", "Ion", passwords.hash(PASSWORD), List.of());
		return email;
	}

	TestBrowser signIn(String email, String userAgent) {
		return SignedInAs.password(new TestBrowser(port).header("User-Agent", userAgent), email, PASSWORD);
	}

	static List<String> handles(Page page) {
		Matcher m = HANDLE.matcher(page.body());
		List<String> found = new java.util.ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	@Test
	void twoSignInsOfThePersonListTwoSessionsWithDeviceAndAddressButNoSessionIds() {
		String email = newUser("two.devices@sessions-tests.example");
		TestBrowser laptop = signIn(email, CHROME_ON_LINUX);
		TestBrowser desktop = signIn(email, FIREFOX_ON_WINDOWS);

		Page page = laptop.get("/account");

		assertThat(page.status()).isEqualTo(200);
		assertThat(count(page.body(), "class=\"list-group-item session")).isEqualTo(2);
		assertThat(page.find("class=\"session-device\">([^<]+)<")).as("newest first").contains("Firefox on Windows");
		assertThat(page.body()).contains("Chrome on Linux").contains("This session");
		assertThat(count(page.body(), "This session</span>")).isEqualTo(1);
		assertThat(page.find("class=\"session-ip\">([^<]+)<")).get().asString().matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
		assertThat(page.find("class=\"session-method\">([^<]+)<")).contains("Password");
		assertThat(handles(page)).hasSize(1).allMatch(h -> h.matches("[0-9a-f]{64}"));
		for (TestBrowser browser : List.of(laptop, desktop)) {
			String cookie = browser.sessionCookie().orElseThrow();
			String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
			assertThat(page.body()).doesNotContain(cookie).doesNotContain(id);
		}
		Page fromTheOtherDevice = desktop.get("/account");
		assertThat(fromTheOtherDevice.find("class=\"session-device\">([^<]+)</strong>\\s*<span class=\"badge[^\"]*\">This session"))
			.contains("Firefox on Windows");
	}

	@Test
	void endingTheOtherSessionSignsThatBrowserOut() {
		String email = newUser("lost.laptop@sessions-tests.example");
		TestBrowser here = signIn(email, CHROME_ON_LINUX);
		TestBrowser lost = signIn(email, FIREFOX_ON_WINDOWS);
		Page page = here.get("/account");

		Page ended = here.submit(page, "/account/sessions/end", Map.of("session", handles(page).get(0)));

		assertThat(ended.location()).endsWith("/account#sessions");
		Page after = here.get("/account");
		assertThat(after.find("id=\"flash\">([^<]+)<")).get().asString().contains("That session has ended");
		assertThat(after.body()).doesNotContain("Firefox on Windows");
		assertThat(handles(after)).isEmpty();
		assertThat(lost.get("/account").location()).contains("/accounts/login");
		assertThat(audit.latest(20).stream().filter(e -> "sessions.ended".equals(e.type())).map(AuditEntry::detail))
			.contains("user=" + email + " scope=one count=1");
	}

	@Test
	void signingOutAllOtherSessionsKeepsTheCurrentOne() {
		String email = newUser("many.devices@sessions-tests.example");
		TestBrowser here = signIn(email, CHROME_ON_LINUX);
		TestBrowser phone = signIn(email, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
		TestBrowser desktop = signIn(email, FIREFOX_ON_WINDOWS);
		Page page = here.get("/account");
		assertThat(handles(page)).hasSize(2);

		here.submit(page, "/account/sessions/end-others", Map.of());

		Page after = here.get("/account");
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).contains("All your other sessions have ended").doesNotContain("id=\"end-other-sessions\"");
		assertThat(count(after.body(), "class=\"list-group-item session")).isEqualTo(1);
		assertThat(phone.get("/account").status()).isEqualTo(302);
		assertThat(desktop.get("/account").status()).isEqualTo(302);
	}

	@Test
	void aHandleOfSomeoneElsesSessionEndsNothingAndRevealsNothing() {
		String victim = newUser("victim@sessions-tests.example");
		TestBrowser victimHere = signIn(victim, CHROME_ON_LINUX);
		TestBrowser victimThere = signIn(victim, FIREFOX_ON_WINDOWS);
		String victimsHandle = handles(victimHere.get("/account")).get(0);
		TestBrowser attacker = signIn(newUser("attacker@sessions-tests.example"), CHROME_ON_LINUX);
		Page attackersPage = attacker.get("/account");

		Page someoneElses = attacker.submit(attackersPage, "/account/sessions/end", Map.of("session", victimsHandle));
		String saidForSomeoneElses = attacker.get(someoneElses.location()).find("id=\"flash\">([^<]+)<").orElseThrow();
		Page nobodys = attacker.submit(attackersPage, "/account/sessions/end", Map.of("session", "0".repeat(64)));
		String saidForNobodys = attacker.get(nobodys.location()).find("id=\"flash\">([^<]+)<").orElseThrow();

		assertThat(saidForSomeoneElses).isEqualTo(saidForNobodys).contains("had already ended");
		assertThat(victimThere.get("/account").status()).isEqualTo(200);
		assertThat(victimHere.get("/account").status()).isEqualTo(200);
		assertThat(attacker.get("/account").status()).isEqualTo(200);
	}

	@Test
	void endingSessionsNeedsACsrfToken() {
		String email = newUser("csrf.check@sessions-tests.example");
		TestBrowser here = signIn(email, CHROME_ON_LINUX);
		TestBrowser there = signIn(email, FIREFOX_ON_WINDOWS);

		Page forged = here.post("/account/sessions/end-others", Map.of());

		assertThat(forged.status()).isEqualTo(403);
		assertThat(there.get("/account").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorSignsAPersonOutEverywhereAfterConfirmingAndItIsAudited() {
		String adminEmail = "root@sessions-tests.example";
		if (accounts.findForLogin(adminEmail, true, false).isEmpty()) {
			accounts.createAdmin(adminEmail, passwords.hash(PASSWORD));
		}
		TestBrowser admin = SignedInAs.password(port, adminEmail, PASSWORD);
		String email = newUser("signed.out@sessions-tests.example");
		TestBrowser one = signIn(email, CHROME_ON_LINUX);
		TestBrowser two = signIn(email, FIREFOX_ON_WINDOWS);
		long userId = accounts.findForLogin(email, true, false).orElseThrow().userId();

		Page list = admin.get("/admin/users?q=" + email);
		String confirmLink = list.find("href=\"(/admin/users/\\d+/sign-out)\"").orElseThrow();
		assertThat(confirmLink).isEqualTo("/admin/users/" + userId + "/sign-out");
		Page confirm = admin.get(confirmLink);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.find("id=\"session-count\">(\\d+)<")).contains("2");
		assertThat(confirm.body()).contains("Chrome on Linux").contains("Firefox on Windows");
		assertThat(one.get("/account").status()).as("nothing ends before the confirmation").isEqualTo(200);

		Page done = admin.submit(confirm, confirmLink, Map.of());

		assertThat(done.location()).contains("/admin/users?q=");
		assertThat(admin.get(done.location()).body()).contains("signed out everywhere");
		assertThat(one.get("/account").status()).isEqualTo(302);
		assertThat(two.get("/account").status()).isEqualTo(302);
		assertThat(admin.get("/account").status()).isEqualTo(200);
		assertThat(audit.latest(20)).anySatisfy(entry -> {
			assertThat(entry.type()).isEqualTo("sessions.ended");
			assertThat(entry.userId()).isEqualTo(userId);
			assertThat(entry.subject()).isEqualTo(adminEmail);
			assertThat(entry.detail()).isEqualTo("user=" + email + " scope=everywhere count=2");
		});
	}

	@Test
	void peopleWhoAreNotAdministratorsCannotSignOthersOut() {
		String email = newUser("not.admin@sessions-tests.example");
		TestBrowser someone = signIn(email, CHROME_ON_LINUX);
		long userId = accounts.findForLogin(email, true, false).orElseThrow().userId();

		assertThat(someone.get("/admin/users/" + userId + "/sign-out").status()).isEqualTo(403);
		assertThat(someone.post("/admin/users/" + userId + "/sign-out", Map.of()).status()).isEqualTo(403);
		assertThat(someone.get("/account").status()).isEqualTo(200);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() {
		Page login = new TestBrowser(port).get("/accounts/login");

		String cookie = login.headers().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream())
			.filter(c -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie: " + login.headers()));
		assertThat(cookie).containsIgnoringCase("; HttpOnly").contains("; SameSite=Lax").doesNotContainIgnoringCase("Secure");
	}

}
