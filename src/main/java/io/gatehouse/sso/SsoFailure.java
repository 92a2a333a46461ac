package io.gatehouse.sso;

import org.springframework.http.HttpStatus;

/** Why an SSO sign-in ended without a session. Each has a friendly message ({@code sso.failed.<code>}). */
enum SsoFailure {

	IDP_DENIED(HttpStatus.FORBIDDEN),
	IDP_ERROR(HttpStatus.BAD_REQUEST),
	MISSING_CODE(HttpStatus.BAD_REQUEST),
	STATE_INVALID(HttpStatus.BAD_REQUEST),
	CODE_REJECTED(HttpStatus.BAD_REQUEST),
	PROFILE_UNREADABLE(HttpStatus.BAD_GATEWAY),
	WORKOS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
	ORGANIZATION_MISMATCH(HttpStatus.BAD_REQUEST),
	IDP_INITIATED_NOT_ALLOWED(HttpStatus.FORBIDDEN),
	UNKNOWN_ORGANIZATION(HttpStatus.FORBIDDEN),
	EMAIL_OUTSIDE_ORGANIZATION(HttpStatus.FORBIDDEN),
	ACCOUNT_INACTIVE(HttpStatus.FORBIDDEN),
	RULE_MISMATCH(HttpStatus.FORBIDDEN),
	NO_ACCOUNT(HttpStatus.FORBIDDEN),
	ORGANIZATION_REQUIRED(HttpStatus.FORBIDDEN),
	EMAIL_UNVERIFIED(HttpStatus.FORBIDDEN);

	private final HttpStatus status;

	SsoFailure(HttpStatus status) {
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

	/** The stable code used in messages, audit entries and the page's reference line. */
	String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
