package org.ccrhub.plans;

import java.util.Optional;

/**
 * A person of the directory a lead is mapped to, with their agency and account.
 *
 * @param updates whether their account updates actions: a member of the partnership with the role
 *     of action lead, strategic lead or administrator
 */
public record LeadPerson(
    long personId,
    String name,
    Optional<String> agencyName,
    Optional<Long> accountId,
    boolean updates) {

  /** E.g. {@code Tom Whitfield, Northbridge Borough Council}. */
  public String label() {
    return agencyName.map(a -> name + ", " + a).orElse(name);
  }

  /** Why their actions get no updater from them, or empty when they update actions. */
  public Optional<String> whyNotUpdating() {
    if (updates) {
      return Optional.empty();
    }
    return Optional.of(
        accountId.isEmpty()
            ? "No account: invite them from Users"
            : "Their account has no role that updates actions");
  }
}
