package io.gatehouse.workos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.SignatureException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.workos.common.http.Page;
import com.workos.common.http.RequestOptions;
import com.workos.common.json.ObjectMapperFactory;
import com.workos.models.WorkOSEvent;
import com.workos.webhooks.Webhook;
import kotlin.Pair;
import kotlin.Unit;
import com.workos.models.AuthenticationFactorEnrolled;
import com.workos.models.Connection;
import com.workos.models.Directory;
import com.workos.models.DirectoryGroup;
import com.workos.models.DirectoryUserWithGroups;
import com.workos.models.ConnectionDomain;
import com.workos.models.Organization;
import com.workos.models.OrganizationDomain;
import com.workos.models.Profile;
import com.workos.passwordless.CreatePasswordlessSessionOptions;
import com.workos.passwordless.PasswordlessKt;
import com.workos.passwordless.PasswordlessSession;
import com.workos.sso.SSOAuthUrlsKt;
import com.workos.sso.SSOAuthorizationUrlOptions;
import com.workos.sso.SSOPKCEAuthorizationUrlResult;
import com.workos.types.AuthenticationFactorsCreateRequestType;
import com.workos.types.ConnectionState;
import com.workos.types.PaginationOrder;
import com.workos.types.GenerateLinkIntent;
import io.gatehouse.workos.internal.SdkClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Typed access to the parts of WorkOS Gatehouse uses. Every call goes through the real SDK; every failure is a
 * {@link WorkOsException}.
 */
@Service
public class WorkOs {

	/** How far a webhook's timestamp may be from now, either way (WorkOS's default). */
	static final long WEBHOOK_TOLERANCE_MILLIS = 180_000;

	private final SdkClient sdk;

	/** The SDK's webhook verifier, with its own JSON mapper: built once, it is thread-safe. */
	private final Webhook webhook = new Webhook(ObjectMapperFactory.create());

	WorkOs(SdkClient sdk) {
		this.sdk = sdk;
	}

	/**
	 * Builds the URL that sends a person to WorkOS (no HTTP call), with a fresh PKCE challenge.
	 */
	public SsoRedirect authorizationUrl(SsoAuthorization request) {
		return sdk.call("SSO authorization URL", workos -> {
			SSOAuthorizationUrlOptions options = new SSOAuthorizationUrlOptions(request.redirectUri(), sdk.clientId(),
					null, request.connectionId(), request.organizationId(), request.provider(), request.state(), null,
					null, request.domainHint(), request.loginHint());
			SSOPKCEAuthorizationUrlResult result = SSOAuthUrlsKt.getAuthorizationUrlWithPKCE(workos.getSso(), options);
			return new SsoRedirect(result.getUrl(), result.getCodeVerifier());
		});
	}

	/**
	 * Exchanges an authorization code for the signed-in person's profile. With a PKCE verifier (SP-initiated sign-in)
	 * the code only works for the session that started the flow; without one (IdP-initiated) the API key
	 * authenticates the exchange.
	 */
	public SsoProfile exchangeCode(String code, @Nullable String codeVerifier) {
		return sdk.call("SSO code exchange", workos -> {
			Profile profile = codeVerifier != null
					? SSOAuthUrlsKt.getProfileAndTokenWithPKCE(workos.getSso(), code, codeVerifier, noRetries())
						.getProfile()
					: workos.getSso().getProfileAndToken(code, noRetries()).getProfile();
			return toProfile(profile);
		});
	}

	/** Every SSO connection, across all pages. */
	public List<SsoConnection> connections() {
		return sdk.call("list connections", workos -> {
			List<SsoConnection> connections = new ArrayList<>();
			for (Connection c : workos.getSso().listConnections(null, null, 100).autoPagingIterable()) {
				connections.add(new SsoConnection(c.getId(), c.getName(), c.getConnectionType().getValue(),
						c.getState() == ConnectionState.Active, c.getOrganizationId(),
						c.getDomains().stream().map(ConnectionDomain::getDomain).toList()));
			}
			return connections;
		});
	}

	/** Every organisation, across all pages. */
	public List<WorkOsOrganization> organizations() {
		return sdk.call("list organizations", workos -> {
			List<WorkOsOrganization> organizations = new ArrayList<>();
			for (Organization o : workos.getOrganizations().list(null, null, 100).autoPagingIterable()) {
				organizations.add(new WorkOsOrganization(o.getId(), o.getName(),
						o.getDomains().stream().map(OrganizationDomain::getDomain).toList()));
			}
			return organizations;
		});
	}

