package io.gatehouse.audit;

import io.gatehouse.login.LoginFailed;
import io.gatehouse.login.LoginSucceeded;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sign-ins as metrics ({@code gatehouse.sign.ins}, tagged by method and outcome: {@code succeeded} or the reason of
 * the failure), from the same events as the audit log.
 */
@Component
class SignInMetrics {

	private final MeterRegistry meters;

	SignInMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(LoginSucceeded event) {
		meters.counter("gatehouse.sign.ins", "method", event.method(), "outcome", "succeeded").increment();
	}

	@EventListener
	void on(LoginFailed event) {
		meters.counter("gatehouse.sign.ins", "method", event.method(), "outcome", event.reason()).increment();
	}

}
