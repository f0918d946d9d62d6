package org.ccrhub.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * A SPOC's or deputy's delegation (ADR 20): another user of their agency decides for the party (one
 * agency under one protocol) until a day at most {@value #MOST_MONTHS} months after it is granted,
 * to cover leave or to let the team that holds the records answer. A standing arrangement is what
 * the deputy is for, so every delegation runs out; it can be ended sooner, and is never deleted.
 *
 * @param party the party in words: "Northbridge Council under the Northbridge ISP"
 * @param personId the delegate's person in the directory
 * @param until the last day the delegate decides (inclusive)
 * @param endedAt when it was ended before its last day, or null
 */
public record Delegation(
    long id,
    long partyId,
    String party,
    String agency,
    long personId,
    String delegate,
    String grantedBy,
    Instant grantedAt,
    LocalDate until,
    @Nullable Instant endedAt,
    @Nullable String endedBy) {

  /** How far ahead a delegation may run. */
  public static final int MOST_MONTHS = 12;

  /** Whether the delegate decides on that day. */
  public boolean activeOn(LocalDate day) {
    return endedAt == null && !until.isBefore(day);
  }

  /** "Active", "Ended on 3 December 2026" or "Expired". */
  public String status(LocalDate today) {
    if (endedAt != null) {
      return "Ended on " + Dates.date(endedAt);
    }
    return until.isBefore(today) ? "Expired" : "Active";
  }

  /** The latest last day of a delegation granted today. */
  public static LocalDate latestUntil(LocalDate today) {
    return today.plusMonths(MOST_MONTHS);
  }

  /** What is wrong with this last day for a delegation granted today, if anything. */
  public static Optional<String> untilProblem(LocalDate today, LocalDate until) {
    if (until.isBefore(today)) {
      return Optional.of("The last day must be today or later");
    }
    if (until.isAfter(latestUntil(today))) {
      return Optional.of(
          "The last day must be at most "
              + MOST_MONTHS
              + " months ahead, on or before "
              + Dates.date(latestUntil(today)));
    }
    return Optional.empty();
  }
}
