package io.gatehouse.browser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.BrowserJourney;
import io.gatehouse.support.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A person adds their phone, reading the texted code from the emulator's outbox page in another tab, then signs in with a text. */
class SmsBrowserJourneyTests extends BrowserJourney {

	static final String EMAIL = "phone.journey@example.test";

	static final String PASSWORD = "phone-journey-password";

	static final String PHONE = "+14155550177";

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@BeforeEach
	void setUp() {
		accounts.createLocalUser(EMAIL, "Phone", "Journey", passwords.hash(PASSWORD), List.of());
	}

	@Test
	void addAPhoneWithATextedCodeThenSignInWithAnotherText() {
		signInWithPassword(EMAIL, PASSWORD);
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
		signOut();

		signInWithPassword(EMAIL, PASSWORD);
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

}
