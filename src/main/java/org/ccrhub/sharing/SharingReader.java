package org.ccrhub.sharing;

import java.util.Map;
import java.util.Set;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;

/**
 * A signed-in person as information sharing sees them ({@link SharingAccess#reader}), worked out
 * once per request: the agency they are a user of, if any; whether they are the partnership's data
 * protection lead; and the protocols under which they decide for their agency (as its SPOC, deputy
 * or delegate).
 *
 * @param personId their person in the partnership's directory, or null when their account is not
 *     linked to one
 * @param agencyId the agency they are a user of, or null: a viewer, or an account whose person has
 *     no agency, is a user of none
 * @param agencyName that agency's name, or empty
 * @param dataProtectionLead whether they hold the partnership's {@code DATA_PROTECTION_LEAD} role
 * @param decidesUnder the protocols under which they decide for their agency today
 * @param twoFactor whether they signed in with two factors
 * @param name how records they make name them: their name in the directory, or their account's
 */
public record SharingReader(
    Partnership partnership,
    long accountId,
    String actorName,
    String name,
    @Nullable Long personId,
    @Nullable Long agencyId,
    String agencyName,
    boolean dataProtectionLead,
    Set<Long> decidesUnder,
    boolean twoFactor) {

  /** No agency or protocol has this id. */
  private static final long NONE = -1L;

  public SharingReader {
    decidesUnder = Set.copyOf(decidesUnder);
  }

  /** Whether they can raise a request: a user of an agency. */
  public boolean canRequest() {
    return agencyId != null;
  }

  /** Whether they decide requests for their agency under any protocol. */
  public boolean decides() {
    return agencyId != null && !decidesUnder.isEmpty();
  }

  /** Whether they may read the decision log: its deciders and the data protection lead. */
  public boolean readsLog() {
    return dataProtectionLead || decides();
  }

  /** Whether they may see any request at all. */
  public boolean seesRequests() {
    return dataProtectionLead || agencyId != null;
  }

  /** The parameters of {@link SharingAccess#VISIBLE} and {@link SharingAccess#SUBJECT_DETAILS}. */
  Map<String, Object> parameters() {
    return Map.of(
        "reader_p",
        partnership.id(),
        "reader_dpl",
        dataProtectionLead,
        "reader_agency",
        agencyId == null ? NONE : agencyId,
        "reader_account",
        accountId,
        "reader_decider",
        decides(),
        "reader_decides",
        decidesUnder.isEmpty() ? new Long[] {NONE} : decidesUnder.toArray(Long[]::new));
  }
}
