package io.gatehouse.emulator;

import java.util.Map;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory console, where a person plays the customer's IdP: add, edit, suspend, reactivate and delete directory
 * users, manage groups and memberships, and watch the webhooks each change sends. Pages live under
 * {@code /emulator/ui/directories} (browsers opening {@code /emulator/directories}, which is also the API, are sent
 * there); every form posts under {@code /emulator/ui/} and so carries a CSRF token.
 */
@Controller
@LocalModeOnly
class DirectoryConsoleController {

	static final String HOME = "/emulator/ui/directories";

	private static final String OVERVIEW = "emulator/directories";

	private static final String DIRECTORY = "emulator/directory";

	private static final String USER = "emulator/directory-user";

	private static final String GROUP = "emulator/directory-group";

	private static final String CONFIRM = "emulator/confirm-delete";

	private static final int PAGE_SIZE = 50;

	private final DirectoryStore store;

	private final DirectoryChanges changes;

	private final DirectoryEvents events;

	private final WebhookDelivery delivery;

	DirectoryConsoleController(DirectoryStore store, DirectoryChanges changes, DirectoryEvents events,
			WebhookDelivery delivery) {
		this.store = store;
		this.changes = changes;
		this.events = events;
		this.delivery = delivery;
	}

	/** A browser opening the API's address lands on the console; API clients always send a bearer key. */
	@GetMapping(path = "/emulator/directories", produces = MediaType.TEXT_HTML_VALUE, headers = "!Authorization")
	String browserAtApiAddress() {
		return "redirect:" + HOME;
	}

	@GetMapping(HOME)
	String overview(Model model) {
		model.addAttribute("directories", store.summaries());
		model.addAttribute("webhookUrl", delivery.target().map(Object::toString).orElse("(not known yet)"));
		model.addAttribute("paused", events.paused());
		model.addAttribute("deliveries", events.recent(50));
		return OVERVIEW;
	}

	@GetMapping(HOME + "/{directoryId}")
	String directory(@PathVariable String directoryId, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String after, Model model) {
		model.addAttribute("userForm", DirectoryConsoleForms.UserForm.empty());
		model.addAttribute("groupForm", DirectoryConsoleForms.GroupForm.empty());
		return directoryPage(directoryId, q, after, model);
	}

	@PostMapping(HOME + "/{directoryId}/users")
	String addUser(@PathVariable String directoryId,
			@Valid @ModelAttribute("userForm") DirectoryConsoleForms.UserForm userForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		requireDirectory(directoryId);
		DirectoryChanges.Profile profile = userForm.profile();
		if (!result.hasFieldErrors("email") && store.emailTaken(directoryId, profile.email(), null)) {
			result.rejectValue("email", "duplicate", "Another user of this directory has this email.");
		}
		if (result.hasErrors()) {
			model.addAttribute("groupForm", DirectoryConsoleForms.GroupForm.empty());
			return directoryPage(directoryId, null, null, model);
		}
		String userId = changes.addUser(directoryId, profile);
		flash(redirect, "Added " + profile.firstName() + " " + profile.lastName(),
				new DirectoryChanges.Outcome("", DirectoryChanges.USER_CREATED, events.paused()));
		redirect.addAttribute("userId", userId);
		return "redirect:/emulator/ui/directory-users/{userId}";
	}

	@PostMapping(HOME + "/{directoryId}/groups")
	String addGroup(@PathVariable String directoryId,
			@Valid @ModelAttribute("groupForm") DirectoryConsoleForms.GroupForm groupForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		requireDirectory(directoryId);
		if (!result.hasFieldErrors("name") && store.groupNameTaken(directoryId, groupForm.trimmedName(), null)) {
			result.rejectValue("name", "duplicate", "This directory already has a group with this name.");
		}
		if (result.hasErrors()) {
			model.addAttribute("userForm", DirectoryConsoleForms.UserForm.empty());
			return directoryPage(directoryId, null, null, model);
		}
		changes.addGroup(directoryId, groupForm.trimmedName());
		flash(redirect, "Added the group " + groupForm.trimmedName(),
				new DirectoryChanges.Outcome("", DirectoryChanges.GROUP_CREATED, events.paused()));
		redirect.addAttribute("directoryId", directoryId);
		return "redirect:" + HOME + "/{directoryId}";
	}

	@GetMapping("/emulator/ui/directory-users/{userId}")
	String user(@PathVariable String userId, Model model) {
		DirectoryStore.ConsoleUser user = requireUser(userId);
		model.addAttribute("userForm", DirectoryConsoleForms.UserForm.of(user));
		return userPage(user, model);
	}

