package io.gatehouse.directory;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.account.RecentAuthenticationRequired;
import io.gatehouse.account.SignedInUser;
import io.gatehouse.workos.WorkOsException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory dashboard (admins): directories with their sync status and a "Sync now" with progress; each one's
 * users with search, filters and keyset pages; a user page with history; groups with members and their mapping to
 * app groups; and the webhook and event log.
 */
@Controller
class DirectoryDashboardController {

	static final int PAGE_SIZE = 50;

	private static final Set<String> STATES = Set.of("active", "inactive", "suspended", "deleted");

	private static final Set<String> OUTCOMES = Set.of("applied", "stale", "ignored");

	private static final Set<String> SOURCES = Set.of("webhook", "events");

	private final DirectoryQueries queries;

	private final FullSync sync;

	private final EventCatchUp catchUp;

	private final GroupMappings mappings;

	private final DirectoryMirror mirror;

	DirectoryDashboardController(DirectoryQueries queries, FullSync sync, EventCatchUp catchUp, GroupMappings mappings,
			DirectoryMirror mirror) {
		this.mirror = mirror;
		this.queries = queries;
		this.sync = sync;
		this.catchUp = catchUp;
		this.mappings = mappings;
	}

	@GetMapping({ "/directories", "/directories/" })
	String directories(Model model) {
		model.addAttribute("directories", queries.directories());
		model.addAttribute("running", sync.running());
		model.addAttribute("lastCatchUp", catchUp.lastChecked());
		return "directory/list";
	}

	@PostMapping("/directories/sync")
	String syncNow(RedirectAttributes redirect) {
		redirect.addFlashAttribute(sync.start() ? "syncStarted" : "syncBusy", true);
		return "redirect:/directories";
	}

	/** For the progress bar: each directory's synced users and whether a sync is still running. */
	@GetMapping(path = "/directories/progress", produces = "application/json")
	@ResponseBody
	Map<String, Object> progress() {
		List<Map<String, Object>> directories = queries.directories()
			.stream()
			.map(d -> Map.<String, Object>of("id", d.id(), "synced", d.syncedUsers(), "percent",
					d.syncStartedAt() != null ? d.percent() : 100, "syncing", d.syncStartedAt() != null, "error",
					d.lastError() != null ? d.lastError() : ""))
			.toList();
		return Map.of("running", sync.running(), "directories", directories);
	}

	@PostMapping("/directories/catch-up")
	String catchUpNow(RedirectAttributes redirect) {
		try {
			int applied = catchUp.run();
			redirect.addFlashAttribute(applied < 0 ? "syncBusy" : "caughtUp", applied < 0 ? true : applied);
		}
		catch (WorkOsException e) {
			redirect.addFlashAttribute("syncError", true);
		}
		return "redirect:/directories";
	}

	@GetMapping("/directories/{id}")
	String users(@PathVariable String id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(name = "after_id", required = false) @Nullable String afterId, Model model) {
		DirectoryQueries.DirectoryName directory = queries.name(id).orElseThrow(DirectoryDashboardController::notFound);
		String search = q == null || q.isBlank() || q.length() > 200 ? null : q.trim();
		String stateFilter = state != null && STATES.contains(state) ? state : null;
		List<DirectoryQueries.DirectoryName> groups = queries.groupNames(id);
		String groupFilter = groups.stream().anyMatch(g -> g.id().equals(group)) ? group : null;
		boolean cursor = after != null && afterId != null && after.length() <= 320 && afterId.length() <= 64;
		List<DirectoryQueries.UserRow> users = queries.users(id,
				new DirectoryQueries.UserFilter(search, stateFilter, groupFilter), cursor ? after : null,
				cursor ? afterId : null, PAGE_SIZE + 1);
		boolean more = users.size() > PAGE_SIZE;
		List<DirectoryQueries.UserRow> page = more ? users.subList(0, PAGE_SIZE) : users;
		model.addAttribute("directory", directory);
		model.addAttribute("groups", groups);
		model.addAttribute("q", search);
		model.addAttribute("state", stateFilter);
		model.addAttribute("group", groupFilter);
		model.addAttribute("users", page);
		model.addAttribute("firstPage", !cursor);
		DirectoryQueries.UserRow last = more ? page.get(page.size() - 1) : null;
		model.addAttribute("nextEmail", last != null ? (last.email() != null ? last.email().toLowerCase(java.util.Locale.ROOT) : "") : null);
		model.addAttribute("nextId", last != null ? last.id() : null);
		return "directory/users";
	}

