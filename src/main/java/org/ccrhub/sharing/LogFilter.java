package org.ccrhub.sharing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the decision log is searched for; null is any.
 *
 * @param agencyId entries where this agency asked or was asked
 * @param from the first decision date
 * @param to the last decision date
 */
public record LogFilter(
    @Nullable Long agencyId,
    @Nullable Long protocolId,
    @Nullable DecisionOutcome outcome,
    @Nullable Long basisId,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable SubjectRole subjectRole) {

  /** Everything. */
  public static final LogFilter ANY = new LogFilter(null, null, null, null, null, null, null);

  /** The filter in words, for the audit trail: no personal data, ids and dates only. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (agencyId != null) s.append(" agency ").append(agencyId);
    if (protocolId != null) s.append(" protocol ").append(protocolId);
    if (outcome != null)
      s.append(" decision ").append(outcome.label().toLowerCase(java.util.Locale.ROOT));
    if (basisId != null) s.append(" lawful basis ").append(basisId);
    if (from != null) s.append(" from ").append(from);
    if (to != null) s.append(" to ").append(to);
    if (subjectRole != null)
      s.append(" subject role ").append(subjectRole.label().toLowerCase(java.util.Locale.ROOT));
    return s.isEmpty() ? "no filters" : s.toString().strip();
  }
}
