package io.gatehouse.directory;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import io.gatehouse.workos.DirectoryInfo;
import io.gatehouse.workos.WorkOs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A full sync through the SDK mirrors the emulator's directories exactly; the dashboard searches and pages them. */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "spring.application.name=gatehouse-directory-tests",
		"gatehouse.local.emulator-directory-extra-users=120", "gatehouse.local.emulator-directory-rate-limit=0" })
class DirectoryMirrorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkOs workos;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	TestBrowser admin;

	@BeforeEach
	void signInAsAdmin() {
		if (accounts.findForLogin("dir.admin@example.test", true, false).isEmpty()) {
			accounts.createAdmin("dir.admin@example.test", passwords.hash("directory-admin-pw"));
		}
		admin = SignedInAs.password(port, "dir.admin@example.test", "directory-admin-pw");
	}

	@Test
	void syncNowMirrorsEveryDirectoryUserExactly() {
		Page list = admin.get("/directories");
		Page started = admin.get(admin.submit(list, "/directories/sync", Map.of()).location());
		assertThat(started.body()).contains("Full sync started");

		Page done = DirectorySync.awaitDone(admin);

		for (DirectoryInfo directory : workos.directories()) {
			assertThat(DirectorySync.mirrorOf(jdbc, directory.id())).as(directory.name())
				.isEqualTo(DirectorySync.sourceOf(workos, directory.id()));
		}
		assertThat(done.body()).contains("Acme directory").contains("140");
	}

	@Test
	void theDashboardSearchesAndPagesDirectoryUsers() {
		Page list = admin.get("/directories");
		admin.submit(list, "/directories/sync", Map.of());
		DirectorySync.awaitDone(admin);
		String acme = jdbc.sql("select id from directories where name = 'Acme directory'").query(String.class).single();

		Page found = admin.get("/directories/" + acme + "?q=lovelace");
		assertThat(found.body()).contains("ada.lovelace@acme.test").doesNotContain("grace.hopper@acme.test");

		Page first = admin.get("/directories/" + acme);
		String next = first.find("href=\"([^\"]+)\" id=\"next-page\"").orElseThrow().replace("&amp;", "&");
		Page second = admin.get(next);
		List<String> firstEmails = first.find("(?s)<tbody>(.*?)</tbody>").stream().toList();
		assertThat(second.body()).doesNotContain(firstEmails.get(0).substring(0, Math.min(200, firstEmails.get(0).length())));
	}

	@Test
	void theDashboardIsForAdministratorsOnly() {
		accounts.createLocalUser("not.admin@example.test", null, null, passwords.hash("not-admin-password"), List.of());
		TestBrowser user = SignedInAs.password(port, "not.admin@example.test", "not-admin-password");

		assertThat(user.get("/directories").status()).isEqualTo(403);
		assertThat(new TestBrowser(port).get("/directories").status()).isEqualTo(302);
	}

}
