package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.List;

/**
 * A near match waiting for the coordinator: the referral may be of the same victim as the
 * candidate's referrals ({@link Referrals#confirmMatch}, {@link Referrals#rejectMatch}). It holds
 * ids and reasons only; names are read through the case pages.
 *
 * @param id the match
 * @param referralId the referral whose victim may be the candidate
 * @param referralDate that referral's date
 * @param victimId that referral's victim now
 * @param candidateVictimId the earlier victim who may be the same person
 * @param reasons why they nearly match, in the order of {@link MatchReason}
 */
public record PendingMatch(
    long id,
    long referralId,
    LocalDate referralDate,
    long victimId,
    long candidateVictimId,
    List<MatchReason> reasons) {

  public PendingMatch {
    reasons = List.copyOf(reasons);
  }
}
