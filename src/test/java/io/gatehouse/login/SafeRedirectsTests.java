package io.gatehouse.login;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeRedirectsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/account", "/admin/rules?page=2", "/directories/acme/users#top", "/a/b%20c" })
	void followsSameOriginRelativePaths(String next) {
		assertThat(SafeRedirects.next(next)).isEqualTo(next);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "https://evil.example/", "//evil.example", "///evil.example", "/\\evil.example",
			"\\\\evil.example", "javascript:alert(1)", "account", " /account", "/acc\tount", "/acc\nount",
			"http:/evil.example" })
	void replacesAnythingElseWithTheAccountPage(String next) {
		assertThat(SafeRedirects.next(next)).isEqualTo("/account");
	}

}
