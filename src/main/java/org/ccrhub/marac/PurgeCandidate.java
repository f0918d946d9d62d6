package org.ccrhub.marac;

import java.time.LocalDate;

/**
 * A referral whose personal details are due to be removed ({@link MaracRetention}): its victim's
 * last referral is older than the MARAC keeps them.
 *
 * @param referralId the referral
 * @param referralDate its date
 * @param victimId its victim
 * @param lastReferralDate the date of the victim's last referral, from which retention counts
 */
public record PurgeCandidate(
    long referralId, LocalDate referralDate, long victimId, LocalDate lastReferralDate) {}
