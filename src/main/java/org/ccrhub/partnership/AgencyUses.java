package org.ccrhub.partnership;

import java.util.Optional;
import org.ccrhub.shared.Partnership;

/**
 * Another module's records that name an agency, so that an agency still named by them is not
 * deleted, and the person trying is told why. The MARAC and information sharing answer for their
 * records; this module asks every answer before it deletes an agency, and never depends on them.
 */
public interface AgencyUses {

  /**
   * Why the agency cannot go, as one plain sentence about this module's records ("It is named by 3
   * information-sharing requests."), or empty when none of them names it.
   *
   * @param agencyId an agency of the partnership
   */
  Optional<String> whyInUse(Partnership partnership, long agencyId);

  /** "1 MARAC referral", "3 MARAC referrals": a count and what it counts, for the sentences. */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** "a", "a and b", "a, b and c". */
  static String listed(java.util.List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
