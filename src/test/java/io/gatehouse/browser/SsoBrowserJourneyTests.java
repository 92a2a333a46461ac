package io.gatehouse.browser;

import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in with SSO in a real browser, sees their account, and signs out. */
class SsoBrowserJourneyTests extends BrowserJourney {

	@Test
	void acmePersonSignsInThroughTheTestIdpSeesTheirAccountAndSignsOut() {
		browser.get(url("/accounts/login"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
		Chromium.screenshot(browser, "sso-1-login");

		browser.findElement(By.id("username")).sendKeys("ada.lovelace@acme.test");
		browser.findElement(By.id("continue")).click();

		wait.until(ExpectedConditions.titleContains("Sign in to Acme"));
		assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + port + "/emulator/sso/authorize");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("Okta SAML, emulated");
		Chromium.screenshot(browser, "sso-2-test-idp");

		browser.findElement(By.cssSelector("button[data-email='ada.lovelace@acme.test']")).click();

		wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/account"));
		assertThat(browser.findElement(By.id("profile-name")).getText()).isEqualTo("Ada Lovelace");
		assertThat(browser.findElement(By.id("profile-organization")).getText()).isEqualTo("Acme");
		assertThat(browser.findElement(By.cssSelector(".connection-type")).getText()).isEqualTo("OktaSAML");
		assertThat(browser.findElement(By.cssSelector(".raw-attributes")).getText()).contains("department")
			.contains("Engineering");
		Chromium.screenshot(browser, "sso-3-account");

		browser.findElement(By.id("sign-out")).click();

		wait.until(ExpectedConditions.urlContains("/accounts/login?signedOut"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("You have signed out.");
		Chromium.screenshot(browser, "sso-4-signed-out");
		browser.get(url("/account"));
		wait.until(ExpectedConditions.urlContains("/accounts/login?next="));
	}

}
