package io.gatehouse.mfa.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "mfa_factors")
public class MfaFactor {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Column(name = "workos_factor_id", nullable = false, unique = true)
	private String workosFactorId;

	@Column(nullable = false)
	private String type;

	@Column(name = "phone_number")
	private @Nullable String phoneNumber;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private @Nullable Instant lastUsedAt;

	protected MfaFactor() {
	}

	public MfaFactor(long userId, String workosFactorId, String type, @Nullable String phoneNumber, Instant now) {
		this.userId = userId;
		this.workosFactorId = workosFactorId;
		this.type = type;
		this.phoneNumber = phoneNumber;
		this.createdAt = now;
	}

	public Long getId() {
		return id;
	}

	public long getUserId() {
		return userId;
	}

	public String getWorkosFactorId() {
		return workosFactorId;
	}

	public String getType() {
		return type;
	}

	public @Nullable String getPhoneNumber() {
		return phoneNumber;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public @Nullable Instant getLastUsedAt() {
		return lastUsedAt;
	}

	public void used(Instant now) {
		this.lastUsedAt = now;
	}

}
