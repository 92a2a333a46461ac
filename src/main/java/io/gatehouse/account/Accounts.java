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
import io.gatehouse.account.internal.UserAccount;
import io.gatehouse.account.internal.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

	Accounts(UserRepository users, OrganizationRepository organizations, IdentityLinkRepository links,
			ApplicationEventPublisher events, JsonMapper json, Optional<Clock> clock) {
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
	 * Signs in a person an external provider vouched for. The identity is found by (source, subject); a first
	 * sign-in links an existing account with the same email (case-insensitive) or creates one just in time. The email
	 * must belong to the provider's organisation, so one customer's IdP can never sign in another's people.
	 * @throws SignInRefused when the account is inactive or the identity does not fit its organisation
	 */
	@Transactional
	public SignedInUser signIn(ExternalIdentity identity) {
		Instant now = clock.instant();
		Organization organization = identity.organizationWorkosId() == null ? null
				: organizations.findByWorkosId(identity.organizationWorkosId()).orElse(null);
		if (organization == null) {
			throw new SignInRefused(Reason.UNKNOWN_ORGANIZATION,
					"No local organisation for WorkOS organisation " + identity.organizationWorkosId());
		}
		Optional<IdentityLink> existing = links.findBySourceAndSubject(identity.source(), identity.subject());
		IdentityLink link;
		if (existing.isPresent()) {
			link = existing.get();
		}
		else {
			if (!organization.ownsDomain(domainOf(identity.email()))) {
				throw new SignInRefused(Reason.EMAIL_OUTSIDE_ORGANIZATION,
						"The profile's email domain is not one of " + organization.getWorkosId() + "'s domains");
			}
			UserAccount user = users.findByEmailNormalized(UserAccount.normalize(identity.email()))
				.orElseGet(() -> provision(identity, organization, now));
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
		user.signedIn(now);
		return signedIn(user);
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
					identities);
		});
	}

	private UserAccount provision(ExternalIdentity identity, Organization organization, Instant now) {
		UserAccount user = users.save(new UserAccount(identity.email().trim(), identity.firstName(), identity.lastName(),
				organization, now));
		events.publishEvent(new UserProvisioned(user.getId(), user.getEmail(), identity.source()));
		return user;
	}

	private Map<String, Object> readMap(String text) {
		return json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
	}

	private static SignedInUser signedIn(UserAccount user) {
		return new SignedInUser(user.getId(), user.getEmail(),
				DisplayNames.of(user.getFirstName(), user.getLastName(), user.getEmail()), user.isAdmin());
	}

	private static String domainOf(String email) {
		return email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
	}

	private static OrganizationRef ref(Organization o) {
		return new OrganizationRef(o.getId(), o.getWorkosId(), o.getName(), o.getDomains(), o.isIdpInitiatedAllowed());
	}

}
