package io.gatehouse.account;

import java.util.List;
import java.util.Map;

/**
 * What the applicable login rule lets a sign-in do to the account.
 *
 * @param createAllowed a person without an account may get one (JIT)
 * @param groups app groups given to an account created now
 * @param savedAttributes resolved saved attributes, applied on creation and, with {@code updateOnSignIn}, on every
 * later sign-in
 */
public record Provisioning(boolean createAllowed, List<String> groups, Map<String, Object> savedAttributes,
		boolean updateOnSignIn) {

	public static Provisioning existingOnly() {
		return new Provisioning(false, List.of(), Map.of(), false);
	}

}