	/**
	 * A short-lived link to WorkOS's Admin Portal, where the organisation's IT admin configures their SSO connection.
	 * @param returnUrl where the portal's "back" link leads
	 */
	public String adminPortalLink(String organizationId, String returnUrl) {
		return sdk.call("generate Admin Portal link", workos -> workos.getAdminPortal()
			.generateLink(organizationId, returnUrl, null, GenerateLinkIntent.SSO)
			.getLink());
	}

	/** Every directory, across all pages. */
	public List<DirectoryInfo> directories() {
		return sdk.call("list directories", workos -> {
			List<DirectoryInfo> all = new ArrayList<>();
			for (Directory d : workos.getDirectorySync().list(null, null, 100).autoPagingIterable()) {
				all.add(new DirectoryInfo(d.getId(), d.getOrganizationId(), d.getName(), d.getType().getValue(),
						d.getState().getValue()));
			}
			return all;
		});
	}

	/**
	 * One page (100 users) of a directory's users, oldest first, starting after {@code after}: a sync that stopped can
	 * go on from the last cursor it saw.
	 */
	public DirectoryUsersPage directoryUsers(String directoryId, @Nullable String after) {
		return sdk.call("list directory users", workos -> {
			Page<DirectoryUserWithGroups> page = workos.getDirectorySync()
				.listUsers(null, after, 100, PaginationOrder.Asc, directoryId, null, null, null);
			List<DirectoryPerson> users = new ArrayList<>(page.data.size());
			for (DirectoryUserWithGroups u : page.data) {
				users.add(new DirectoryPerson(u.getId(), u.getDirectoryId(), u.getOrganizationId(), u.getIdpId(),
						u.getEmail(), u.getFirstName(), u.getLastName(), u.getJobTitle(), u.getState().getValue(),
						u.getUpdatedAt(), u.getGroups().stream().map(WorkOs::team).toList(),
						Collections.unmodifiableMap(new LinkedHashMap<>(u.getCustomAttributes()))));
			}
			return new DirectoryUsersPage(users, page.listMetadata.after);
		});
	}

	/** Every group of a directory, across all pages. */
	public List<DirectoryTeam> directoryGroups(String directoryId) {
		return sdk.call("list directory groups", workos -> {
			List<DirectoryTeam> all = new ArrayList<>();
			for (DirectoryGroup g : workos.getDirectorySync()
				.listGroups(null, null, 100, PaginationOrder.Asc, directoryId, null)
				.autoPagingIterable()) {
				all.add(team(g));
			}
			return all;
		});
	}

	/**
	 * One page of Directory Sync events after {@code after} (the first ever when null), oldest first. The SDK's typed
	 * {@code Events.list} cannot read directory events (contract section 1.1), so this asks its base client for the
	 * page, typed by the SDK's own event classes.
	 */
	public DirectoryEventsPage directoryEvents(@Nullable String after, int limit) {
		return sdk.call("list events", workos -> {
			Page<WorkOSEvent> page = workos.baseClient.requestPage("GET", "/events", new TypeReference<WorkOSEvent>() {
			}, null, null, after, query -> {
				query.add(new Pair<>("events", String.join(",", DirectoryEvent.DIRECTORY_EVENTS)));
				query.add(new Pair<>("limit", Integer.toString(limit)));
				query.add(new Pair<>("order", "asc"));
				return Unit.INSTANCE;
			});
			List<DirectoryEvent> events = page.data.stream().map(DirectoryEvents::of).toList();
			String next = page.listMetadata.after != null ? page.listMetadata.after
					: (events.isEmpty() ? after : events.get(events.size() - 1).id());
			return new DirectoryEventsPage(events, next);
		});
	}

