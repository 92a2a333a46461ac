package io.gatehouse.emulator;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhook endpoint's switches on the directory console: pause delivery (events are still recorded, and listed by
 * the Events API, but never sent), resume it (the backlog stays unsent, as a real endpoint's missed events would),
 * and send one event again.
 */
@Controller
@LocalModeOnly
class WebhookConsoleController {

	private final DirectoryEvents events;

	private final WebhookDelivery delivery;

	WebhookConsoleController(DirectoryEvents events, WebhookDelivery delivery) {
		this.events = events;
		this.delivery = delivery;
	}

	@PostMapping("/emulator/ui/webhooks/pause")
	String pause(RedirectAttributes redirect) {
		events.pause(true);
		redirect.addFlashAttribute("flash", "Webhook delivery paused: events are recorded but not sent.");
		return "redirect:" + DirectoryConsoleController.HOME;
	}

	@PostMapping("/emulator/ui/webhooks/resume")
	String resume(RedirectAttributes redirect) {
		events.pause(false);
		redirect.addFlashAttribute("flash", "Webhook delivery resumed: new events are sent; missed ones are not.");
		return "redirect:" + DirectoryConsoleController.HOME;
	}

	@PostMapping("/emulator/ui/events/{eventId}/redeliver")
	String redeliver(@PathVariable String eventId, RedirectAttributes redirect) {
		if (!events.requeue(eventId)) {
			throw new DirectoryChanges.NotFound("event");
		}
		delivery.wake();
		redirect.addFlashAttribute("flash", "Sending " + eventId + " again.");
		return "redirect:" + DirectoryConsoleController.HOME;
	}

}
