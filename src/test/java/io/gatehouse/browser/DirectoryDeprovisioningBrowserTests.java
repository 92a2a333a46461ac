package io.gatehouse.browser;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin searches the directory dashboard, then suspends a person in the (emulated) Okta directory; the person's
 * open browser session is signed out within seconds.
 */
class DirectoryDeprovisioningBrowserTests extends BrowserJourney {

	static final String ADMIN = "directory.journey.admin@example.test";

	static final String ADMIN_PASSWORD = "directory-journey-password";

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	WebDriver person;

	@AfterEach
	void closePersonsBrowser() {
		if (person != null) {
			person.quit();
		}
	}

	@Test
	void suspendingSomeoneInTheDirectorySignsOutTheirOpenSession() {
		person = Chromium.start();
		person.get(url("/accounts/login"));
		person.findElement(By.id("username")).sendKeys("shafi.goldwasser@acme.test");
		person.findElement(By.id("continue")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(person, java.time.Duration.ofSeconds(15))
			.until(ExpectedConditions.titleContains("Sign in to Acme"));
		person.findElement(By.cssSelector("button[data-email='shafi.goldwasser@acme.test']")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(person, java.time.Duration.ofSeconds(15))
			.until(ExpectedConditions.urlToBe(url("/account")));

		if (accounts.findForLogin(ADMIN, true, false).isEmpty()) {
			accounts.createAdmin(ADMIN, passwords.hash(ADMIN_PASSWORD));
		}
		signInWithPassword(ADMIN, ADMIN_PASSWORD);
		// "/accounts/login/password" contains "/account" too: wait for the account page itself.
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.get(url("/directories"));
		browser.findElement(By.id("sync-now")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sync-started")));
		// The page follows the sync's progress and reloads when it is done (or the sync was done before it showed).
		wait.until(d -> d.findElements(By.id("sync-started")).isEmpty()
				|| d.findElements(By.id("sync-progress")).stream().noneMatch(WebElement::isDisplayed));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("directories")));
		Chromium.screenshot(browser, "directory-1-dashboard");

		browser.findElement(By.linkText("Acme directory")).click();
		browser.findElement(By.name("q")).sendKeys("goldwasser");
		browser.findElement(By.id("search")).click();
		wait.until(ExpectedConditions.urlContains("q=goldwasser"));
		WebElement row = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("tr[data-email='shafi.goldwasser@acme.test']")));
		assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("active");
		assertThat(browser.findElements(By.cssSelector("#directory-users tbody tr"))).hasSize(1);
		Chromium.screenshot(browser, "directory-2-search");

		browser.get("http://127.0.0.1:" + port + "/emulator/directories");
		browser.findElement(By.cssSelector("tr.directory[data-directory-name='Acme directory'] a")).click();
		browser.findElement(By.name("q")).sendKeys("goldwasser");
		browser.findElement(By.id("search-users")).click();
		WebElement source = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("tr.user[data-email='shafi.goldwasser@acme.test']")));
		source.findElement(By.cssSelector("button[id^='suspend-']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "webhook dsync.user.updated"));
		Chromium.screenshot(browser, "directory-3-suspended-in-okta");

		// The webhook is on its way: the person's next page view, within seconds, finds the session ended.
		new org.openqa.selenium.support.ui.WebDriverWait(person, java.time.Duration.ofSeconds(10)).until(d -> {
			d.navigate().refresh();
			return d.getCurrentUrl().contains("/accounts/login");
		});
		Chromium.screenshot(person, "directory-4-signed-out");

		browser.get(url("/directories"));
		browser.findElement(By.linkText("Acme directory")).click();
		browser.findElement(By.name("q")).sendKeys("goldwasser");
		browser.findElement(By.id("search")).click();
		wait.until(ExpectedConditions.urlContains("q=goldwasser"));
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("shafi.goldwasser@acme.test"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-state")));
		assertThat(browser.findElement(By.id("user-state")).getText()).isEqualTo("inactive");
		assertThat(browser.findElement(By.id("linked-account")).getText()).contains("deactivated");
		assertThat(browser.findElement(By.id("history")).getText()).contains("shafi.goldwasser@acme.test (inactive)");
	}

}
