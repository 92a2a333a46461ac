package io.gatehouse.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drives the emulator's directory console ({@code /emulator/ui/directories}) over plain HTTP, as a person playing the
 * customer's IdP would: every change is one form post (with the session's CSRF token, fetched once), so a test can
 * make a thousand changes quickly. Each change makes the emulator record a WorkOS event and send its webhook.
 * Methods that change something fail with an {@link AssertionError} when the console does not accept the change.
 */
public final class EmulatorConsole {

	private static final String HOME = "/emulator/ui/directories";

	private final TestBrowser browser;

	private String csrf;

	public EmulatorConsole(int port) {
		this.browser = new TestBrowser(port);
	}

	/** The id of the directory with this name, e.g. {@code "Acme directory"}. */
	public String directoryId(String name) {
		return page(HOME).find("data-directory-id=\"([^\"]+)\" data-directory-name=\"" + Pattern.quote(escape(name)) + "\"")
			.orElseThrow(() -> new AssertionError("no directory named " + name + " on the console"));
	}

	/** The id of the directory user with this email (exactly, ignoring case), if there is one. */
	public Optional<String> findUserId(String directoryId, String email) {
		TestBrowser.Page list = page(HOME + "/" + directoryId + "?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
		return list.find("(?i)data-user-id=\"([^\"]+)\" data-email=\"" + Pattern.quote(escape(email)) + "\"");
	}

	public String userId(String directoryId, String email) {
		return findUserId(directoryId, email)
			.orElseThrow(() -> new AssertionError("no user " + email + " in directory " + directoryId));
	}

	/** The id of the group with this name in a directory. */
	public String groupId(String directoryId, String name) {
		return page(HOME + "/" + directoryId).find("data-group-id=\"([^\"]+)\" data-group-name=\"" + Pattern.quote(escape(name)) + "\"")
			.orElseThrow(() -> new AssertionError("no group " + name + " in directory " + directoryId));
	}

	/** Adds a user (active, in no group); returns its id. Sends {@code dsync.user.created}. */
	public String addUser(String directoryId, String email, String firstName, String lastName, String jobTitle) {
		TestBrowser.Page answer = change(HOME + "/" + directoryId + "/users", profile(email, firstName, lastName, jobTitle));
		String location = answer.location();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** Changes a user's profile. Sends {@code dsync.user.updated} (when something changed). */
	public void editUser(String userId, String email, String firstName, String lastName, String jobTitle) {
		change("/emulator/ui/directory-users/" + userId, profile(email, firstName, lastName, jobTitle));
	}

	/** State {@code inactive}. Sends {@code dsync.user.updated}. */
	public void suspend(String userId) {
		change("/emulator/ui/directory-users/" + userId + "/suspend", Map.of());
	}

	/** State {@code active}. Sends {@code dsync.user.updated}. */
	public void reactivate(String userId) {
		change("/emulator/ui/directory-users/" + userId + "/reactivate", Map.of());
	}

	/** Sends {@code dsync.user.deleted}. */
	public void deleteUser(String userId) {
		change("/emulator/ui/directory-users/" + userId + "/delete", Map.of());
	}

	/** Sends {@code dsync.group.user_added}. */
	public void addToGroup(String userId, String groupId) {
		change("/emulator/ui/directory-users/" + userId + "/groups", Map.of("groupId", groupId));
	}

	/** Sends {@code dsync.group.user_removed}. */
	public void removeFromGroup(String userId, String groupId) {
		change("/emulator/ui/directory-users/" + userId + "/groups/" + groupId + "/remove", Map.of());
	}

	/** Adds a group; returns its id. Sends {@code dsync.group.created}. */
	public String addGroup(String directoryId, String name) {
		change(HOME + "/" + directoryId + "/groups", Map.of("name", name));
		return groupId(directoryId, name);
	}

	/** Sends {@code dsync.group.updated}. */
	public void renameGroup(String groupId, String name) {
		change("/emulator/ui/directory-groups/" + groupId, Map.of("name", name));
	}

	/** Sends {@code dsync.group.deleted}. */
	public void deleteGroup(String groupId) {
		change("/emulator/ui/directory-groups/" + groupId + "/delete", Map.of());
	}

	/** From now on, events are recorded (and listed by the Events API) but their webhooks are never sent. */
	public void pauseDelivery() {
		change("/emulator/ui/webhooks/pause", Map.of());
	}

	/** New events are sent again; those recorded while paused stay unsent. */
	public void resumeDelivery() {
		change("/emulator/ui/webhooks/resume", Map.of());
	}

	/** Opens a console page (or any page) in this console's session. */
	public TestBrowser.Page page(String path) {
		return browser.get(path);
	}

	/** Posts a console form as is, with the CSRF token, and returns the answer (a redirect, or the page with errors). */
	public TestBrowser.Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf());
		return browser.post(path, all);
	}

	private TestBrowser.Page change(String path, Map<String, String> fields) {
		TestBrowser.Page answer = post(path, fields);
		if (!answer.isRedirect()) {
			throw new AssertionError("the console did not accept POST " + path + " " + fields + ": HTTP " + answer.status()
					+ "\n" + answer.body());
		}
		return answer;
	}

	private String csrf() {
		if (csrf == null) {
			csrf = page(HOME).csrf().orElseThrow(() -> new AssertionError("no CSRF token on the directory console"));
		}
		return csrf;
	}

	private static Map<String, String> profile(String email, String firstName, String lastName, String jobTitle) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("email", email);
		fields.put("firstName", firstName);
		fields.put("lastName", lastName);
		fields.put("jobTitle", jobTitle);
		return fields;
	}

	/** As Thymeleaf writes attribute values. */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
	}

}
