package io.gatehouse.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.login.LoginFailed;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.SsoJourney;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page and its CSV export, as an administrator uses them, over HTTP and the real security chain. */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-audit-tests")
class AuditAdminIntegrationTests {

	static final String ADMIN = "root@audit-tests.example";

	static final String ADMIN_PASSWORD = "audit-tests-password";

	static final Pattern ROW = Pattern.compile("<tr data-id=\"(\\d+)\" data-type=\"([^\"]+)\">");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	TestBrowser admin;

	@BeforeEach
	void signInAsAdmin() {
		if (accounts.findForLogin(ADMIN, true, false).isEmpty()) {
			accounts.createAdmin(ADMIN, passwords.hash(ADMIN_PASSWORD));
		}
		admin = SignedInAs.password(port, ADMIN, ADMIN_PASSWORD);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@audit-tests.example";
	}

	/** Step 1 and a password, in a browser with its own user agent; answers the password step's response. */
	Page tryPassword(String email, String password, String userAgent) {
		TestBrowser browser = new TestBrowser(port, userAgent);
		Page toPassword = new SsoJourney(browser).identify(email, "");
		return browser.submit(browser.get(toPassword.location()), "/accounts/login/password", Map.of("password", password));
	}

	/** The (id, type) of each row on a page of the log, top to bottom. */
	static List<String[]> rows(Page page) {
		List<String[]> rows = new ArrayList<>();
		Matcher m = ROW.matcher(page.body());
		while (m.find()) {
			rows.add(new String[] { m.group(1), m.group(2) });
		}
		return rows;
	}

	static String url(String path, String... params) {
		StringBuilder url = new StringBuilder(path);
		for (int i = 0; i < params.length; i += 2) {
			url.append(i == 0 ? '?' : '&')
				.append(params[i])
				.append('=')
				.append(java.net.URLEncoder.encode(params[i + 1], java.nio.charset.StandardCharsets.UTF_8));
		}
		return url.toString();
	}

	static String older(Page page) {
		return page.absolute(page.find("id=\"older\" href=\"([^\"]+)\"").orElseThrow(() -> new AssertionError("no older link")));
	}

	void failedSignIns(String subject, int count) {
		for (int i = 0; i < count; i++) {
			events.publishEvent(new LoginFailed("password", "wrong_password", subject, null));
		}
	}

	@Test
	void auditPageWhenPasswordSignInFailsThenSucceedsThenShowsMethodRuleIpAndUserAgent() {
		String email = unique("signs.in");
		accounts.createLocalUser(email, "Sign", "In", passwords.hash("right-password-1"), List.of());

		assertThat(tryPassword(email, "wrong-password", "AuditTests/1.0 (wrong)").status()).isEqualTo(200);
		assertThat(tryPassword(email, "right-password-1", "AuditTests/1.0 (right)").status()).isEqualTo(302);
		Page page = admin.get(url("/admin/audit", "person", email));

		assertThat(page.status()).isEqualTo(200);
		assertThat(rows(page)).extracting(r -> r[1]).containsExactly("login.succeeded", "login.failed");
		String body = page.body();
		assertThat(body).contains("method=password rule=&quot;Everyone else: password&quot;</td>")
			.contains("method=password rule=&quot;Everyone else: password&quot; reason=wrong_password")
			.contains("AuditTests/1.0 (wrong)")
			.contains("AuditTests/1.0 (right)")
			.containsPattern("<td class=\"ip text-nowrap\">(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)</td>");
	}

