package io.gatehouse.workos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.workos.common.http.RequestOptions;
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

	private final SdkClient sdk;

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
	 * Hands every user of a directory to {@code consumer}, page by page (100 at a time), oldest first: memory stays
	 * flat whatever the directory's size.
	 * @return how many users there were
	 */
	public int forEachDirectoryUser(String directoryId, java.util.function.Consumer<DirectoryPerson> consumer) {
		return sdk.call("list directory users", workos -> {
			int count = 0;
			for (DirectoryUserWithGroups u : workos.getDirectorySync()
				.listUsers(null, null, 100, PaginationOrder.Asc, directoryId, null, null, null)
				.autoPagingIterable()) {
				consumer.accept(new DirectoryPerson(u.getId(), u.getDirectoryId(), u.getIdpId(), u.getEmail(),
						u.getFirstName(), u.getLastName(), u.getState().getValue(),
						u.getGroups().stream().map(DirectoryGroup::getName).toList(),
						java.util.Collections.unmodifiableMap(new LinkedHashMap<>(u.getCustomAttributes()))));
				count++;
			}
			return count;
		});
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
