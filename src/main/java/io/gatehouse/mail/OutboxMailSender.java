package io.gatehouse.mail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.settings.GatehouseSettings;
import io.gatehouse.settings.PublicUrls;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode's mail server: a {@link JavaMailSender} that delivers each message to the embedded emulator's outbox
 * ({@code POST /emulator/outbox/email}, with the emulator's API key). Used only when local mode is on and no
 * {@code spring.mail.host} is set.
 */
class OutboxMailSender extends JavaMailSenderImpl {

	private final PublicUrls urls;

	private final String apiKey;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	OutboxMailSender(PublicUrls urls, String apiKey) {
		this.urls = urls;
		this.apiKey = apiKey;
	}

	@Override
	protected void doSend(MimeMessage[] messages, Object[] originals) {
		for (MimeMessage message : messages) {
			try {
				Map<String, Object> body = new LinkedHashMap<>();
				Address[] to = message.getAllRecipients();
				body.put("to", to == null ? "" : String.join(", ", Arrays.stream(to).map(Address::toString).toList()));
				body.put("subject", message.getSubject());
				body.put("text", String.valueOf(message.getContent()));
				HttpRequest request = HttpRequest.newBuilder(URI.create(urls.workosApiBaseUrl() + "/outbox/email"))
					.header("Authorization", "Bearer " + apiKey)
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(10))
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
					.build();
				HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() / 100 != 2) {
					throw new MailSendException("The local outbox answered " + response.statusCode());
				}
			}
			catch (MessagingException | IOException e) {
				throw new MailSendException("Could not hand the message to the local outbox", e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new MailSendException("Interrupted", e);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class LocalMail {

		/** Only while {@code spring.mail.host} is unset (then Boot configures SMTP instead) and in local mode. */
		@Bean
		@ConditionalOnMissingBean(JavaMailSender.class)
		@ConditionalOnProperty(name = "spring.mail.host", matchIfMissing = true, havingValue = "__unset__")
		JavaMailSender localOutboxMailSender(GatehouseSettings settings, PublicUrls urls) {
			return settings.localMode() ? new OutboxMailSender(urls, settings.local().emulatorApiKey()) : null;
		}

	}

}
