package io.gatehouse.browser;

import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

		browser.get("http://127.0.0.1:" + port + "/emulator/outbox");
		String link = null;
		for (WebElement row : browser.findElements(By.cssSelector("#outbox tbody tr"))) {
			if (row.findElement(By.className("recipient")).getText().equals("ada@magic.test")) {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("(http\\S+/confirm)")
					.matcher(row.findElement(By.className("body")).getText());
				if (m.find()) {
					link = m.group(1);
					break;
				}
			}
		}
		assertThat(link).as("the magic link in the outbox").isNotNull();
		Chromium.screenshot(browser, "magic-2-outbox");

		browser.get(link);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("continue-magic")));
		Chromium.screenshot(browser, "magic-3-continue");
		browser.findElement(By.id("continue-magic")).click();

		wait.until(ExpectedConditions.urlToBe(url("/account")));
		assertThat(browser.findElement(By.id("profile-email")).getText()).isEqualTo("ada@magic.test");
	}

}
