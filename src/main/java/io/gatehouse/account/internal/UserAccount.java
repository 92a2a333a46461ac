package io.gatehouse.account.internal;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "users")
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