	@GetMapping("/directories/users/{userId}")
	String user(@PathVariable String userId, Model model) {
		DirectoryQueries.UserDetail user = queries.user(userId).orElseThrow(DirectoryDashboardController::notFound);
		model.addAttribute("user", user);
		model.addAttribute("directory", queries.name(user.directoryId()).orElse(null));
		model.addAttribute("groups", mirror.groupNames(userId));
		model.addAttribute("history", queries.historyOf(userId, 100));
		return "directory/user";
	}

	@GetMapping("/directories/{id}/groups")
	String groups(@PathVariable String id, Model model) {
		model.addAttribute("directory", queries.name(id).orElseThrow(DirectoryDashboardController::notFound));
		model.addAttribute("groups", queries.groups(id));
		return "directory/groups";
	}

	@GetMapping("/directories/groups/{groupId}")
	String group(@PathVariable String groupId, Model model) {
		DirectoryQueries.GroupRow group = queries.group(groupId).orElseThrow(DirectoryDashboardController::notFound);
		return groupPage(group, group.appGroup(), null, model);
	}

	@RecentAuthenticationRequired(minutes = 15, returnTo = "/directories")
	@PostMapping("/directories/groups/{groupId}/mapping")
	String map(@PathVariable String groupId, @RequestParam(name = "appGroup", required = false) @Nullable String appGroup,
			@AuthenticationPrincipal SignedInUser admin, Model model, RedirectAttributes redirect) {
		DirectoryQueries.GroupRow group = queries.group(groupId).orElseThrow(DirectoryDashboardController::notFound);
		String error = GroupMappings.validate(appGroup);
		if (error != null) {
			model.addAttribute("mappingError", error);
			return groupPage(group, appGroup, error, model);
		}
		int members = mappings.map(groupId, appGroup, admin.email());
		redirect.addFlashAttribute("mapped", appGroup == null || appGroup.isBlank() ? "" : appGroup.trim());
		redirect.addFlashAttribute("mappedMembers", members);
		return "redirect:/directories/groups/" + groupId;
	}

	private String groupPage(DirectoryQueries.GroupRow group, @Nullable String appGroup, @Nullable String error,
			Model model) {
		model.addAttribute("group", group);
		model.addAttribute("appGroup", appGroup);
		model.addAttribute("directory", queries.name(group.directoryId()).orElse(null));
		model.addAttribute("members", queries.users(group.directoryId(),
				new DirectoryQueries.UserFilter(null, null, group.id()), null, null, 200));
		return "directory/group";
	}

	@GetMapping("/directories/events")
	String events(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(name = "before_id", required = false) @Nullable String beforeId, Model model) {
		String typeFilter = type != null && type.matches("[a-z_.]{1,80}") ? type : null;
		String outcomeFilter = outcome != null && OUTCOMES.contains(outcome) ? outcome : null;
		String sourceFilter = source != null && SOURCES.contains(source) ? source : null;
		OffsetDateTime beforeTime = parse(before);
		boolean cursor = beforeTime != null && beforeId != null && beforeId.length() <= 64;
		List<DirectoryQueries.EventRow> events = queries.events(typeFilter, outcomeFilter, sourceFilter,
				cursor ? beforeTime : null, cursor ? beforeId : null, PAGE_SIZE + 1);
		boolean more = events.size() > PAGE_SIZE;
		List<DirectoryQueries.EventRow> page = more ? events.subList(0, PAGE_SIZE) : events;
		model.addAttribute("events", page);
		model.addAttribute("type", typeFilter);
		model.addAttribute("outcome", outcomeFilter);
		model.addAttribute("source", sourceFilter);
		model.addAttribute("next", more ? page.get(page.size() - 1) : null);
		model.addAttribute("lastCatchUp", catchUp.lastChecked());
		return "directory/events";
	}

	private static @Nullable OffsetDateTime parse(@Nullable String text) {
		if (text == null || text.length() > 40) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such directory, user or group");
	}

}
