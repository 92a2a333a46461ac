package io.gatehouse.mfa;

import java.util.function.BooleanSupplier;

import io.gatehouse.throttle.AccountThrottle;
import io.gatehouse.throttle.IpThrottle;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Every check of a code (app, text, e-mail, recovery) or of a password on the account page goes through here: counted
 * per IP address and per account, so guessing is throttled and stopped; a throttled check answers as a wrong code.
 */
@Component
class CodeAttempts {

	private final AccountThrottle throttle;

	private final IpThrottle ips;

	CodeAttempts(AccountThrottle throttle, IpThrottle ips) {
		this.throttle = throttle;
		this.ips = ips;
	}

	/** Checks a code of the second step; false when wrong, throttled or locked. */
	boolean code(HttpServletRequest request, long userId, BooleanSupplier check) {
		return ips.allow(IpThrottle.Bucket.SIGN_IN, request.getRemoteAddr())
				&& throttle.check(AccountThrottle.Secret.CODE, "user:" + userId, check);
	}

	/** Checks the account's password (e.g. to remove a factor); false when wrong, throttled or locked. */
	boolean password(HttpServletRequest request, long userId, BooleanSupplier check) {
		return ips.allow(IpThrottle.Bucket.SIGN_IN, request.getRemoteAddr())
				&& throttle.check(AccountThrottle.Secret.PASSWORD, "user:" + userId, check);
	}

	/** Counts a code sent (text or e-mail) from this address; false when over the limit. */
	boolean send(HttpServletRequest request) {
		return ips.allow(IpThrottle.Bucket.CODE_SEND, request.getRemoteAddr());
	}

}
