package io.gatehouse.account;

import java.util.List;

/**
 * An organisation Gatehouse knows, mirrored from WorkOS.
 *
 * @param workosId WorkOS's id ({@code org_…})
 * @param domains the email domains that belong to it
 * @param idpInitiatedAllowed whether sign-ins started at the organisation's IdP (with no state) are accepted
 */
public record OrganizationRef(long id, String workosId, String name, List<String> domains, boolean idpInitiatedAllowed) {
}
