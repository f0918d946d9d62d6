package org.ccrhub.marac.web;

import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.NewReferral;

/**
 * The seam between the MARAC pages and the recording of referrals: recording a new referral (with
 * its repeat search) and the coordinator's decisions on near matches. Each method is called only
 * for the MARAC's coordinator, whose reader it gets. TO WIRE: point it at {@code Referrals} ({@code
 * record(marac, referral, Optional.empty())}, {@code confirmMatch}, {@code rejectMatch}) and delete
 * {@link InterimReferralWrites}.
 */
interface ReferralWrites {

  /** Records the referral and returns its id (the case's id). */
  long record(MaracReader coordinator, NewReferral referral);

  /** The near match is the same victim: the victims become one. */
  void confirmMatch(MaracReader coordinator, long matchId);

  /** The near match is not the same victim: it is not offered again. */
  void rejectMatch(MaracReader coordinator, long matchId);
}
