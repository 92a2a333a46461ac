package io.gatehouse.account.internal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security stamp changes with what sessions may do, and only then. */
class UserAccountTests {

	final UserAccount user = new UserAccount("stamp@example.test", "St", "Amp", null, Instant.now());

	@Test
	void aNewAccountHasAStampThatIsNeverZero() {
		assertThat(user.getSecurityStamp()).isNotZero();
	}

	@Test
	void changingTheAdminFlagTheActiveFlagOrTheGroupsChangesTheStamp() {
		long before = user.getSecurityStamp();
		user.setAdmin(true);
		long promoted = user.getSecurityStamp();
		user.setActive(false);
		long deactivated = user.getSecurityStamp();
		user.addGroups(List.of("Staff"));
		long grouped = user.getSecurityStamp();
		user.replaceGroups(List.of("Operators"));
		long regrouped = user.getSecurityStamp();
		user.directoryGroups(List.of("Engineering"), List.of("eng"));
		long mapped = user.getSecurityStamp();

		assertThat(List.of(before, promoted, deactivated, grouped, regrouped, mapped)).doesNotHaveDuplicates()
			.doesNotContain(0L);
	}

	@Test
	void settingWhatIsAlreadyThereKeepsTheStamp() {
		user.setAdmin(true);
		user.addGroups(List.of("Staff"));
		user.directoryGroups(List.of("Engineering"), List.of("eng"));
		long stamp = user.getSecurityStamp();

		user.setAdmin(true);
		user.setActive(true);
		user.addGroups(List.of("Staff", " "));
		user.replaceGroups(List.of(" Staff "));
		user.directoryGroups(List.of("Engineering"), List.of("eng"));
		user.setNames("Other", "Name");
		user.signedIn(Instant.now());

		assertThat(user.getSecurityStamp()).isEqualTo(stamp);
	}

}
