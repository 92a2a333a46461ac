package io.gatehouse.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.gatehouse.login.SecondFactors;
import io.gatehouse.mfa.internal.MfaFactor;
import io.gatehouse.mfa.internal.MfaFactorRepository;
import io.gatehouse.workos.TotpEnrolment;
import io.gatehouse.workos.WorkOs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's second factors. The factors live at WorkOS (secrets never reach Gatehouse's database); this service keeps
 * each person's list, starts and checks challenges, and records enrolment and removal.
 */
@Service
public class Factors implements SecondFactors {

	private final MfaFactorRepository factors;

	private final WorkOs workos;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Factors(MfaFactorRepository factors, WorkOs workos, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.factors = factors;
		this.workos = workos;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasFactor(long userId) {
		return factors.existsByUserId(userId);
	}

	@Transactional(readOnly = true)
	public List<FactorView> list(long userId) {
		return factors.findByUserIdOrderByCreatedAt(userId).stream().map(Factors::view).toList();
	}

	/** Creates a TOTP factor at WorkOS, not yet the person's: {@link #confirmTotp} adds it once a code works. */
	public TotpEnrolment startTotp(String issuer, String email) {
		return workos.enrollTotp(issuer, email);
	}

	/**
	 * Adds a started TOTP factor if the code from the person's app is right.
	 * @return false for a wrong code (nothing saved)
	 */
	@Transactional
	public boolean confirmTotp(long userId, String email, String workosFactorId, String code) {
		String challenge = workos.challenge(workosFactorId, null);
		if (!workos.verify(challenge, code)) {
			return false;
		}
		MfaFactor factor = new MfaFactor(userId, workosFactorId, "totp", null, clock.instant());
		factor.used(clock.instant());
		factors.save(factor);
		events.publishEvent(new FactorEnrolled(userId, email, "totp"));
		return true;
	}

	/** Drops a started factor that was never confirmed. */
	public void abandon(String workosFactorId) {
		workos.deleteFactor(workosFactorId);
	}

	/** Starts a challenge of the person's authenticator app; returns its id (kept server-side by the caller). */
	@Transactional(readOnly = true)
	public String challenge(long userId) {
		MfaFactor factor = factors.findByUserIdOrderByCreatedAt(userId)
			.stream()
			.filter(f -> "totp".equals(f.getType()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no authenticator app enrolled"));
		return workos.challenge(factor.getWorkosFactorId(), null);
	}

	/** Checks a code against a challenge of this person's factor; a right code marks the factor used. */
	@Transactional
	public boolean verify(long userId, String challengeId, String code) {
		if (!code.matches("\\d{6}")) {
			return false;
		}
		boolean valid = workos.verify(challengeId, code);
		if (valid) {
			Instant now = clock.instant();
			factors.findByUserIdOrderByCreatedAt(userId).stream().filter(f -> "totp".equals(f.getType())).findFirst()
				.ifPresent(f -> f.used(now));
		}
		return valid;
	}

	/** Removes one of the person's factors, at WorkOS and here. */
	@Transactional
	public boolean remove(long userId, String email, long factorId) {
		Optional<MfaFactor> factor = factors.findByIdAndUserId(factorId, userId);
		if (factor.isEmpty()) {
			return false;
		}
		workos.deleteFactor(factor.get().getWorkosFactorId());
		factors.delete(factor.get());
		events.publishEvent(new FactorRemoved(userId, email, factor.get().getType()));
		return true;
	}

	private static FactorView view(MfaFactor f) {
		String phone = f.getPhoneNumber();
		String masked = phone == null ? null : "•".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
		return new FactorView(f.getId(), f.getType(), masked, f.getCreatedAt(), f.getLastUsedAt());
	}

}
