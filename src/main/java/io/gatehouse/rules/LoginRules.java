package io.gatehouse.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.gatehouse.rules.internal.LoginRule;
import io.gatehouse.rules.internal.LoginRuleRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves, explains, validates and stores login rules. Resolution runs on compiled rules held in memory: reloaded
 * at once after a change here, and at most every few seconds otherwise, so changes made through another instance
 * arrive quickly too.
 */
@Service
public class LoginRules {

	private static final Duration RELOAD_AFTER = Duration.ofSeconds(5);

	private record Snapshot(List<CompiledRule> all, List<CompiledRule> enabled, Instant loadedAt) {
	}

	private final LoginRuleRepository repository;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final RuleValidator validator;

	private final Clock clock;

	private volatile @Nullable Snapshot snapshot;

	LoginRules(LoginRuleRepository repository, ApplicationEventPublisher events, JsonMapper json,
			Optional<Clock> clock) {
		this.repository = repository;
		this.events = events;
		this.json = json;
		this.validator = new RuleValidator(json);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The rule for a known user: the lowest-priority enabled rule that applies. Inactive users count as unknown. */
	public Optional<RuleDecision> forUser(UserFacts user) {
		return RuleResolver.forUser(snapshot().enabled(), user);
	}

	/** The rule for a username nobody has: only JIT rules whose pattern matches what was typed. */
	public Optional<RuleDecision> forUnknown(String typed) {
		return RuleResolver.forUnknown(snapshot().enabled(), typed);
	}

	/** The rule that may create an account for a person a provider vouched for (SSO, OAuth), or empty if none may. */
	public Optional<RuleDecision> forNewProfile(String email, String connectionId, @Nullable String organizationId,
			String connectionType) {
		return RuleResolver.forNewProfile(snapshot().enabled(), email, connectionId, organizationId, connectionType);
	}

	/** Does this decision's rule sign people in through the provider the profile came from? */
	public boolean admits(RuleDecision decision, String connectionId, @Nullable String organizationId,
			String connectionType) {
		return snapshot().all()
			.stream()
			.anyMatch(rule -> rule.id() == decision.ruleId() && rule.targets(connectionId, organizationId, connectionType));
	}

	/** The rule tester: every rule in priority order, whether it matched and why, and which one wins. */
	public List<RuleExplanation> explain(@Nullable UserFacts user, String typed) {
		return RuleResolver.explain(snapshot().all(), user, typed);
	}

	@Transactional(readOnly = true)
	public List<RuleView> list() {
		return repository.findAllByOrderByPriority().stream().map(LoginRules::view).toList();
	}

	@Transactional(readOnly = true)
	public Optional<RuleView> get(long id) {
		return repository.findById(id).map(LoginRules::view);
	}

	/** The next free priority after the highest, for a new rule's form. */
	@Transactional(readOnly = true)
	public int nextPriority() {
		return repository.findAllByOrderByPriority().stream().mapToInt(LoginRule::getPriority).max().orElse(0) + 10;
	}

	/** The outcome of {@link #save}: the stored rule, or field errors and nothing stored. */
	public record SaveResult(@Nullable RuleView rule, Map<String, String> errors) {

		public boolean saved() {
			return rule != null;
		}

	}

	/** The field errors of a draft that do not need the other rules (those are checked by {@link #save}). */
	public Map<String, String> validate(RuleDraft draft) {
		return validator.validate(draft);
	}

	/** Validates and stores a new rule ({@code id} null) or changes an existing one. */
	@Transactional
	public SaveResult save(@Nullable Long id, RuleDraft draft, String actor) {
		Map<String, String> errors = new java.util.LinkedHashMap<>(validator.validate(draft));
		Optional<LoginRule> existing = id == null ? Optional.empty() : repository.findById(id);
		if (id != null && existing.isEmpty()) {
			errors.put("name", "This rule no longer exists.");
		}
		if (!errors.containsKey("name")) {
			repository.findByName(draft.name().trim())
				.filter(other -> !other.getId().equals(id))
				.ifPresent(other -> errors.put("name", "Another rule already has this name."));
		}
		Integer priority = draft.parsedPriority();
		if (!errors.containsKey("priority") && priority != null) {
			repository.findByPriority(priority)
				.filter(other -> !other.getId().equals(id))
				.ifPresent(other -> errors.put("priority", "\"" + other.getName() + "\" already has priority "
						+ priority + "; priorities are unique."));
		}
		if (!errors.isEmpty()) {
			return new SaveResult(null, errors);
		}
		Instant now = clock.instant();
		LoginRule rule = existing.orElseGet(() -> new LoginRule(now));
		rule.update(draft.name().trim(), draft.parsedMethod(), priority, draft.isEnabled(), trimmed(draft.emailPattern()),
				trimmed(draft.lookupAttributes()), trimmed(draft.connectionId()), trimmed(draft.organizationId()),
				draft.parsedJitMode(), groups(draft.jitGroups()), trimmed(draft.savedAttributes()), draft.isAutoUpdate(),
				trimmed(draft.totpIssuer()), draft.isRequireVerifiedEmail(), now);
		LoginRule stored = repository.save(rule);
		changed(stored, existing.isEmpty() ? "created" : "updated", actor);
		return new SaveResult(view(stored), Map.of());
	}

	@Transactional
	public void enable(long id, boolean enabled, String actor) {
		repository.findById(id).ifPresent(rule -> {
			rule.enable(enabled, clock.instant());
			changed(rule, enabled ? "enabled" : "disabled", actor);
		});
	}

	@Transactional
	public void delete(long id, String actor) {
		repository.findById(id).ifPresent(rule -> {
			repository.delete(rule);
			changed(rule, "deleted", actor);
		});
	}

	/** Marks a rule as local mode's demo data (connected mode refuses to start while one exists). */
	@Transactional
	public void markDemo(long id) {
		repository.findById(id).ifPresent(LoginRule::markDemo);
	}

	/** The rules local mode seeded as demo data. */
	@Transactional(readOnly = true)
	public List<RuleView> demoRules() {
		return repository.findByDemoTrue().stream().map(LoginRules::view).toList();
	}

	/**
	 * Whether a rule's saved attributes make everyone it signs in an administrator ({@code "is_admin": true}), for the
	 * editor's warning. False for saved attributes that do not parse (the validator says why).
	 */
	public boolean grantsAdmin(RuleDraft draft) {
		if (draft.savedAttributes() == null || draft.savedAttributes().isBlank()) {
			return false;
		}
		try {
			return json.readValue(draft.savedAttributes(), Object.class) instanceof Map<?, ?> saved
					&& AttributeTemplates.grantsAdmin(saved);
		}
		catch (tools.jackson.core.JacksonException e) {
			return false;
		}
	}

	/** Whether any rule exists (demo seeding runs only on an empty table). */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return repository.count() == 0;
	}

