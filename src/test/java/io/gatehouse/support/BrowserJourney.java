package io.gatehouse.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser journey: headless Chromium against the app on its random port, and the steps every journey shares. */
@GatehouseIntegrationTest
@Tag("browser")
public abstract class BrowserJourney {

	@LocalServerPort
	protected int port;

	protected WebDriver browser;

	protected WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		browser = Chromium.start();
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Step 1 of the login page. */
	protected void typeAtLogin(String username) {
		browser.get(url("/accounts/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("continue")).click();
	}

	/** Step 1, then the password step. */
	protected void signInWithPassword(String username, String password) {
		typeAtLogin(username);
		wait.until(ExpectedConditions.urlContains("/accounts/login/password"));
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
	}

	protected void signOut() {
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));
	}

}
