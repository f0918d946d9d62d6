package org.ccrhub.marac;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;

/**
 * What {@code marac import} stored. It names referrals by id and rows by number, never a person.
 *
 * @param referrals the referrals recorded, one per row
 * @param heard of them, those with a meeting date
 * @param repeats of them, the repeats
 * @param meetingsCreated the imported meetings created, one per new meeting date
 * @param agenciesCreated the agencies created, as "name (type)"
 * @param warnings what was read with a guess
 * @param nearMatches the near matches of the imported referrals left for the coordinator
 */
public record MaracImportResult(
    int referrals,
    int heard,
    int repeats,
    int meetingsCreated,
    List<String> agenciesCreated,
    List<ImportProblem> warnings,
    List<RowMatch> nearMatches) {

  /** A near match left for review: the file's row, its referral and the match. */
  public record RowMatch(int row, long referralId, long matchId) {}

  public MaracImportResult {
    agenciesCreated = List.copyOf(agenciesCreated);
    nearMatches = List.copyOf(nearMatches);
  }

  /** One line: "Imported 12 referrals: 9 heard, 2 repeats, 4 meetings created." */
  public String summary() {
    return "Imported "
        + referrals
        + (referrals == 1 ? " referral: " : " referrals: ")
        + heard
        + " heard at a meeting, "
        + (referrals - heard)
        + " not yet heard, "
        + repeats
        + (repeats == 1 ? " repeat, " : " repeats, ")
        + meetingsCreated
        + (meetingsCreated == 1 ? " meeting" : " meetings")
        + " created, "
        + nearMatches.size()
        + (nearMatches.size() == 1 ? " near match" : " near matches")
        + " to review.";
  }
}
