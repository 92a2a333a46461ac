package io.gatehouse.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.account.SignInRefused.Reason;
import io.gatehouse.account.internal.IdentityLink;
import io.gatehouse.account.internal.IdentityLinkRepository;
import io.gatehouse.account.internal.Organization;
import io.gatehouse.account.internal.OrganizationRepository;
import io.gatehouse.account.internal.SavedAttributes;
import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Users, organisations and linked identities. */
@Service
public class Accounts {

	private final UserRepository users;

	private final OrganizationRepository organizations;

	private final IdentityLinkRepository links;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Accounts(UserRepository users, OrganizationRepository organizations, IdentityLinkRepository links,
			ApplicationEventPublisher events, JsonMapper json, Optional<Clock> clock,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.users = users;
		this.organizations = organizations;
		this.links = links;
		this.events = events;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The organisation whose domain the email is in. */
	@Transactional(readOnly = true)
	public Optional<OrganizationRef> organizationForEmail(String email) {
		int at = email.lastIndexOf('@');
		if (at < 1 || at == email.length() - 1) {
			return Optional.empty();
		}
		return organizations.findByDomain(email.substring(at + 1).trim().toLowerCase(Locale.ROOT)).map(Accounts::ref);
	}

	@Transactional(readOnly = true)
	public Optional<OrganizationRef> organization(String workosId) {
		return organizations.findByWorkosId(workosId).map(Accounts::ref);
	}

	@Transactional(readOnly = true)
	public List<OrganizationRef> organizations() {
		return organizations.findAllByOrderByName().stream().map(Accounts::ref).toList();
	}

	/**
	 * Creates or updates the local copy of a WorkOS organisation.
	 * @return true if it was new
	 */
	@Transactional
	public boolean importOrganization(String workosId, String name, Collection<String> domains) {
		Instant now = clock.instant();
		Optional<Organization> existing = organizations.findByWorkosId(workosId);
		Organization organization = existing.orElseGet(() -> new Organization(workosId, name, now));
		organization.update(name, domains, now);
		organizations.save(organization);
		return existing.isEmpty();
	}

	@Transactional
	public void allowIdpInitiated(String workosId, boolean allowed) {
		organizations.findByWorkosId(workosId).ifPresent(o -> o.allowIdpInitiated(allowed));
	}

	/**
	 * An administrator's choice whether an organisation accepts IdP-initiated sign-ins; publishes
	 * {@link IdpInitiatedSignInChanged} (audited) when it changes.
	 * @return the organisation, or empty if there is none with this id
	 */
	@Transactional
	public Optional<OrganizationRef> setIdpInitiated(long organizationId, boolean allowed, String actor) {
		Optional<Organization> organization = organizations.findById(organizationId);
		organization.filter(o -> o.isIdpInitiatedAllowed() != allowed).ifPresent(o -> {
			o.allowIdpInitiated(allowed);
			events.publishEvent(new IdpInitiatedSignInChanged(o.getWorkosId(), o.getName(), allowed, actor));
		});
		return organization.map(Accounts::ref);
	}

	/**
	 * The account a typed username or email names: by case-insensitive email and/or by username, as configured.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountFacts> findForLogin(String typed, boolean byEmail, boolean byUsername) {
		String text = typed.trim();
		Optional<UserAccount> user = Optional.empty();
		if (byEmail && text.contains("@")) {
			user = users.findByEmailNormalized(UserAccount.normalize(text));
		}
		if (byUsername) {
			// Asked whether or not the email matched, so a known address costs what an unknown one does: otherwise
			// step 1 answers an unknown address a query later, which times out who has an account.
			Optional<UserAccount> byName = users.findByUsernameIgnoreCase(text);
			user = user.isPresent() ? user : byName;
		}
		return user.map(this::facts);
	}

	@Transactional(readOnly = true)
	public Optional<AccountFacts> facts(long userId) {
		return users.findById(userId).map(this::facts);
	}

	/** Whether this external identity is already linked to an account. */
	@Transactional(readOnly = true)
	public boolean isLinked(String source, String subject) {
		return links.findBySourceAndSubject(source, subject).isPresent();
	}

	/**
	 * The account an external identity belongs to: its link, or else (for a first sign-in) the account with the same
	 * email, provided the email is within the provider's organisation.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountFacts> findForIdentity(ExternalIdentity identity) {
		Optional<IdentityLink> link = links.findBySourceAndSubject(identity.source(), identity.subject());
		if (link.isPresent()) {
			return Optional.of(facts(link.get().getUser()));
		}
		return users.findByEmailNormalized(UserAccount.normalize(identity.email())).map(this::facts);
	}

	/**
	 * Signs in a person an external provider vouched for. The identity is found by (source, subject); a first
	 * sign-in links an existing account with the same email (case-insensitive) or, if the rule allows, creates one
	 * just in time. When the provider belongs to an organisation, the email must be in its domains, so one customer's
	 * IdP can never sign in another's people.
	 * @throws SignInRefused when the account is inactive, missing without JIT, or does not fit its organisation;
	 * nothing is written then
	 */
	public SignedInUser signIn(ExternalIdentity identity, Provisioning provisioning) {
		try {
			return transactions.execute(status -> signInOnce(identity, provisioning));
		}
		catch (DataIntegrityViolationException e) {
			// The same person's first sign-in ran twice at once (two tabs, a double click) and the other one created the
			// account or link first: this time it is found.
			return transactions.execute(status -> signInOnce(identity, provisioning));
		}
	}

	private SignedInUser signInOnce(ExternalIdentity identity, Provisioning provisioning) {
		Instant now = clock.instant();
		Organization organization = null;
		if (identity.organizationWorkosId() != null) {
			organization = organizations.findByWorkosId(identity.organizationWorkosId())
				.orElseThrow(() -> new SignInRefused(Reason.UNKNOWN_ORGANIZATION,
						"No local organisation for WorkOS organisation " + identity.organizationWorkosId()));
		}
		Optional<IdentityLink> existing = links.findBySourceAndSubject(identity.source(), identity.subject());
		IdentityLink link;
		boolean created = false;
		if (existing.isPresent()) {
			link = existing.get();
		}
		else {
			if (organization != null && !organization.ownsDomain(domainOf(identity.email()))) {
				throw new SignInRefused(Reason.EMAIL_OUTSIDE_ORGANIZATION,
						"The profile's email domain is not one of " + organization.getWorkosId() + "'s domains");
			}
			Optional<UserAccount> byEmail = users.findByEmailNormalized(UserAccount.normalize(identity.email()));
			if (byEmail.isEmpty() && !provisioning.createAllowed()) {
				throw new SignInRefused(Reason.NO_ACCOUNT, "No account and no JIT rule for this identity");
			}
			created = byEmail.isEmpty();
			UserAccount user = byEmail.orElseGet(() -> users.save(new UserAccount(identity.email().trim(),
					identity.firstName(), identity.lastName(), null, now)));
			link = new IdentityLink(user, identity.source(), identity.subject(), now);
		}
		UserAccount user = link.getUser();
		if (!user.isActive()) {
			throw new SignInRefused(Reason.ACCOUNT_INACTIVE, "User " + user.getId() + " is inactive");
		}
		link.refresh(identity.connectionType(), identity.organizationWorkosId(), identity.email(),
				json.writeValueAsString(identity.rawAttributes()), now);
		links.save(link);
		user.complete(identity.firstName(), identity.lastName(), organization);
		if (created) {
			user.addGroups(provisioning.groups());
		}
		if (created || provisioning.updateOnSignIn()) {
			applySavedAttributes(user, provisioning.savedAttributes(), now);
		}
		if (!user.isActive()) {
			throw new SignInRefused(Reason.ACCOUNT_INACTIVE, "User " + user.getId() + " was deactivated by saved attributes");
		}
		user.signedIn(now);
		users.save(user);
		if (created) {
			events.publishEvent(new UserProvisioned(user.getId(), user.getEmail(), identity.source()));
		}
		return signedIn(user);
	}

	/** The session principal for an account that just proved who it is (by password, a magic link, a factor). */
	@Transactional
	public SignedInUser signedInWithPassword(long userId) {
		UserAccount user = users.findById(userId).orElseThrow();
		user.signedIn(clock.instant());
		return signedIn(user);
	}

	/**
	 * The session principal for an account that finished a second step (a code, an enrolment), if it is still active:
	 * empty when it was deactivated (or deleted) while the step was pending, and then nothing is recorded.
	 */
	@Transactional
	public Optional<SignedInUser> signedInIfActive(long userId) {
		return users.findById(userId).filter(UserAccount::isActive).map(user -> {
			user.signedIn(clock.instant());
			return signedIn(user);
		});
	}

	/**
	 * The session principal for an account as it is now, for a session whose principal is out of date; empty when the
	 * account is inactive or gone (the session must end).
	 */
	@Transactional(readOnly = true)
	public Optional<SignedInUser> currentPrincipal(long userId) {
		return users.findById(userId).filter(UserAccount::isActive).map(Accounts::signedIn);
	}

	/** The person proved they read mail at their address. */
	@Transactional
	public void markEmailVerified(long userId) {
		users.findById(userId).ifPresent(UserAccount::markEmailVerified);
	}

	/** The administrators' emails, in order. */
	@Transactional(readOnly = true)
	public List<String> adminEmails() {
		return users.findByAdminTrueOrderByEmailNormalized().stream().map(UserAccount::getEmail).toList();
	}

	/** Creates (or promotes) an administrator with a password hash. */
	@Transactional
	public long createAdmin(String email, String passwordHash) {
		UserAccount user = users.findByEmailNormalized(UserAccount.normalize(email))
			.orElseGet(() -> new UserAccount(email.trim(), null, null, null, clock.instant()));
		user.setAdmin(true);
		user.setPasswordHash(passwordHash);
		return users.save(user).getId();
	}

	/** Creates a local account with a password (for demo data and tests of the password method). */
	@Transactional
	public long createLocalUser(String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable String passwordHash, Collection<String> groups) {
		UserAccount user = new UserAccount(email.trim(), firstName, lastName, null, clock.instant());
		user.setPasswordHash(passwordHash);
		user.addGroups(groups);
		return users.save(user).getId();
	}

	/** One page of users, optionally filtered by a search over email, username and names. */
	@Transactional(readOnly = true)
	public Slice<AccountFacts> users(@Nullable String search, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), size);
		Slice<UserAccount> slice = search == null || search.isBlank() ? users.findAllByOrderByEmailNormalized(request)
				: users.search("%" + search.trim().toLowerCase(Locale.ROOT) + "%", request);
		return slice.map(this::facts);
	}

	private void applySavedAttributes(UserAccount user, Map<String, Object> saved, Instant now) {
		try {
			SavedAttributes.apply(saved, user, json, this::findOrganization,
					name -> organizations.save(Organization.local(name, now)));
		}
		catch (SavedAttributes.OrganizationMissing e) {
			throw new SignInRefused(Reason.ORGANIZATION_REQUIRED, e.getMessage());
		}
	}

	private Optional<Organization> findOrganization(Map<String, String> lookup) {
		if (lookup.containsKey("workos_id")) {
			return organizations.findByWorkosId(lookup.get("workos_id"));
		}
		if (lookup.containsKey("domain")) {
			return organizations.findByDomain(lookup.get("domain").toLowerCase(Locale.ROOT));
		}
		if (lookup.containsKey("name")) {
			return organizations.findFirstByNameIgnoreCase(lookup.get("name"));
		}
		return Optional.empty();
	}

	private AccountFacts facts(UserAccount user) {
		Organization organization = user.getOrganization();
		return new AccountFacts(user.getId(), user.getEmail(), user.getUsername(), user.isActive(), user.isAdmin(),
				links.existsByUserId(user.getId()), user.getPasswordHash() != null, user.isEmailVerified(),
				user.getEffectiveGroups(), user.getDirectoryGroups(), organization != null ? organization.getWorkosId() : null,
				organization != null ? organization.getName() : null);
	}

	@Transactional(readOnly = true)
	public Optional<AccountOverview> overview(long userId) {
		return users.findById(userId).map(user -> {
			List<AccountOverview.LinkedIdentity> identities = links.findByUserIdOrderByLastLoginAtDesc(user.getId())
				.stream()
				.map(l -> new AccountOverview.LinkedIdentity(l.getConnectionType(), l.getSource(), l.getSubject(),
						l.getEmail(), readMap(l.getRawAttributes()), l.getCreatedAt(), l.getLastLoginAt()))
				.toList();
			return new AccountOverview(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(),
					user.getOrganization() != null ? user.getOrganization().getName() : null, user.getCreatedAt(),
					user.getGroups().stream().sorted().toList(), readMap(user.getAttributes()), user.getPasswordHash() != null,
					identities);
		});
	}

	private Map<String, Object> readMap(String text) {
		return json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}

	private static SignedInUser signedIn(UserAccount user) {
		return new SignedInUser(user.getId(), user.getEmail(),
				DisplayNames.of(user.getFirstName(), user.getLastName(), user.getEmail()), user.isAdmin(),
				user.getSecurityStamp());
	}

	private static String domainOf(String email) {
		return email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
	}

	private static OrganizationRef ref(Organization o) {
		return new OrganizationRef(o.getId(), o.getWorkosId(), o.getName(), o.getDomains(), o.isIdpInitiatedAllowed());
	}

}
