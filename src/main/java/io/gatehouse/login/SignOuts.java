package io.gatehouse.login;

import io.gatehouse.account.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's logout (the {@code POST /accounts/logout} filter, which publishes {@link LogoutSuccessEvent}
 * once the session is invalidated) into this module's {@link SignedOut}, for the audit log. A logout without a signed-in
 * person is nobody's and is not recorded.
 */
@Component
class SignOuts {

	private final ApplicationEventPublisher events;

	SignOuts(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			events.publishEvent(new SignedOut(user.userId(), user.email()));
		}
	}

}