	private void changed(LoginRule rule, String change, String actor) {
		snapshot = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}
			});
		}
		events.publishEvent(new RuleChanged(rule.getId(), rule.getName(), change, actor));
	}

	/** The compiled rules in priority order, reloaded when stale. */
	private Snapshot snapshot() {
		Snapshot current = snapshot;
		Instant now = clock.instant();
		if (current == null || current.loadedAt().plus(RELOAD_AFTER).isBefore(now)) {
			List<CompiledRule> all = repository.findAllByOrderByPriority().stream().map(this::compile).toList();
			current = new Snapshot(all, all.stream().filter(CompiledRule::enabled).toList(), now);
			snapshot = current;
		}
		return current;
	}

	private CompiledRule compile(LoginRule rule) {
		return new CompiledRule(rule.getId(), rule.getName(), rule.getMethod(), rule.getPriority(), rule.isEnabled(),
				rule.getEmailPattern() == null ? null : Pattern.compile(rule.getEmailPattern(), Pattern.CASE_INSENSITIVE),
				readMap(rule.getLookupAttributes()), rule.getConnectionId(), rule.getOrganizationId(), rule.getJitMode(),
				rule.getJitGroups() == null ? List.of()
						: Arrays.stream(rule.getJitGroups().split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList(),
				readMap(rule.getSavedAttributes()), rule.isAutoUpdate(), rule.getTotpIssuer(),
				rule.isRequireVerifiedEmail());
	}

	private Map<String, Object> readMap(@Nullable String text) {
		return text == null || text.isBlank() ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static @Nullable String groups(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return String.join(", ", Arrays.stream(text.split(",")).map(String::trim).filter(g -> !g.isEmpty()).distinct().toList());
	}

	private static RuleView view(LoginRule r) {
		return new RuleView(r.getId(), r.getName(), r.getMethod(), r.getPriority(), r.isEnabled(), r.getEmailPattern(),
				r.getLookupAttributes(), r.getConnectionId(), r.getOrganizationId(), r.getJitMode(), r.getJitGroups(),
				r.getSavedAttributes(), r.isAutoUpdate(), r.getTotpIssuer(), r.isRequireVerifiedEmail(), r.getUpdatedAt());
	}

}
