package io.gatehouse.account;

import org.jspecify.annotations.Nullable;

final class DisplayNames {

	private DisplayNames() {
	}

	static String of(@Nullable String firstName, @Nullable String lastName, String email) {
		String name = ((firstName != null ? firstName : "") + " " + (lastName != null ? lastName : "")).trim();
		return name.isEmpty() ? email : name;
	}

}