	@PostMapping("/emulator/ui/directory-users/{userId}")
	String editUser(@PathVariable String userId,
			@Valid @ModelAttribute("userForm") DirectoryConsoleForms.UserForm userForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		DirectoryStore.ConsoleUser user = requireUser(userId);
		DirectoryChanges.Profile profile = userForm.profile();
		if (!result.hasFieldErrors("email") && store.emailTaken(user.directoryId(), profile.email(), userId)) {
			result.rejectValue("email", "duplicate", "Another user of this directory has this email.");
		}
		if (result.hasErrors()) {
			return userPage(user, model);
		}
		DirectoryChanges.Outcome outcome = changes.editUser(userId, profile);
		flash(redirect, "Saved " + outcome.subject(), outcome);
		redirect.addAttribute("userId", userId);
		return "redirect:/emulator/ui/directory-users/{userId}";
	}

	@PostMapping("/emulator/ui/directory-users/{userId}/suspend")
	String suspend(@PathVariable String userId, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		DirectoryStore.ConsoleUser user = requireUser(userId);
		DirectoryChanges.Outcome outcome = changes.setActive(userId, false);
		flash(redirect, "Suspended " + outcome.subject(), outcome);
		return back(user, q, back, redirect);
	}

	@PostMapping("/emulator/ui/directory-users/{userId}/reactivate")
	String reactivate(@PathVariable String userId, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		DirectoryStore.ConsoleUser user = requireUser(userId);
		DirectoryChanges.Outcome outcome = changes.setActive(userId, true);
		flash(redirect, "Reactivated " + outcome.subject(), outcome);
		return back(user, q, back, redirect);
	}

	@GetMapping("/emulator/ui/directory-users/{userId}/delete")
	String confirmUserDeletion(@PathVariable String userId, Model model) {
		DirectoryStore.ConsoleUser user = requireUser(userId);
		model.addAttribute("what", "user");
		model.addAttribute("name", user.name() + (user.email() != null ? " <" + user.email() + ">" : ""));
		model.addAttribute("action", "/emulator/ui/directory-users/" + userId + "/delete");
		model.addAttribute("cancel", "/emulator/ui/directory-users/" + userId);
		model.addAttribute("consequence", "The directory sends dsync.user.deleted; the user's memberships go with it.");
		return CONFIRM;
	}

	@PostMapping("/emulator/ui/directory-users/{userId}/delete")
	String deleteUser(@PathVariable String userId, RedirectAttributes redirect) {
		DirectoryStore.ConsoleUser user = requireUser(userId);
		DirectoryChanges.Outcome outcome = changes.deleteUser(userId);
		flash(redirect, "Deleted " + outcome.subject(), outcome);
		redirect.addAttribute("directoryId", user.directoryId());
		return "redirect:" + HOME + "/{directoryId}";
	}

	@PostMapping("/emulator/ui/directory-users/{userId}/groups")
	String addToGroup(@PathVariable String userId, @RequestParam(required = false) @Nullable String groupId,
			RedirectAttributes redirect) {
		requireUser(userId);
		redirect.addAttribute("userId", userId);
		if (!StringUtils.hasText(groupId)) {
			redirect.addFlashAttribute("flashError", "Choose a group first.");
			return "redirect:/emulator/ui/directory-users/{userId}";
		}
		DirectoryChanges.Outcome outcome = changes.addToGroup(userId, groupId);
		flash(redirect, "Added " + outcome.subject(), outcome);
		return "redirect:/emulator/ui/directory-users/{userId}";
	}

	@PostMapping("/emulator/ui/directory-users/{userId}/groups/{groupId}/remove")
	String removeFromGroup(@PathVariable String userId, @PathVariable String groupId, RedirectAttributes redirect) {
		requireUser(userId);
		DirectoryChanges.Outcome outcome = changes.removeFromGroup(userId, groupId);
		flash(redirect, "Removed " + outcome.subject(), outcome);
		redirect.addAttribute("userId", userId);
		return "redirect:/emulator/ui/directory-users/{userId}";
	}

	@GetMapping("/emulator/ui/directory-groups/{groupId}")
	String group(@PathVariable String groupId, Model model) {
		DirectoryStore.GroupSummary group = requireGroup(groupId);
		model.addAttribute("groupForm", new DirectoryConsoleForms.GroupForm(group.name()));
		return groupPage(group, model);
	}

	@PostMapping("/emulator/ui/directory-groups/{groupId}")
	String renameGroup(@PathVariable String groupId,
			@Valid @ModelAttribute("groupForm") DirectoryConsoleForms.GroupForm groupForm, BindingResult result,
			Model model, RedirectAttributes redirect) {
		DirectoryStore.GroupSummary group = requireGroup(groupId);
		if (!result.hasFieldErrors("name") && store.groupNameTaken(group.directoryId(), groupForm.trimmedName(), groupId)) {
			result.rejectValue("name", "duplicate", "This directory already has a group with this name.");
		}
		if (result.hasErrors()) {
			return groupPage(group, model);
		}
		DirectoryChanges.Outcome outcome = changes.renameGroup(groupId, groupForm.trimmedName());
		flash(redirect, "Renamed " + group.name() + " to " + outcome.subject(), outcome);
		redirect.addAttribute("directoryId", group.directoryId());
		return "redirect:" + HOME + "/{directoryId}";
	}

