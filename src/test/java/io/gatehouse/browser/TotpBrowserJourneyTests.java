package io.gatehouse.browser;

import java.time.Duration;
import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.Chromium;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.TotpCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person adds an authenticator app (the test reads the secret from the page and computes codes as the app would),
 * signs out, signs in with a fresh code, and cannot reuse that code.
 */
@GatehouseIntegrationTest
@Tag("browser")
class TotpBrowserJourneyTests {

	static final String EMAIL = "app.user@example.test";

	static final String PASSWORD = "app-user-password";

	@LocalServerPort
	int port;

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
		accounts.createLocalUser(EMAIL, "App", "User", passwords.hash(PASSWORD), List.of());
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void enrolATotpAppSignInWithAFreshCodeAndFailWithTheSameCodeAgain() {
		signInWithPassword();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.findElement(By.id("add-factor")).click();
		browser.findElement(By.id("choose-totp")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-code")));
		String secret = browser.findElement(By.id("totp-secret")).getText();
		Chromium.screenshot(browser, "totp-1-enrol");
		browser.findElement(By.id("code")).sendKeys(TotpCodes.code(secret, -1));
		browser.findElement(By.id("confirm-totp")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		Chromium.screenshot(browser, "totp-2-recovery-codes");
		browser.findElement(By.id("codes-saved")).click();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));

		signInWithPassword();
		wait.until(ExpectedConditions.urlContains("/accounts/verify"));
		String code = TotpCodes.code(secret, 0);
		browser.findElement(By.id("code")).sendKeys(code);
		Chromium.screenshot(browser, "totp-3-code");
		browser.findElement(By.id("verify")).click();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));

		signInWithPassword();
		wait.until(ExpectedConditions.urlContains("/accounts/verify"));
		browser.findElement(By.id("code")).sendKeys(code);
		browser.findElement(By.id("verify")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa-error")));
		assertThat(browser.findElement(By.id("mfa-error")).getText()).startsWith("That code is not right");
		Chromium.screenshot(browser, "totp-4-reused-code");
		browser.get(url("/account"));
		wait.until(ExpectedConditions.urlContains("/accounts/login?next="));
	}

	private void signInWithPassword() {
		browser.get(url("/accounts/login"));
		browser.findElement(By.id("username")).sendKeys(EMAIL);
		browser.findElement(By.id("continue")).click();
		wait.until(ExpectedConditions.urlContains("/accounts/login/password"));
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("sign-in")).click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
