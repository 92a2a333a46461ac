package io.gatehouse.secrets;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secret keys of this install, kept in the app's database ({@code server_keys}): each is 256 random bits, made the
 * first time it is asked for and the same ever after, on every instance. Two instances asking at once for a key that
 * does not exist yet both get the one that was stored first (the insert does nothing on conflict, then both read).
 * Keys never leave the server: they key HMACs of stored secrets, so a copy of one table is not enough to test
 * guesses against it.
 */
@Component
public class ServerKeys {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

	ServerKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// Committed at once, whatever the caller's transaction does: the key must outlive a rollback.
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The key of this name (made now if this install has none yet). */
	public byte[] key(String name) {
		byte[] key = known.get(name);
		if (key == null) {
			key = load(name);
			known.put(name, key);
		}
		return key.clone();
	}

	/** Lowercase hex HMAC-SHA-256 of the text under the key of this name. */
	public String hmacHex(String name, String text) {
		return Secrets.hmacSha256Hex(key(name), text);
	}

	private byte[] load(String name) {
		String value = ownTransaction.execute(status -> {
			jdbc.sql("insert into server_keys (name, key_value, created_at) values (?, ?, ?) on conflict do nothing")
				.params(name, Secrets.randomToken(32), clock.instant().atOffset(ZoneOffset.UTC))
				.update();
			return jdbc.sql("select key_value from server_keys where name = ?").param(name).query(String.class).single();
		});
		return Base64.getUrlDecoder().decode(value);
	}

}
