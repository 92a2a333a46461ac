package io.gatehouse.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless. Without them browser tests are skipped with a notice naming the
 * packages, unless {@code GATEHOUSE_REQUIRE_BROWSER=true} (as in CI), which turns a missing browser into a failure.
 */
public final class Chromium {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	public static WebDriver start() {
		Optional<Path> browser = firstExecutable("/usr/bin/chromium", "/usr/bin/chromium-browser");
		Optional<Path> driver = firstExecutable("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		if (browser.isEmpty() || driver.isEmpty()) {
			String notice = "Browser tests need Chromium and ChromeDriver: apt-get install -y chromium chromium-driver";
			if (Boolean.parseBoolean(System.getenv("GATEHOUSE_REQUIRE_BROWSER"))) {
				throw new IllegalStateException(notice + " (GATEHOUSE_REQUIRE_BROWSER=true)");
			}
			System.err.println("SKIPPED: " + notice);
			Assumptions.abort(notice);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser.get().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1400");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	public static void screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Optional<Path> firstExecutable(String... candidates) {
		return Stream.of(candidates).map(Path::of).filter(Files::isExecutable).findFirst();
	}

}
