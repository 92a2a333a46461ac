package io.gatehouse.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The short device descriptions on the sessions list. */
class DeviceNamesTests {

	@Test
	void commonBrowsersAndSystemsAreNamed() {
		assertThat(DeviceNames.describe("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/126.0.0.0 Safari/537.36")).isEqualTo("Chrome on Linux");
		assertThat(DeviceNames.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.56")).isEqualTo("Edge on Windows");
		assertThat(DeviceNames.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0"))
			.isEqualTo("Firefox on macOS");
		assertThat(DeviceNames.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo("Safari on iOS");
		assertThat(DeviceNames.describe("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/126.0.6478.71 Mobile Safari/537.36")).isEqualTo("Chrome on Android");
		assertThat(DeviceNames.describe("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0")).isEqualTo("Opera on ChromeOS");
		assertThat(DeviceNames.describe("curl/8.5.0")).isEqualTo("curl");
	}

	@Test
	void unknownOrMissingHeadersSaySo() {
		assertThat(DeviceNames.describe(null)).isEqualTo("Unknown device");
		assertThat(DeviceNames.describe("  ")).isEqualTo("Unknown device");
		assertThat(DeviceNames.describe("<script>alert(1)</script>")).isEqualTo("Unknown device");
		assertThat(DeviceNames.describe("SomeBot (Windows)")).isEqualTo("Browser on Windows");
		assertThat(DeviceNames.describe("x".repeat(10_000) + " Chrome/1")).isEqualTo("Unknown device");
	}

}
