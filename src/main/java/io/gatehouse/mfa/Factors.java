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
import io.gatehouse.throttle.AccountThrottle;
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

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final AccountThrottle throttle;

	Factors(MfaFactorRepository factors, WorkOs workos, ApplicationEventPublisher events, Optional<Clock> clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, AccountThrottle throttle) {
		this.throttle = throttle;
		this.jdbc = jdbc;
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

	/** At most this many SMS codes per person in {@link #SMS_WINDOW}. */
	static final int SMS_LIMIT = 3;

	static final java.time.Duration SMS_WINDOW = java.time.Duration.ofMinutes(10);

	static final String SMS_TEMPLATE = "Your Gatehouse code is {{code}}. It expires in 10 minutes.";

	/** Creates an SMS factor at WorkOS, not yet the person's; an invalid number is WorkOS's 422. */
	public String startSms(String phoneNumber) {
		return workos.enrollSms(phoneNumber);
	}

	/**
	 * Sends a code to an SMS factor, within the per-person limit.
	 * @return the challenge id, to keep server-side
	 * @throws TooManyCodes when the limit is reached
	 */
	@Transactional
	public String sendSms(long userId, String workosFactorId) {
		java.time.OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
		long recent = jdbc.sql("select count(*) from mfa_sms_sends where user_id = ? and sent_at > ?")
			.params(userId, now.minus(SMS_WINDOW))
			.query(Long.class)
			.single();
		if (recent >= SMS_LIMIT) {
			throw new TooManyCodes();
		}
		jdbc.sql("insert into mfa_sms_sends (user_id, sent_at) values (?, ?)").params(userId, now).update();
		return workos.challenge(workosFactorId, SMS_TEMPLATE);
	}

	/** Adds a started SMS factor if the texted code is right. */
	@Transactional
	public boolean confirmSms(long userId, String email, String workosFactorId, String phoneNumber, String challengeId,
			String code) {
		if (!code.matches("\\d{6}") || !workos.verify(challengeId, code)) {
			return false;
		}
		MfaFactor factor = new MfaFactor(userId, workosFactorId, "sms", phoneNumber, clock.instant());
		factor.used(clock.instant());
		factors.save(factor);
		events.publishEvent(new FactorEnrolled(userId, email, "sms"));
		return true;
	}

	/** The person's factor with this id, if it is theirs. */
	@Transactional(readOnly = true)
	public Optional<FactorView> factor(long userId, long factorId) {
		return factors.findByIdAndUserId(factorId, userId).map(Factors::view);
	}

	/** The WorkOS id of one of the person's factors (for challenges). */
	@Transactional(readOnly = true)
	public Optional<String> workosId(long userId, long factorId) {
		return factors.findByIdAndUserId(factorId, userId).map(MfaFactor::getWorkosFactorId);
	}

	/** Drops a started factor that was never confirmed. */
	public void abandon(String workosFactorId) {
		workos.deleteFactor(workosFactorId);
	}

	/** The factor a sign-in asks for first: an authenticator app if there is one, else the first phone. */
	@Transactional(readOnly = true)
	public Optional<FactorView> preferred(long userId) {
		List<FactorView> all = list(userId);
		return all.stream().filter(f -> "totp".equals(f.type())).findFirst().or(() -> all.stream().findFirst());
	}

	/** Starts a challenge of an authenticator app factor; returns its id (kept server-side by the caller). */
	@Transactional(readOnly = true)
	public String challengeApp(long userId, long factorId) {
		MfaFactor factor = factors.findByIdAndUserId(factorId, userId)
			.filter(f -> "totp".equals(f.getType()))
			.orElseThrow(() -> new IllegalStateException("not an authenticator app of this person"));
		return workos.challenge(factor.getWorkosFactorId(), null);
	}

	/** Checks a code against a challenge of one of this person's factors; a right code marks the factor used. */
	@Transactional
	public boolean verify(long userId, long factorId, String challengeId, String code) {
		if (!code.matches("\\d{6}")) {
			return false;
		}
		boolean valid = workos.verify(challengeId, code);
		if (valid) {
			Instant now = clock.instant();
			factors.findByIdAndUserId(factorId, userId).ifPresent(f -> f.used(now));
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

	/**
	 * An administrator's reset: every factor of the person is removed (at WorkOS and here) with their recovery codes,
	 * so they enrol again at their next sign-in if their rule demands a factor.
	 * @return how many factors were removed
	 */
	@Transactional
	public int reset(long userId, String email, String actor) {
		List<MfaFactor> all = factors.findByUserIdOrderByCreatedAt(userId);
		for (MfaFactor factor : all) {
			try {
				workos.deleteFactor(factor.getWorkosFactorId());
			}
			catch (io.gatehouse.workos.WorkOsException e) {
				if (e.reason() != io.gatehouse.workos.WorkOsException.Reason.NOT_FOUND) {
					throw e;
				}
			}
			factors.delete(factor);
		}
		jdbc.sql("delete from recovery_codes where user_id = ?").param(userId).update();
		throttle.reset(AccountThrottle.Secret.CODE, "user:" + userId);
		events.publishEvent(new FactorsReset(userId, email, all.size(), actor));
		return all.size();
	}

	private static FactorView view(MfaFactor f) {
		String phone = f.getPhoneNumber();
		String masked = phone == null ? null : "•".repeat(Math.max(0, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
		return new FactorView(f.getId(), f.getType(), masked, f.getCreatedAt(), f.getLastUsedAt());
	}

}
