package io.gatehouse.browser;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.Chromium;
import io.gatehouse.support.GatehouseIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A person adds their phone, reading the texted code from the emulator's outbox page in another tab, then signs in with a text. */
@GatehouseIntegrationTest
@Tag("browser")
class SmsBrowserJourneyTests {

	static final String EMAIL = "phone.journey@example.test";

	static final String PASSWORD = "phone-journey-password";

	static final String PHONE = "+14155550177";

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
		accounts.createLocalUser(EMAIL, "Phone", "Journey", passwords.hash(PASSWORD), List.of());
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void addAPhoneWithATextedCodeThenSignInWithAnotherText() {
		signInWithPassword();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		browser.findElement(By.id("add-factor")).click();
		browser.findElement(By.id("choose-sms")).click();
		browser.findElement(By.id("phone")).sendKeys(PHONE);
		browser.findElement(By.id("send-code")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sms-sent")));
		browser.findElement(By.id("code")).sendKeys(codeFromOutbox());
		Chromium.screenshot(browser, "sms-1-enrol");
		browser.findElement(By.id("confirm-sms")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
		browser.findElement(By.id("codes-saved")).click();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
		assertThat(browser.findElement(By.id("factors")).getText()).contains("Text message to ••••••••••77");
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));

		signInWithPassword();
		wait.until(ExpectedConditions.urlContains("/accounts/verify"));
		browser.findElement(By.id("send-sms")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa-sent")));
		browser.findElement(By.id("code")).sendKeys(codeFromOutbox());
		Chromium.screenshot(browser, "sms-2-code");
		browser.findElement(By.id("verify")).click();
		wait.until(ExpectedConditions.urlToBe(url("/account")));
	}

	/** Opens the emulator's outbox in a second tab and reads the newest code texted to {@link #PHONE}. */
	private String codeFromOutbox() {
		String app = browser.getWindowHandle();
		browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
		browser.get("http://127.0.0.1:" + port + "/emulator/outbox");
		String code = null;
		for (WebElement row : browser.findElements(By.cssSelector("#outbox tbody tr"))) {
			if (row.findElement(By.className("recipient")).getText().equals(PHONE)) {
				Matcher m = Pattern.compile("(\\d{6})").matcher(row.findElement(By.className("body")).getText());
				if (m.find()) {
					code = m.group(1);
					break;
				}
			}
		}
		Chromium.screenshot(browser, "sms-outbox");
		browser.close();
		browser.switchTo().window(app);
		assertThat(code).as("a code texted to " + PHONE).isNotNull();
		return code;
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
