package io.gatehouse.emulator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulated MFA API: enrol TOTP (a real Base32 secret, {@code otpauth://} URI and PNG QR code) or SMS (E.164),
 * challenge (SMS codes go to the outbox page, valid 10 minutes), verify (RFC 6238 with one step of drift, each TOTP
 * code accepted once), get and delete factors. Business errors are WorkOS's 422s.
 */
@RestController
@EmulatorApi
@LocalModeOnly
@RequestMapping("/emulator/auth")
class MfaApiController {

	private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	record Factor(String id, String type, @Nullable String userId, @Nullable String totpIssuer,
			@Nullable String totpUser, @Nullable String totpSecret, @Nullable String phoneNumber,
			@Nullable Long lastTotpStep, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
	}

	record Challenge(String id, String factorId, @Nullable String code, @Nullable OffsetDateTime expiresAt,
			@Nullable OffsetDateTime verifiedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
	}

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Duration smsLifetime;

	MfaApiController(EmulatorDatabase database, Outbox outbox, EmulatorSettings settings) {
		this.jdbc = database.jdbc();
		this.outbox = outbox;
		this.smsLifetime = settings.emulatorSmsCodeLifetime();
	}

	@PostMapping("/factors/enroll")
	Map<String, Object> enroll(@RequestBody Map<String, Object> body) {
		String type = text(body.get("type"));
		OffsetDateTime now = SsoDirectory.now();
		String id = Ids.next("auth_factor");
		if ("totp".equals(type)) {
			String issuer = text(body.get("totp_issuer"));
			String user = text(body.get("totp_user"));
			if (issuer == null || user == null) {
				throw invalid("totp_issuer and totp_user are required for TOTP factors.");
			}
			String secret = Totp.newSecret();
			jdbc.sql("""
					insert into auth_factors (id, type, user_id, totp_issuer, totp_user, totp_secret, created_at, updated_at)
					values (?, 'totp', ?, ?, ?, ?, ?, ?)""").params(id, text(body.get("user_id")), issuer, user, secret, now, now)
				.update();
			Map<String, Object> json = factorJson(factor(id).orElseThrow());
			String uri = Totp.uri(issuer, user, secret);
			Map<String, Object> totp = new LinkedHashMap<>();
			totp.put("issuer", issuer);
			totp.put("user", user);
			totp.put("secret", secret);
			totp.put("qr_code", Totp.qrCodeDataUri(uri));
			totp.put("uri", uri);
			json.put("totp", totp);
			return json;
		}
		if ("sms".equals(type)) {
			String phone = text(body.get("phone_number"));
			if (phone == null || !E164.matcher(phone).matches()) {
				throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_phone_number",
						"Phone number is invalid: '" + (phone == null ? "" : phone) + "'");
			}
			jdbc.sql("""
					insert into auth_factors (id, type, user_id, phone_number, created_at, updated_at)
					values (?, 'sms', ?, ?, ?, ?)""").params(id, text(body.get("user_id")), phone, now, now).update();
			return factorJson(factor(id).orElseThrow());
		}
		throw invalid("type must be totp or sms.");
	}

	@GetMapping("/factors/{id}")
	Map<String, Object> get(@PathVariable String id) {
		return factorJson(factor(id).orElseThrow(() -> ApiFailure.notFound("Authentication Factor", id)));
	}

	@DeleteMapping("/factors/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (jdbc.sql("delete from auth_factors where id = ?").param(id).update() == 0) {
			throw ApiFailure.notFound("Authentication Factor", id);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/factors/{id}/challenge")
	Map<String, Object> challenge(@PathVariable String id, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		Factor factor = factor(id).orElseThrow(() -> ApiFailure.notFound("Authentication Factor", id));
		OffsetDateTime now = SsoDirectory.now();
		String challengeId = Ids.next("auth_challenge");
		String code = null;
		OffsetDateTime expiresAt = null;
		if ("sms".equals(factor.type())) {
			code = String.format("%06d", RANDOM.nextInt(1_000_000));
			expiresAt = now.plus(smsLifetime);
			String template = body != null && text(body.get("sms_template")) != null ? text(body.get("sms_template"))
					: "Your verification code is {{code}}";
			outbox.deliver("sms", factor.phoneNumber(), template.replace("{{code}}", code));
		}
		jdbc.sql("""
				insert into auth_challenges (id, factor_id, code, expires_at, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?)""").params(challengeId, id, code, expiresAt, now, now).update();
		return challengeJson(challenge(challengeId).orElseThrow());
	}

	@PostMapping("/challenges/{id}/verify")
	Map<String, Object> verify(@PathVariable String id, @RequestBody Map<String, Object> body) {
		Challenge challenge = challenge(id).orElseThrow(() -> ApiFailure.notFound("Authentication Challenge", id));
		if (challenge.verifiedAt() != null) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "authentication_challenge_previously_verified",
					"The authentication challenge '" + id + "' has already been verified.");
		}
		OffsetDateTime now = SsoDirectory.now();
		if (challenge.expiresAt() != null && !challenge.expiresAt().isAfter(now)) {
			throw ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "authentication_challenge_expired",
					"The authentication challenge '" + id + "' has expired.");
		}
		String code = text(body.get("code"));
		Factor factor = factor(challenge.factorId()).orElseThrow(() -> ApiFailure.notFound("Authentication Factor", id));
		boolean valid = code != null && code.matches("\\d{6}")
				&& ("totp".equals(factor.type()) ? acceptTotp(factor, code, now) : sameCode(challenge.code(), code));
		if (valid) {
			jdbc.sql("update auth_challenges set verified_at = ?, updated_at = ? where id = ? and verified_at is null")
				.params(now, now, id)
				.update();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("challenge", challengeJson(challenge(id).orElseThrow()));
		answer.put("valid", valid);
		return answer;
	}

	/** Valid for this step or one either side, and newer than the last accepted step: a code works once. */
	private boolean acceptTotp(Factor factor, String code, OffsetDateTime now) {
		long current = Totp.stepAt(now.toEpochSecond());
		for (long step = current - 1; step <= current + 1; step++) {
			if (sameCode(Totp.code(factor.totpSecret(), step), code)) {
				return jdbc.sql("""
						update auth_factors set last_totp_step = ? where id = ? and (last_totp_step is null or last_totp_step < ?)""")
					.params(step, factor.id(), step)
					.update() == 1;
			}
		}
		return false;
	}

	private static boolean sameCode(@Nullable String expected, String presented) {
		return expected != null && MessageDigest.isEqual(expected.getBytes(), presented.getBytes());
	}

	private Optional<Factor> factor(String id) {
		return jdbc.sql("select * from auth_factors where id = ?").param(id).query(MfaApiController::mapFactor).optional();
	}

	private Optional<Challenge> challenge(String id) {
		return jdbc.sql("select * from auth_challenges where id = ?").param(id).query((rs, i) -> new Challenge(
				rs.getString("id"), rs.getString("factor_id"), rs.getString("code"),
				rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("verified_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class)))
			.optional();
	}

	private static Factor mapFactor(ResultSet rs, int row) throws SQLException {
		return new Factor(rs.getString("id"), rs.getString("type"), rs.getString("user_id"), rs.getString("totp_issuer"),
				rs.getString("totp_user"), rs.getString("totp_secret"), rs.getString("phone_number"),
				(Long) rs.getObject("last_totp_step", Long.class), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	private static Map<String, Object> factorJson(Factor f) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "authentication_factor");
		json.put("id", f.id());
		json.put("type", f.type());
		if (f.userId() != null) {
			json.put("user_id", f.userId());
		}
		json.put("created_at", ApiShapes.timestamp(f.createdAt()));
		json.put("updated_at", ApiShapes.timestamp(f.updatedAt()));
		if ("totp".equals(f.type())) {
			json.put("totp", Map.of("issuer", f.totpIssuer(), "user", f.totpUser()));
		}
		if ("sms".equals(f.type())) {
			json.put("sms", Map.of("phone_number", f.phoneNumber()));
		}
		return json;
	}

	private static Map<String, Object> challengeJson(Challenge c) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("object", "authentication_challenge");
		json.put("id", c.id());
		json.put("authentication_factor_id", c.factorId());
		if (c.expiresAt() != null) {
			json.put("expires_at", ApiShapes.timestamp(c.expiresAt()));
		}
		json.put("created_at", ApiShapes.timestamp(c.createdAt()));
		json.put("updated_at", ApiShapes.timestamp(c.updatedAt()));
		return json;
	}

	private static ApiFailure invalid(String message) {
		return ApiFailure.of(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters", message);
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

}