	/**
	 * Checks a webhook delivery against its {@code WorkOS-Signature} header (3 minutes' tolerance either way) and
	 * reads the event.
	 * @throws WebhookRejected if the signature does not hold, or the signed body is not an event
	 */
	public DirectoryEvent verifyWebhook(String payload, @Nullable String signature) {
		String secret = sdk.webhookSecret();
		if (secret == null) {
			throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, "No webhook secret is configured (WORKOS_WEBHOOK_SECRET)");
		}
		if (signature == null || signature.isBlank()) {
			throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, "No WorkOS-Signature header");
		}
		try {
			webhook.verifyHeader(payload, signature, secret, WEBHOOK_TOLERANCE_MILLIS);
		}
		catch (SignatureException e) {
			throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, e.getMessage() != null ? e.getMessage() : "Bad signature");
		}
		catch (RuntimeException e) {
			throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, "Unreadable WorkOS-Signature header");
		}
		try {
			return DirectoryEvents.of(webhook.constructTypedEvent(payload, signature, secret, WEBHOOK_TOLERANCE_MILLIS));
		}
		catch (SignatureException e) {
			throw new WebhookRejected(WebhookRejected.Reason.SIGNATURE, String.valueOf(e.getMessage()));
		}
		catch (Exception e) {
			// Kotlin lets Jackson's checked parse errors through undeclared.
			throw new WebhookRejected(WebhookRejected.Reason.MALFORMED, "Not a WorkOS event: " + e.getClass().getSimpleName());
		}
	}

	static DirectoryTeam team(DirectoryGroup g) {
		return new DirectoryTeam(g.getId(), g.getDirectoryId(), g.getIdpId(), g.getName(), g.getUpdatedAt());
	}

	/** Creates a magic-link session whose link leads back to {@code redirectUri} with a code and the state. */
	public MagicLink createMagicLink(String email, String redirectUri, String state) {
		return sdk.call("create passwordless session", workos -> {
			PasswordlessSession session = PasswordlessKt.getPasswordless(workos)
				.createSession(new CreatePasswordlessSessionOptions(email, redirectUri, state, null, 600, "MagicLink"));
			return new MagicLink(session.getId(), session.getLink());
		});
	}

	/** Has WorkOS e-mail the session's link to the person. */
	public void sendMagicLink(String sessionId) {
		sdk.call("send passwordless session", workos -> PasswordlessKt.getPasswordless(workos).sendSession(sessionId));
	}

	/** Creates a TOTP factor; the secret and QR code come back once. */
	public TotpEnrolment enrollTotp(String issuer, String user) {
		return sdk.call("enroll TOTP factor", workos -> {
			AuthenticationFactorEnrolled factor = workos.getMultiFactorAuth()
				.enrollFactor(AuthenticationFactorsCreateRequestType.Totp, null, issuer, user, null);
			if (factor.getTotp() == null) {
				throw new IllegalStateException("WorkOS returned a TOTP factor without its secret");
			}
			return new TotpEnrolment(factor.getId(), factor.getTotp().getSecret(), factor.getTotp().getQrCode(),
					factor.getTotp().getUri());
		});
	}

	/** Creates an SMS factor for an E.164 phone number; an invalid number is {@link WorkOsException.Reason#UNPROCESSABLE}. */
	public String enrollSms(String phoneNumber) {
		return sdk.call("enroll SMS factor", workos -> workos.getMultiFactorAuth()
			.enrollFactor(AuthenticationFactorsCreateRequestType.Sms, phoneNumber, null, null, null)
			.getId());
	}

	/**
	 * Starts a challenge of a factor (for SMS: sends the code, with {@code smsTemplate}'s {@code {{code}}} replaced).
	 * @return the challenge id
	 */
	public String challenge(String factorId, @Nullable String smsTemplate) {
		return sdk.call("challenge factor",
				workos -> workos.getMultiFactorAuth().challengeFactor(factorId, smsTemplate).getId());
	}

	/**
	 * Checks a code against a challenge. A wrong code is {@code false}; an expired or already verified challenge is a
	 * {@link WorkOsException} with reason {@link WorkOsException.Reason#UNPROCESSABLE} and WorkOS's code.
	 */
	public boolean verify(String challengeId, String code) {
		return sdk.call("verify challenge", workos -> workos.getMultiFactorAuth().verifyChallenge(challengeId, code).getValid());
	}

	public void deleteFactor(String factorId) {
		sdk.call("delete factor", workos -> {
			workos.getMultiFactorAuth().deleteFactor(factorId);
			return null;
		});
	}

	/**
	 * Authorization codes are single-use: a retried exchange whose first attempt reached WorkOS would fail anyway,
	 * so the exchange is never retried.
	 */
	private static RequestOptions noRetries() {
		return RequestOptions.builder().maxRetries(0).build();
	}

	private static SsoProfile toProfile(Profile p) {
		Map<String, Object> raw = Collections.unmodifiableMap(new LinkedHashMap<>(p.getRawAttributes()));
		List<String> groups = p.getGroups() != null ? List.copyOf(p.getGroups()) : List.of();
		return new SsoProfile(p.getId(), p.getIdpId(), p.getConnectionId(), p.getConnectionType().getValue(),
				p.getOrganizationId(), p.getEmail(), p.getFirstName(), p.getLastName(), groups, raw);
	}

}
