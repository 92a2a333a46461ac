package io.gatehouse.browser;

import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin moves a person from password to SSO in the rules editor; the person's next sign-in goes to the IdP. */
class AdminChangesARuleBrowserTests extends BrowserJourney {

	static final String PERSON = "temp.worker@acme.test";

	static final String ADMIN = "rules.admin@example.test";

	static final String ADMIN_PASSWORD = "rules-admin-password";

	@Autowired
	LoginRules rules;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@BeforeEach
	void setUp() {
		assertThat(rules.save(null, RuleDraft.of("Acme contractors by password", LoginMethod.PASSWORD, 15, true, null,
				"{\"groups\": [\"Contractors\"]}", null, null, JitMode.OFF, null, null, false, null, false), "test")
			.saved()).isTrue();
		accounts.createLocalUser(PERSON, "Temp", "Worker", passwords.hash("contractor-password"), List.of("Contractors"));
		accounts.createAdmin(ADMIN, passwords.hash(ADMIN_PASSWORD));
	}

	@Test
	void adminMovesAContractorFromPasswordToSsoAndTheirNextSignInGoesToTheIdp() {
		typeAtLogin(PERSON);
		wait.until(ExpectedConditions.urlContains("/accounts/login/password"));
		assertThat(browser.findElement(By.id("signing-in-as")).getText()).isEqualTo(PERSON);
		Chromium.screenshot(browser, "rules-1-contractor-asked-for-password");
		browser.manage().deleteAllCookies();

		signInWithPassword(ADMIN, ADMIN_PASSWORD);
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.findElement(By.id("admin-link")).click();
		wait.until(ExpectedConditions.urlContains("/admin/rules"));
		Chromium.screenshot(browser, "rules-2-rule-list");
		browser.findElement(By.linkText("Acme contractors by password")).click();

		new Select(browser.findElement(By.id("method"))).selectByValue("SSO");
		new Select(browser.findElement(By.id("organizationId"))).selectByVisibleText("Acme (acme.test)");
		Chromium.screenshot(browser, "rules-3-editing");
		browser.findElement(By.id("save-rule")).click();
		wait.until(ExpectedConditions.textToBe(By.id("flash"), "Rule saved."));
		assertThat(browser.findElement(By.cssSelector("tr[data-rule='Acme contractors by password']")).getText())
			.contains("Enterprise SSO (WorkOS)").contains("Acme");
		signOut();

		typeAtLogin(PERSON);
		wait.until(ExpectedConditions.titleContains("Sign in to Acme"));
		assertThat(browser.getCurrentUrl()).contains("/emulator/sso/authorize");
		Chromium.screenshot(browser, "rules-4-contractor-sent-to-idp");
	}

}
