package org.ccrhub.marac;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An earlier victim who may be the victim of a new referral, for the coordinator to confirm or
 * reject; never linked without that. Grouped by victim, so that a coordinator answers once for
 * everyone's referrals of the same person.
 *
 * @param victimId the earlier victim
 * @param matches the victim's referrals that nearly match, each with its reasons, newest first
 * @param referrals all the victim's earlier referrals, newest first: confirming the match links
 *     them all
 */
public record NearMatch(long victimId, List<Match> matches, List<EarlierReferral> referrals) {

  /** One earlier referral that nearly matches, and why. */
  public record Match(EarlierReferral referral, Set<MatchReason> reasons) {
    public Match {
      Set<MatchReason> copy = EnumSet.noneOf(MatchReason.class);
      copy.addAll(reasons);
      reasons = Collections.unmodifiableSet(copy);
    }
  }

  public NearMatch {
    matches = List.copyOf(matches);
    referrals = List.copyOf(referrals);
  }

  /** Every reason any of the referrals nearly matches, in the order of {@link MatchReason}. */
  public Set<MatchReason> reasons() {
    Set<MatchReason> all = EnumSet.noneOf(MatchReason.class);
    matches.forEach(m -> all.addAll(m.reasons()));
    return Collections.unmodifiableSet(all);
  }
}