	@GetMapping("/emulator/ui/directory-groups/{groupId}/delete")
	String confirmGroupDeletion(@PathVariable String groupId, Model model) {
		DirectoryStore.GroupSummary group = requireGroup(groupId);
		model.addAttribute("what", "group");
		model.addAttribute("name", group.name());
		model.addAttribute("action", "/emulator/ui/directory-groups/" + groupId + "/delete");
		model.addAttribute("cancel", HOME + "/" + group.directoryId());
		model.addAttribute("consequence", "The directory sends dsync.group.deleted; its " + group.members()
				+ " memberships go with it.");
		return CONFIRM;
	}

	@PostMapping("/emulator/ui/directory-groups/{groupId}/delete")
	String deleteGroup(@PathVariable String groupId, RedirectAttributes redirect) {
		DirectoryStore.GroupSummary group = requireGroup(groupId);
		DirectoryChanges.Outcome outcome = changes.deleteGroup(groupId);
		flash(redirect, "Deleted the group " + outcome.subject(), outcome);
		redirect.addAttribute("directoryId", group.directoryId());
		return "redirect:" + HOME + "/{directoryId}";
	}

	private String directoryPage(String directoryId, @Nullable String q, @Nullable String after, Model model) {
		DirectoryStore.DirectorySummary directory = requireDirectory(directoryId);
		model.addAttribute("directory", directory);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("after", after);
		model.addAttribute("page", store.searchUsers(directoryId, q, StringUtils.hasText(after) ? after : null, PAGE_SIZE));
		model.addAttribute("groups", store.groupSummaries(directoryId));
		return DIRECTORY;
	}

	private String userPage(DirectoryStore.ConsoleUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("directory", requireDirectory(user.directoryId()));
		model.addAttribute("groups", store.groupSummaries(user.directoryId()));
		return USER;
	}

	private String groupPage(DirectoryStore.GroupSummary group, Model model) {
		model.addAttribute("group", group);
		model.addAttribute("directory", requireDirectory(group.directoryId()));
		return GROUP;
	}

	/** Back to the user's page, or to the directory's list (keeping its search) when the form says {@code back=list}. */
	private static String back(DirectoryStore.ConsoleUser user, @Nullable String q, @Nullable String back,
			RedirectAttributes redirect) {
		if ("list".equals(back)) {
			redirect.addAttribute("directoryId", user.directoryId());
			if (StringUtils.hasText(q)) {
				redirect.addAttribute("q", q);
			}
			return "redirect:" + HOME + "/{directoryId}";
		}
		redirect.addAttribute("userId", user.id());
		return "redirect:/emulator/ui/directory-users/{userId}";
	}

	private static void flash(RedirectAttributes redirect, String done, DirectoryChanges.Outcome outcome) {
		String event = outcome.event();
		String text = event == null ? done + " (nothing changed, no webhook)"
				: outcome.deliveryPaused() ? done + " — event " + event + " recorded, webhook delivery paused"
						: done + " — webhook " + event + " sent";
		redirect.addFlashAttribute("flash", text);
	}

	private DirectoryStore.DirectorySummary requireDirectory(String directoryId) {
		return store.summary(directoryId).orElseThrow(() -> new DirectoryChanges.NotFound("directory"));
	}

	private DirectoryStore.ConsoleUser requireUser(String userId) {
		return store.consoleUser(userId).orElseThrow(() -> new DirectoryChanges.NotFound("user"));
	}

	private DirectoryStore.GroupSummary requireGroup(String groupId) {
		return store.groupSummary(groupId).orElseThrow(() -> new DirectoryChanges.NotFound("group"));
	}

	/** Unknown ids on the console's pages and forms: a friendly 404 page. */
	@org.springframework.web.bind.annotation.ControllerAdvice(
			assignableTypes = { DirectoryConsoleController.class, WebhookConsoleController.class })
	@LocalModeOnly
	static class NotFoundPage {

		/** Exception handlers get no {@code @ModelAttribute}s, so the layout's stylesheet path is added here. */
		private final String bootstrapCss = "/webjars/bootstrap/" + new org.webjars.WebJarVersionLocator().version("bootstrap")
				+ "/css/bootstrap.min.css";

		@ExceptionHandler
		ModelAndView on(DirectoryChanges.NotFound notFound) {
			return new ModelAndView("emulator/problem", Map.of("problemTitle", "Not found", "detail",
					"This " + notFound.getMessage() + " does not exist (any more) in the emulated directories.",
					"bootstrapCss", bootstrapCss), HttpStatus.NOT_FOUND);
		}

	}

}
