package io.gatehouse.browser;

import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** An Okta person signs in with OpenID Connect through the emulated Okta, and signing out ends that session too. */
class OidcBrowserJourneyTests extends BrowserJourney {

	@Test
	void oidcSignInThroughTheEmulatedOkta() {
		typeAtLogin("oscar.ortiz@okta.test");
		wait.until(ExpectedConditions.titleContains("Sign in with Okta"));
		assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:" + port + "/emulator/oidc/authorize");
		Chromium.screenshot(browser, "oidc-1-okta");

		browser.findElement(By.cssSelector("button[data-email='oscar.ortiz@okta.test']")).click();

		wait.until(ExpectedConditions.urlToBe(url("/account")));
		assertThat(browser.findElement(By.id("profile-email")).getText()).isEqualTo("oscar.ortiz@okta.test");
		assertThat(browser.findElement(By.cssSelector(".connection-type")).getText()).isEqualTo("OIDC");
		Chromium.screenshot(browser, "oidc-2-account");
		signOut();
	}

}
