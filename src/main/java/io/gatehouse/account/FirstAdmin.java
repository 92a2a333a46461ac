package io.gatehouse.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.StartupRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is an administrator: from {@code GATEHOUSE_ADMIN_EMAIL}/{@code GATEHOUSE_ADMIN_PASSWORD}, or in
 * local mode {@code admin@gatehouse.test} (demo data) with a generated password that is written, once, to a file
 * only its owner can read in the data directory: never to a log, which outlives local mode and travels. A
 * {@code GATEHOUSE_ADMIN_EMAIL} that names someone other than the existing administrators stops start-up, rather than
 * being ignored.
 */
@Component
class FirstAdmin {

	static final String LOCAL_ADMIN_EMAIL = "admin@gatehouse.test";

	static final String PASSWORD_FILE = "local-admin-password.txt";

	private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

	private final Accounts accounts;

	private final Passwords passwords;

	private final GatehouseSettings settings;

	private final LocalModeData seeds;

	FirstAdmin(Accounts accounts, Passwords passwords, GatehouseSettings settings, LocalModeData seeds) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.seeds = seeds;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void ensureAnAdministrator() {
		GatehouseSettings.Admin admin = settings.admin();
		List<String> admins = accounts.adminEmails();
		if (!admins.isEmpty()) {
			if (admin.email() != null && admins.stream().noneMatch(admin.email()::equalsIgnoreCase)) {
				throw new StartupRefused("GATEHOUSE_ADMIN_EMAIL names " + admin.email() + ", but the administrators are "
						+ String.join(", ", admins) + ": unset GATEHOUSE_ADMIN_EMAIL and GATEHOUSE_ADMIN_PASSWORD, or"
						+ " name one of them (an existing administrator makes others admins)");
			}
			return;
		}
		if (admin.email() != null && admin.password() != null) {
			// The "Administrators" rule signs in with the password alone.
			PasswordPolicy.check(admin.password(), false, List.of(admin.email())).ifPresent(refusal -> {
				throw new StartupRefused("GATEHOUSE_ADMIN_PASSWORD is refused: " + refusal.explanation()
						+ "; choose a longer, uncommon passphrase");
			});
			accounts.createAdmin(admin.email(), passwords.hash(admin.password()));
			LOG.info("Created the first administrator from GATEHOUSE_ADMIN_EMAIL");
		}
		else if (settings.localMode()) {
			String email = admin.email() != null ? admin.email() : LOCAL_ADMIN_EMAIL;
			String password = generated();
			Path file = settings.local().dataDir().resolve(PASSWORD_FILE).toAbsolutePath().normalize();
			writeOwnerOnly(file, email + "\n" + password + "\n");
			seeds.markAccount(accounts.createAdmin(email, passwords.hash(password)));
			LOG.warn("Local mode: created the administrator {}; its password is in {} (readable by you only)."
					+ " Set GATEHOUSE_ADMIN_PASSWORD to choose it.", email, file);
		}
		else {
			LOG.warn("No administrator exists: set GATEHOUSE_ADMIN_EMAIL and GATEHOUSE_ADMIN_PASSWORD to create one");
		}
	}

	/** Creates the file readable and writable by its owner only, before a byte of the secret is written. */
	private static void writeOwnerOnly(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			try {
				Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
				Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
			}
			catch (UnsupportedOperationException notPosix) {
				Files.createFile(file);
				file.toFile().setReadable(false, false);
				file.toFile().setReadable(true, true);
				file.toFile().setWritable(false, false);
				file.toFile().setWritable(true, true);
			}
			Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException e) {
			throw new IllegalStateException("Another process created " + file + " meanwhile", e);
		}
		catch (IOException e) {
			throw new StartupRefused("Could not write the generated administrator's password to " + file + " ("
					+ e.getMessage() + "): set GATEHOUSE_DATA_DIR to a writable folder, or GATEHOUSE_ADMIN_PASSWORD");
		}
	}

	private static String generated() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
