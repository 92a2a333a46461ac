package io.gatehouse.account.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A person's account. Updates write only the columns that changed, so a sign-in that records its time never writes
 * back a password hash that a password change or reset replaced meanwhile.
 * <p>
 * The security stamp changes whenever what the person's sessions may do changes (admin flag, groups, active): sessions
 * carry the stamp they were signed in with and reload the person when it differs. It is random rather than a counter,
 * so two changes made at once can never leave the stamp a session already holds.
 */
@Entity
@Table(name = "users")
@DynamicUpdate
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String email;

	@Column(name = "email_normalized", nullable = false, unique = true)
	private String emailNormalized;

	@Column(name = "first_name")
	private @Nullable String firstName;

	@Column(name = "last_name")
	private @Nullable String lastName;

	@Column(nullable = false)
	private boolean active = true;

	@Column(nullable = false)
	private boolean admin;

	@ManyToOne
	@JoinColumn(name = "organization_id")
	private @Nullable Organization organization;

	@Column(unique = true)
	private @Nullable String username;

	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	@Column(nullable = false)
	private String attributes = "{}";

	@Column(name = "email_verified", nullable = false)
	private boolean emailVerified;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_groups", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "group_name")
	private Set<String> groups = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_directory_groups", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "group_name")
	private Set<String> directoryGroups = new TreeSet<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_mapped_groups", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "group_name")
	private Set<String> mappedGroups = new TreeSet<>();

	@Column(name = "deactivated_by_directory", nullable = false)
	private boolean deactivatedByDirectory;

	@Column(name = "security_stamp", nullable = false)
	private long securityStamp;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_login_at")
	private @Nullable Instant lastLoginAt;

	protected UserAccount() {
	}

	public UserAccount(String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable Organization organization, Instant now) {
		this.email = email;
		this.emailNormalized = normalize(email);
		this.firstName = firstName;
		this.lastName = lastName;
		this.organization = organization;
		this.createdAt = now;
		this.securityStamp = newStamp();
	}

	public static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public @Nullable String getFirstName() {
		return firstName;
	}

	public @Nullable String getLastName() {
		return lastName;
	}

	public boolean isActive() {
		return active;
	}

	public boolean isAdmin() {
		return admin;
	}

	public @Nullable Organization getOrganization() {
		return organization;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public @Nullable String getUsername() {
		return username;
	}

	public @Nullable String getPasswordHash() {
		return passwordHash;
	}

	public String getAttributes() {
		return attributes;
	}

	public Set<String> getGroups() {
		return Set.copyOf(groups);
	}

	public @Nullable Instant getLastLoginAt() {
		return lastLoginAt;
	}

	public boolean isEmailVerified() {
		return emailVerified;
	}

	public void markEmailVerified() {
		this.emailVerified = true;
	}

	public void setPasswordHash(@Nullable String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public void setNames(@Nullable String firstName, @Nullable String lastName) {
		this.firstName = firstName;
		this.lastName = lastName;
	}

	public void setActive(boolean active) {
		if (this.active != active) {
			this.active = active;
			securityChanged();
		}
	}

	public void setAdmin(boolean admin) {
		if (this.admin != admin) {
			this.admin = admin;
			securityChanged();
		}
	}

	public void setOrganization(@Nullable Organization organization) {
		this.organization = organization;
	}

	public void setAttributes(String attributesJson) {
		this.attributes = attributesJson;
	}

	public void replaceGroups(Collection<String> names) {
		Set<String> replacement = new TreeSet<>();
		names.stream().map(String::trim).filter(g -> !g.isEmpty()).forEach(replacement::add);
		if (!replacement.equals(new TreeSet<>(this.groups))) {
			this.groups.clear();
			this.groups.addAll(replacement);
			securityChanged();
		}
	}

	public void addGroups(Collection<String> names) {
		boolean added = false;
		for (String name : names) {
			String group = name.trim();
			added |= !group.isEmpty() && this.groups.add(group);
		}
		if (added) {
			securityChanged();
		}
	}

	/** The groups of the person's directory user, and the app groups an admin mapped them to. */
	public void directoryGroups(Collection<String> directoryGroups, Collection<String> mappedGroups) {
		if (!this.directoryGroups.equals(new TreeSet<>(directoryGroups))) {
			this.directoryGroups.clear();
			this.directoryGroups.addAll(directoryGroups);
			securityChanged();
		}
		if (!this.mappedGroups.equals(new TreeSet<>(mappedGroups))) {
			this.mappedGroups.clear();
			this.mappedGroups.addAll(mappedGroups);
			securityChanged();
		}
	}

	public Set<String> getDirectoryGroups() {
		return Collections.unmodifiableSet(directoryGroups);
	}

	/** The app groups, with those that come from the directory through a mapping. */
	public Set<String> getEffectiveGroups() {
		if (mappedGroups.isEmpty()) {
			return getGroups();
		}
		Set<String> all = new TreeSet<>(groups);
		all.addAll(mappedGroups);
		return Collections.unmodifiableSet(all);
	}

	public boolean isDeactivatedByDirectory() {
		return deactivatedByDirectory;
	}

	public void setDeactivatedByDirectory(boolean deactivatedByDirectory) {
		this.deactivatedByDirectory = deactivatedByDirectory;
	}

	/** Changes whenever the admin flag, the groups or the active flag change; see the class comment. */
	public long getSecurityStamp() {
		return securityStamp;
	}

	private void securityChanged() {
		long next = newStamp();
		while (next == securityStamp) {
			next = newStamp();
		}
		securityStamp = next;
	}

	/** Never 0: a session principal without a stamp carries 0, and must always reload. */
	private static long newStamp() {
		long stamp = 0;
		while (stamp == 0) {
			stamp = ThreadLocalRandom.current().nextLong();
		}
		return stamp;
	}

	public void signedIn(Instant now) {
		this.lastLoginAt = now;
	}

	/** Fills in what the account lacks from what a provider asserted; never overwrites. */
	public void complete(@Nullable String firstName, @Nullable String lastName, @Nullable Organization organization) {
		if (this.firstName == null) {
			this.firstName = firstName;
		}
		if (this.lastName == null) {
			this.lastName = lastName;
		}
		if (this.organization == null) {
			this.organization = organization;
		}
	}

}
