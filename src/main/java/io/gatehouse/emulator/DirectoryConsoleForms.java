package io.gatehouse.emulator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/** The forms of the directory console; database rules (unique email, unique group name) are checked by the controller. */
final class DirectoryConsoleForms {

	private DirectoryConsoleForms() {
	}

	/** A directory user's profile, as typed. */
	record UserForm(
			@NotBlank(message = "Enter an email address.") @Size(max = 320, message = "At most 320 characters.") @Pattern(
					regexp = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$",
					message = "Enter an email address such as jane.doe@acme.test.") @Nullable String email,
			@NotBlank(message = "Enter a first name.") @Size(max = 100,
					message = "At most 100 characters.") @Nullable String firstName,
			@NotBlank(message = "Enter a last name.") @Size(max = 100,
					message = "At most 100 characters.") @Nullable String lastName,
			@Size(max = 200, message = "At most 200 characters.") @Nullable String jobTitle) {

		static UserForm empty() {
			return new UserForm("", "", "", "");
		}

		static UserForm of(DirectoryStore.ConsoleUser user) {
			return new UserForm(user.email(), user.firstName(), user.lastName(), user.jobTitle());
		}

		DirectoryChanges.Profile profile() {
			return new DirectoryChanges.Profile(trim(email), trim(firstName), trim(lastName),
					StringUtils.hasText(jobTitle) ? jobTitle.trim() : null);
		}

		private static String trim(@Nullable String value) {
			return value == null ? "" : value.trim();
		}

	}

	/** A group's name, as typed. */
	record GroupForm(@NotBlank(message = "Enter a group name.") @Size(max = 200,
			message = "At most 200 characters.") @Nullable String name) {

		static GroupForm empty() {
			return new GroupForm("");
		}

		String trimmedName() {
			return name == null ? "" : name.trim();
		}

	}

}
