package io.gatehouse.workos.internal;

import java.io.IOException;

import com.workos.common.exceptions.BadRequestException;
import com.workos.common.exceptions.GenericServerException;
import com.workos.common.exceptions.NotFoundException;
import com.workos.common.exceptions.RateLimitException;
import com.workos.common.exceptions.TransportException;
import com.workos.common.exceptions.UnauthorizedException;
import com.workos.common.exceptions.UnprocessableEntityException;
import com.workos.common.exceptions.WorkOSException;
import io.gatehouse.workos.WorkOsException;
import io.gatehouse.workos.WorkOsException.Reason;

/**
 * Maps what the SDK throws to {@link WorkOsException}. Besides its own exceptions the SDK lets Jackson's parse
 * failures escape undeclared (a missing required field throws {@code KotlinInvalidNullException}, an
 * {@link IOException}), so everything that is not a WorkOS exception counts as a malformed response unless it is an
 * I/O failure.
 */
final class SdkErrors {

	private SdkErrors() {
	}

	private static Reason reasonOf(WorkOSException e) {
		if (e instanceof TransportException) {
			return Reason.UNREACHABLE;
		}
		if (e instanceof BadRequestException) {
			return Reason.REJECTED;
		}
		if (e instanceof UnauthorizedException) {
			return Reason.UNAUTHORIZED;
		}
		if (e instanceof NotFoundException) {
			return Reason.NOT_FOUND;
		}
		if (e instanceof UnprocessableEntityException) {
			return Reason.UNPROCESSABLE;
		}
		if (e instanceof RateLimitException) {
			return Reason.RATE_LIMITED;
		}
		if (e instanceof GenericServerException || e.status >= 500) {
			return Reason.SERVER_ERROR;
		}
		return Reason.REJECTED;
	}

	static WorkOsException translate(String operation, Exception e) {
		if (e instanceof WorkOSException w) {
			Reason reason = reasonOf(w);
			return new WorkOsException(reason, w.code, w.requestId,
					operation + " failed: " + reason + " (status " + w.status + ")", e);
		}
		if (e instanceof IOException && !(e instanceof com.fasterxml.jackson.core.JacksonException)) {
			return new WorkOsException(Reason.UNREACHABLE, null, null, operation + " failed: " + e, e);
		}
		return new WorkOsException(Reason.MALFORMED_RESPONSE, null, null,
				operation + " failed: unreadable response (" + e.getClass().getSimpleName() + ")", e);
	}

}
