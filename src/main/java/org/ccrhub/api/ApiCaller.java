package org.ccrhub.api;

import java.util.Set;
import org.ccrhub.audit.AuditActor;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;

/**
 * Who is calling the API: the person a token acts as, in the token's partnership, with the roles
 * they hold there at this request (read afresh each time, so a role taken away is gone at once). It
 * is the security context's principal for the request, so the audit trail records the person and
 * the token's name. Controllers take it as a parameter.
 */
public record ApiCaller(
    long accountId,
    String email,
    String displayName,
    Partnership partnership,
    Set<Role> roles,
    long tokenId,
    String tokenName)
    implements AuditActor {

  public ApiCaller {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.PARTNERSHIP_ADMIN);
  }

  /** The roles as the screens' code reads them. */
  public CurrentRoles currentRoles() {
    return new CurrentRoles(roles);
  }

  /** The person, and through which token: e.g. {@code ana@example.org (API token 'Power BI')}. */
  @Override
  public String actorName() {
    return email + " (API token '" + tokenName + "')";
  }

  /** Values or updates sent through the API are recorded as the person's, sent through the API. */
  @Override
  public String importLabel() {
    return displayName + " (API)";
  }
}
