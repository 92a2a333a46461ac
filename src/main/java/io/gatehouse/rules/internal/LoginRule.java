package io.gatehouse.rules.internal;

import java.time.Instant;

import io.gatehouse.rules.JitMode;
import io.gatehouse.rules.LoginMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "login_rules")
public class LoginRule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LoginMethod method;

	@Column(nullable = false, unique = true)
	private int priority;

	@Column(nullable = false)
	private boolean enabled = true;

	@Column(name = "email_pattern")
	private @Nullable String emailPattern;

	@Column(name = "lookup_attributes")
	private @Nullable String lookupAttributes;

	@Column(name = "workos_connection_id")
	private @Nullable String connectionId;

	@Column(name = "workos_organization_id")
	private @Nullable String organizationId;

	@Enumerated(EnumType.STRING)
	@Column(name = "jit_mode", nullable = false)
	private JitMode jitMode = JitMode.OFF;

	@Column(name = "jit_groups")
	private @Nullable String jitGroups;

	@Column(name = "saved_attributes")
	private @Nullable String savedAttributes;

	@Column(name = "auto_update", nullable = false)
	private boolean autoUpdate;

	@Column(name = "totp_issuer")
	private @Nullable String totpIssuer;

	@Column(name = "require_verified_email", nullable = false)
	private boolean requireVerifiedEmail;

	/** Seeded by local mode as demo data. */
	@Column(nullable = false)
	private boolean demo;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected LoginRule() {
	}

	public LoginRule(Instant now) {
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Copies every editable field; the caller has validated them. */
	public void update(String name, LoginMethod method, int priority, boolean enabled, @Nullable String emailPattern,
			@Nullable String lookupAttributes, @Nullable String connectionId, @Nullable String organizationId,
			JitMode jitMode, @Nullable String jitGroups, @Nullable String savedAttributes, boolean autoUpdate,
			@Nullable String totpIssuer, boolean requireVerifiedEmail, Instant now) {
		this.name = name;
		this.method = method;
		this.priority = priority;
		this.enabled = enabled;
		this.emailPattern = emailPattern;
		this.lookupAttributes = lookupAttributes;
		this.connectionId = connectionId;
		this.organizationId = organizationId;
		this.jitMode = jitMode;
		this.jitGroups = jitGroups;
		this.savedAttributes = savedAttributes;
		this.autoUpdate = autoUpdate;
		this.totpIssuer = totpIssuer;
		this.requireVerifiedEmail = requireVerifiedEmail;
		this.updatedAt = now;
	}

	public void markDemo() {
		this.demo = true;
	}

	public boolean isDemo() {
		return demo;
	}

	public void enable(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public LoginMethod getMethod() {
		return method;
	}

	public int getPriority() {
		return priority;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public @Nullable String getEmailPattern() {
		return emailPattern;
	}

	public @Nullable String getLookupAttributes() {
		return lookupAttributes;
	}

	public @Nullable String getConnectionId() {
		return connectionId;
	}

	public @Nullable String getOrganizationId() {
		return organizationId;
	}

	public JitMode getJitMode() {
		return jitMode;
	}

	public @Nullable String getJitGroups() {
		return jitGroups;
	}

	public @Nullable String getSavedAttributes() {
		return savedAttributes;
	}

	public boolean isAutoUpdate() {
		return autoUpdate;
	}

	public @Nullable String getTotpIssuer() {
		return totpIssuer;
	}

	public boolean isRequireVerifiedEmail() {
		return requireVerifiedEmail;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
