package io.gatehouse.emulator;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where SMS (and e-mail) sent in local mode land instead of a phone: {@code /emulator/outbox}. */
@Component
@LocalModeOnly
class Outbox {

	record Message(String id, String channel, String recipient, String body, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	Outbox(EmulatorDatabase database) {
		this.jdbc = database.jdbc();
	}

	void deliver(String channel, String recipient, String body) {
		jdbc.sql("insert into outbox (id, channel, recipient, body, created_at) values (?, ?, ?, ?, ?)")
			.params(Ids.next("msg"), channel, recipient, body, SsoDirectory.now())
			.update();
	}

	List<Message> latest(int limit) {
		return jdbc.sql("select * from outbox order by id desc limit ?")
			.param(limit)
			.query((rs, i) -> new Message(rs.getString("id"), rs.getString("channel"), rs.getString("recipient"),
					rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	/** Where local mode's mail sender hands messages: {@code POST /emulator/outbox/email}. */
	@org.springframework.web.bind.annotation.RestController
	@EmulatorApi
	@LocalModeOnly
	static class MailApi {

		private final Outbox outbox;

		MailApi(Outbox outbox) {
			this.outbox = outbox;
		}

		@org.springframework.web.bind.annotation.PostMapping("/emulator/outbox/email")
		org.springframework.http.ResponseEntity<Void> receive(
				@org.springframework.web.bind.annotation.RequestBody java.util.Map<String, Object> mail) {
			Object to = mail.get("to");
			if (!(to instanceof String recipient) || recipient.isBlank()) {
				throw ApiFailure.of(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "invalid_request_parameters",
						"to is required.");
			}
			outbox.deliver("email", recipient, mail.getOrDefault("subject", "") + "\n\n" + mail.getOrDefault("text", ""));
			return org.springframework.http.ResponseEntity.accepted().build();
		}

	}

	@Controller
	@LocalModeOnly
	static class Page {

		private final Outbox outbox;

		Page(Outbox outbox) {
			this.outbox = outbox;
		}

		@GetMapping("/emulator/outbox")
		String outbox(Model model) {
			model.addAttribute("messages", outbox.latest(100));
			return "emulator/outbox";
		}

	}

}
