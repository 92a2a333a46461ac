package io.gatehouse.directory;

import java.util.List;

import io.gatehouse.workos.WorkOsException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory dashboard (admins): directories with their sync status, and each one's users with search. */
@Controller
class DirectoryDashboardController {

	static final int PAGE_SIZE = 50;

	private final DirectoryMirror mirror;

	DirectoryDashboardController(DirectoryMirror mirror) {
		this.mirror = mirror;
	}

	@GetMapping({ "/directories", "/directories/" })
	String directories(Model model) {
		model.addAttribute("directories", mirror.directories());
		return "directory/list";
	}

	@PostMapping("/directories/sync")
	String syncNow(RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("synced", mirror.syncAll());
		}
		catch (WorkOsException e) {
			redirect.addFlashAttribute("syncError", e.reason().name());
		}
		return "redirect:/directories";
	}

	@GetMapping("/directories/{id}")
	String users(@PathVariable String id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String after, Model model) {
		String search = q == null || q.length() > 200 ? null : q;
		String cursor = after == null || after.length() > 320 ? null : after;
		List<DirectoryMirror.MirroredUser> users = mirror.users(id, search, cursor, PAGE_SIZE + 1);
		boolean more = users.size() > PAGE_SIZE;
		List<DirectoryMirror.MirroredUser> page = more ? users.subList(0, PAGE_SIZE) : users;
		model.addAttribute("directory", mirror.directories().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null));
		model.addAttribute("directoryId", id);
		model.addAttribute("q", search);
		model.addAttribute("users", page);
		model.addAttribute("next", more ? page.get(page.size() - 1).email() : null);
		return "directory/users";
	}

}
