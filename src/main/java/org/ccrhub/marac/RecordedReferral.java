package org.ccrhub.marac;

import java.util.List;

/**
 * A referral as {@link Referrals#record} stored it.
 *
 * @param id the referral
 * @param victimId the victim it is about: an earlier victim when it matched one exactly, else a new
 *     one
 * @param repeat whether it is a repeat now (an exactly linked referral of the victim in the MARAC's
 *     repeat window before it); near matches do not count until confirmed
 * @param nearMatches the earlier victims offered to the coordinator to confirm or reject, each
 *     stored as a pending match
 */
public record RecordedReferral(
    long id, long victimId, boolean repeat, List<NearMatch> nearMatches) {

  public RecordedReferral {
    nearMatches = List.copyOf(nearMatches);
  }
}
