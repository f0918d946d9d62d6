package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A referral already made to the MARAC, as repeat detection sees it.
 *
 * @param id the referral
 * @param victimId the victim it is about: referrals linked as the same victim (by an exact match or
 *     a confirmed near match) share it; a referral linked to no other has its own
 * @param referralDate the date of the referral
 * @param victim the victim's names and date of birth or age, as the referral gave them
 */
public record EarlierReferral(
    long id, long victimId, LocalDate referralDate, VictimIdentity victim) {

  public EarlierReferral {
    Objects.requireNonNull(referralDate, "referralDate");
    Objects.requireNonNull(victim, "victim");
  }
}
