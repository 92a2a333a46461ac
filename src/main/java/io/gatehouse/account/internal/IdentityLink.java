package io.gatehouse.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "identity_links")
public class IdentityLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private UserAccount user;

	@Column(nullable = false)
	private String source;

	@Column(nullable = false)
	private String subject;

	@Column(name = "connection_type", nullable = false)
	private String connectionType;

	@Column(name = "organization_workos_id")
	private @Nullable String organizationWorkosId;

	@Column(nullable = false)
	private String email;

	@Column(name = "raw_attributes", nullable = false)
	private String rawAttributes;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_login_at", nullable = false)
	private Instant lastLoginAt;

	protected IdentityLink() {
	}

	public IdentityLink(UserAccount user, String source, String subject, Instant now) {
		this.user = user;
		this.source = source;
		this.subject = subject;
		this.createdAt = now;
		this.lastLoginAt = now;
	}

	/** Records what the provider asserted at this sign-in. */
	public void refresh(String connectionType, @Nullable String organizationWorkosId, String email,
			String rawAttributesJson, Instant now) {
		this.connectionType = connectionType;
		this.organizationWorkosId = organizationWorkosId;
		this.email = email;
		this.rawAttributes = rawAttributesJson;
		this.lastLoginAt = now;
	}

	public UserAccount getUser() {
		return user;
	}

	public String getSource() {
		return source;
	}

	public String getSubject() {
		return subject;
	}

	public String getConnectionType() {
		return connectionType;
	}

	public String getEmail() {
		return email;
	}

	public String getRawAttributes() {
		return rawAttributes;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getLastLoginAt() {
		return lastLoginAt;
	}

}
