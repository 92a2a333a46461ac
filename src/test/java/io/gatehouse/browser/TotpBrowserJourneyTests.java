package io.gatehouse.browser;

import java.util.List;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import io.gatehouse.support.TotpCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person adds an authenticator app (the test reads the secret from the page and computes codes as the app would),
 * signs out, signs in with a fresh code, and cannot reuse that code.
 */
class TotpBrowserJourneyTests extends BrowserJourney {

	static final String EMAIL = "app.user@example.test";

	static final String PASSWORD = "app-user-password";

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@BeforeEach
	void setUp() {
		accounts.createLocalUser(EMAIL, "App", "User", passwords.hash(PASSWORD), List.of());
	}

	@Test
	void enrolATotpAppSignInWithAFreshCodeAndFailWithTheSameCodeAgain() {
		signInWithPassword(EMAIL, PASSWORD);
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.findElement(By.id("add-factor")).click();
		browser.findElement(By.id("choose-totp")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("qr-code")));
		String secret = browser.findElement(By.id("totp-secret")).getText();
		Chromium.screenshot(browser, "totp-1-enrol");
		TotpCodes.awaitFreshStep();
		browser.findElement(By.id("code")).sendKeys(TotpCodes.code(secret, -1));
		browser.findElement(By.id("confirm-totp")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
		assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		Chromium.screenshot(browser, "totp-2-recovery-codes");
		browser.findElement(By.id("codes-saved")).click();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		signOut();

		signInWithPassword(EMAIL, PASSWORD);
		wait.until(ExpectedConditions.urlContains("/accounts/verify"));
		String code = TotpCodes.code(secret, 0);
		browser.findElement(By.id("code")).sendKeys(code);
		Chromium.screenshot(browser, "totp-3-code");
		browser.findElement(By.id("verify")).click();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		signOut();

		signInWithPassword(EMAIL, PASSWORD);
		wait.until(ExpectedConditions.urlContains("/accounts/verify"));
		browser.findElement(By.id("code")).sendKeys(code);
		browser.findElement(By.id("verify")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa-error")));
		assertThat(browser.findElement(By.id("mfa-error")).getText()).startsWith("That code is not right");
		Chromium.screenshot(browser, "totp-4-reused-code");
		browser.get(url("/account"));
		wait.until(ExpectedConditions.urlContains("/accounts/login?next="));
	}

}
