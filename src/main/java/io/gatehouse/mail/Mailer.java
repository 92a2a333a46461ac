package io.gatehouse.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/** Sends plain-text e-mail. Never logs the body: it carries codes and links. */
@Service
public class Mailer {

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender,
			@org.springframework.beans.factory.annotation.Value("${gatehouse.mail.from:Gatehouse <no-reply@gatehouse.local>}") String from) {
		this.sender = sender;
		this.from = from;
	}

	/** Whether a mail server is configured at all (sending may still fail). */
	public boolean available() {
		return sender.getIfAvailable() != null;
	}

	/** @throws MailUnavailable when no mail server is configured or sending fails */
	public void send(String to, String subject, String text) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			throw new MailUnavailable("No mail server is configured (set spring.mail.host)", null);
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			mail.send(message);
		}
		catch (MailException e) {
			throw new MailUnavailable("Sending mail failed: " + e.getClass().getSimpleName(), e);
		}
	}

}
