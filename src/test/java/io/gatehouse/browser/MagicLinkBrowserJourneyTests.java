package io.gatehouse.browser;

import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded ada@magic.test asks for a magic link, opens it from the outbox, continues, and is signed in. */
class MagicLinkBrowserJourneyTests extends BrowserJourney {

	@Test
	void magicLinkFromTheOutboxToASignedInPage() {
		typeAtLogin("ada@magic.test");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("magic-sent")));
		Chromium.screenshot(browser, "magic-1-check-email");

		// The link is e-mailed in the background: reload the outbox until it is there, as a person would.
		String link = wait.until(driver -> {
			driver.get("http://127.0.0.1:" + port + "/emulator/outbox");
			return linkTo(driver, "ada@magic.test");
		});
		assertThat(link).as("the magic link in the outbox").isNotNull();
		Chromium.screenshot(browser, "magic-2-outbox");

		browser.get(link);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("continue-magic")));
		Chromium.screenshot(browser, "magic-3-continue");
		browser.findElement(By.id("continue-magic")).click();

		wait.until(ExpectedConditions.urlToBe(url("/account")));
		assertThat(browser.findElement(By.id("profile-email")).getText()).isEqualTo("ada@magic.test");
	}

	/** The newest magic link in the outbox page for this recipient, or null. */
	private static String linkTo(WebDriver driver, String recipient) {
		for (WebElement row : driver.findElements(By.cssSelector("#outbox tbody tr"))) {
			if (row.findElement(By.className("recipient")).getText().equals(recipient)) {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("(http\\S+/confirm)")
					.matcher(row.findElement(By.className("body")).getText());
				if (m.find()) {
					return m.group(1);
				}
			}
		}
		return null;
	}

}
