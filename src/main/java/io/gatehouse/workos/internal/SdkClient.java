package io.gatehouse.workos.internal;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import com.workos.WorkOS;
import com.workos.common.http.RetryConfig;
import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import io.gatehouse.workos.WorkOsException;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Holds the one SDK client of the app and runs calls on it, translating every failure. The client is built on first
 * use: in local mode its base URL names the embedded emulator on the port the web server actually got.
 */
@Component
public class SdkClient {

	private final GatehouseSettings settings;

	private final PublicUrls urls;

	private volatile @Nullable WorkOS workos;

	SdkClient(GatehouseSettings settings, PublicUrls urls) {
		this.settings = settings;
		this.urls = urls;
	}

	/** Runs one SDK call; any failure comes out as a {@link WorkOsException}. */
	public <T> T call(String operation, Function<WorkOS, T> call) {
		try {
			return call.apply(client());
		}
		catch (WorkOsException e) {
			throw e;
		}
		catch (Exception e) {
			throw SdkErrors.translate(operation, e);
		}
	}

	/** The client id WorkOS knows this app by. */
	public String clientId() {
		String clientId = settings.workos().clientId();
		return clientId != null ? clientId : settings.local().emulatorClientId();
	}

	/**
	 * The secret webhooks are signed with: in local mode the emulator's (random per install), otherwise
	 * {@code WORKOS_WEBHOOK_SECRET}; {@code null} when none is set, and then every webhook is refused.
	 */
	public @Nullable String webhookSecret() {
		return settings.localMode() ? settings.local().emulatorWebhookSecret() : settings.workos().webhookSecret();
	}

	private WorkOS client() {
		WorkOS current = workos;
		if (current == null) {
			synchronized (this) {
				current = workos;
				if (current == null) {
					current = build();
					workos = current;
				}
			}
		}
		return current;
	}

	private WorkOS build() {
		GatehouseSettings.WorkOs config = settings.workos();
		String apiKey = settings.localMode() ? settings.local().emulatorApiKey() : config.apiKey();
		URI baseUrl = urls.workosApiBaseUrl();
		Duration timeout = config.timeout();
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
			.readTimeout(timeout)
			.callTimeout(timeout)
			.build();
		RetryConfig retries = new RetryConfig(config.maxRetries(), 500, 8000, 0.25);
		return new WorkOS(apiKey, clientId(), baseUrl != null ? baseUrl.toString() : "https://api.workos.com", http,
				retries);
	}

}
