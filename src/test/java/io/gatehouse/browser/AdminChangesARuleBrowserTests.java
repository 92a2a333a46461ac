package io.gatehouse.browser;

import java.time.Duration;
import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import io.gatehouse.rules.LoginRules;
import io.gatehouse.rules.RuleDraft;
import io.gatehouse.support.Chromium;
import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin moves a person from password to SSO in the rules editor; the person's next sign-in goes to the IdP. */
@GatehouseIntegrationTest
@Tag("browser")
class AdminChangesARuleBrowserTests {

	static final String PERSON = "temp.worker@acme.test";

	static final String ADMIN = "rules.admin@example.test";

	static final String ADMIN_PASSWORD = "rules-admin-password";

	@LocalServerPort
	int port;

	@Autowired
	LoginRules rules;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void setUp() {
		browser = Chromium.start();
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		assertThat(rules.save(null, RuleDraft.of("Acme contractors by password", LoginMethod.PASSWORD, 15, true, null,
				"{\"groups\": [\"Contractors\"]}", null, null, JitMode.OFF, null, null, false, null, false), "test")
			.saved()).isTrue();
		accounts.createLocalUser(PERSON, "Temp", "Worker", passwords.hash("contractor-password"), List.of("Contractors"));
		accounts.createAdmin(ADMIN, passwords.hash(ADMIN_PASSWORD));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void adminMovesAContractorFromPasswordToSsoAndTheirNextSignInGoesToTheIdp() {
		typeAtLogin(PERSON);
		wait.until(ExpectedConditions.urlContains("/accounts/login/password"));
		assertThat(browser.findElement(By.id("signing-in-as")).getText()).isEqualTo(PERSON);
		Chromium.screenshot(browser, "rules-1-contractor-asked-for-password");
		browser.manage().deleteAllCookies();

		typeAtLogin(ADMIN);
		wait.until(ExpectedConditions.urlContains("/accounts/login/password"));
		browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/account"));
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
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));

		typeAtLogin(PERSON);
		wait.until(ExpectedConditions.titleContains("Sign in to Acme"));
		assertThat(browser.getCurrentUrl()).contains("/emulator/sso/authorize");
		Chromium.screenshot(browser, "rules-4-contractor-sent-to-idp");
	}

	private void typeAtLogin(String username) {
		browser.get("http://localhost:" + port + "/accounts/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("continue")).click();
	}

}