	@Test
	void auditPageWhenFilteredByPersonTypeAndDateThenShowsOnlyMatchingEntries() {
		String email = unique("filtered");
		failedSignIns(email, 2);
		tryPassword(email, "no-such-account", "AuditTests/1.0");
		String today = LocalDate.now(ZoneOffset.UTC).toString();

		List<String[]> byPerson = rows(admin.get(url("/admin/audit", "person", email.toUpperCase())));
		List<String[]> byType = rows(admin.get(url("/admin/audit", "person", email, "type", "login.failed")));
		List<String[]> byPrefix = rows(admin.get(url("/admin/audit", "person", email, "type", "login.")));
		List<String[]> otherType = rows(admin.get(url("/admin/audit", "person", email, "type", "factor.")));
		List<String[]> today_ = rows(admin.get(url("/admin/audit", "person", email, "from", today, "to", today)));
		Page tomorrow = admin.get(url("/admin/audit", "person", email, "from",
				LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
		Page yesterday = admin.get(url("/admin/audit", "person", email, "to",
				LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));

		assertThat(byPerson).hasSize(3).allSatisfy(r -> assertThat(r[1]).isEqualTo("login.failed"));
		assertThat(byType).hasSize(3);
		assertThat(byPrefix).hasSize(3);
		assertThat(otherType).isEmpty();
		assertThat(today_).hasSize(3);
		assertThat(rows(tomorrow)).isEmpty();
		assertThat(tomorrow.body()).contains("No entries match these filters");
		assertThat(rows(yesterday)).isEmpty();
		assertThat(rows(admin.get(url("/admin/audit", "type", "rule.")))).allSatisfy(r -> assertThat(r[1]).startsWith("rule."));
	}

	@Test
	void auditPageWhenFiltersAreInvalidThenShowsFieldErrorsAndNoEntries() {
		Page page = admin.get(url("/admin/audit", "person", "x".repeat(400), "type", "<script>", "from", "2024-13-45",
				"to", "yesterday"));
		Page reversed = admin.get(url("/admin/audit", "from", "2024-05-02", "to", "2024-05-01"));
		Page ancient = admin.get(url("/admin/audit", "from", "+999999999-12-31"));
		Page badCursor = admin.get(url("/admin/audit", "before", "not-a-number"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Please correct the filters marked below")
			.contains("Use at most 320 characters.")
			.contains("Choose a type from the list.")
			.contains("Enter a date as yyyy-mm-dd.")
			.contains("Correct the filters to see entries.")
			.doesNotContain("<script>");
		assertThat(rows(page)).isEmpty();
		assertThat(reversed.status()).isEqualTo(200);
		assertThat(reversed.body()).contains("The end date is before the start date.");
		assertThat(ancient.status()).isEqualTo(200);
		assertThat(ancient.body()).contains("Enter a date between 1970 and 9999.");
		assertThat(badCursor.status()).isEqualTo(200);
		assertThat(badCursor.body()).contains("That page link is not valid");
		assertThat(admin.get(url("/admin/audit.csv", "from", "soon")).status()).isEqualTo(400);
	}

	@Test
	void auditPageWhenMoreThanFiftyEntriesThenOlderEntriesPageOnWithoutOverlap() {
		String email = unique("pager");
		failedSignIns(email, 120);

		Page first = admin.get(url("/admin/audit", "person", email));
		Page second = admin.get(older(first));
		Page third = admin.get(older(second));

		List<Long> ids = new ArrayList<>();
		for (Page page : List.of(first, second, third)) {
			rows(page).forEach(r -> ids.add(Long.valueOf(r[0])));
		}
		assertThat(rows(first)).hasSize(50);
		assertThat(rows(second)).hasSize(50);
		assertThat(rows(third)).hasSize(20);
		assertThat(third.body()).doesNotContain("id=\"older\"").contains("id=\"newest\"");
		assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void csvWhenFilteredThenHasHeaderQuotedRowsAndNeutralisedFormulas() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String formula = "=HYPERLINK(\"http://evil.example\",\"csv-" + tag + "\")";
		failedSignIns(formula, 1);
		failedSignIns("plain-csv-" + tag + "@audit-tests.example", 1);
		tryPassword("-csv-" + tag + "@audit-tests.example", "whatever", "@SUM(1+1), \"agent\"");

		Page csv = admin.get(url("/admin/audit.csv", "person", "csv-" + tag), "text/csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type").orElseThrow().replace(" ", "").toLowerCase()).isEqualTo("text/csv;charset=utf-8");
		assertThat(csv.header("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"gatehouse-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[0]).isEqualTo("id,occurred_at_utc,type,user_id,person,detail,ip,user_agent");
		assertThat(lines[1]).contains(",login.failed,,'-csv-" + tag + "@audit-tests.example,")
			.endsWith(",\"'@SUM(1+1), \"\"agent\"\"\"");
		assertThat(lines[2]).contains(",plain-csv-" + tag + "@audit-tests.example,method=password reason=wrong_password,,");
		assertThat(lines[3]).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"csv-" + tag + "\"\")\",")
			.endsWith(",,");
		assertThat(admin.get(url("/admin/audit.csv", "person", "nobody-" + tag)).body())
			.isEqualTo("id,occurred_at_utc,type,user_id,person,detail,ip,user_agent\r\n");
	}

	@Test
	void auditPageWhenNotAdminThenForbiddenAndWhenAnonymousThenRedirectedToLogin() {
		String email = unique("not.admin");
		accounts.createLocalUser(email, null, null, passwords.hash("not-admin-password"), List.of());
		TestBrowser user = SignedInAs.password(port, email, "not-admin-password");
		TestBrowser stranger = new TestBrowser(port);

		assertThat(user.get("/admin/audit").status()).isEqualTo(403);
		assertThat(user.get("/admin/audit.csv").status()).isEqualTo(403);
		assertThat(stranger.get("/admin/audit").location()).endsWith("/accounts/login?next=%2Fadmin%2Faudit");
		assertThat(stranger.get("/admin/audit.csv").location()).contains("/accounts/login");
		assertThat(admin.get("/admin/rules").body()).contains("href=\"/admin/audit\"");
	}

	@Test
	void auditRoutesWhenAskedToChangeOrDeleteEntriesThenRefuseAndEntriesStayTheSame() {
		failedSignIns(unique("kept"), 3);
		List<Map<String, Object>> before = jdbc.sql("select * from audit_events order by id").query().listOfRows();
		long newest = (Long) before.get(before.size() - 1).get("id");
		Page page = admin.get("/admin/audit");
		String csrf = page.csrf().orElseThrow();
		Map<String, String> withToken = Map.of("X-CSRF-TOKEN", csrf);

		List<Integer> statuses = new ArrayList<>();
		for (String path : List.of("/admin/audit", "/admin/audit.csv", "/admin/audit/" + newest,
				"/admin/audit?before=" + newest)) {
			statuses.add(admin.post(path, Map.of("_csrf", csrf, "detail", "edited", "id", Long.toString(newest))).status());
			statuses.add(admin.post(path, Map.of("detail", "edited")).status());
			for (String method : List.of("PUT", "DELETE", "PATCH")) {
				statuses.add(admin.request(method, path, withToken).status());
			}
		}

		assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(403, 404, 405));
		assertThat(jdbc.sql("select * from audit_events where id <= ? order by id").param(newest).query().listOfRows())
			.isEqualTo(before);
	}

	@Test
	void auditPageWhenAPersonSignsOutThenShowsTheirLogout() {
		String email = unique("signing.out");
		accounts.createLocalUser(email, null, null, passwords.hash("signing-out-password"), List.of());
		long userId = accounts.findForLogin(email, true, false).orElseThrow().userId();
		TestBrowser person = SignedInAs.password(port, email, "signing-out-password");

		Page out = person.submit(person.get("/accounts/logout"), "/accounts/logout", Map.of());

		assertThat(out.location()).contains("/accounts/login?signedOut");
		assertThat(person.get("/account").status()).isEqualTo(302);
		Page page = admin.get(url("/admin/audit", "person", email, "type", "login.signed_out"));
		assertThat(rows(page)).hasSize(1);
		assertThat(jdbc.sql("select user_id, detail from audit_events where type = 'login.signed_out' and subject = ?")
			.param(email)
			.query((rs, i) -> rs.getLong(1) + " " + rs.getString(2))
			.list()).containsExactly(userId + " session=this");
	}

	@Test
	void csvWhenDownloadedThenTheExportItselfIsAuditedWithTheAdministratorAndFilters() {
		String tag = UUID.randomUUID().toString().substring(0, 8);

		Page csv = admin.get(url("/admin/audit.csv", "person", "export-" + tag, "type", "login.", "from", "2020-01-01"),
				"text/csv");

		assertThat(csv.status()).isEqualTo(200);
		Page page = admin.get(url("/admin/audit", "person", ADMIN, "type", "audit.exported"));
		assertThat(rows(page)).isNotEmpty();
		assertThat(jdbc.sql("select subject, detail from audit_events where type = 'audit.exported' and detail like ?")
			.param("%export-" + tag + "%")
			.query((rs, i) -> rs.getString(1) + " | " + rs.getString(2))
			.list()).containsExactly(ADMIN + " | actor=" + ADMIN + " person=\"export-" + tag + "\" type=login. from=2020-01-01");
	}

}
