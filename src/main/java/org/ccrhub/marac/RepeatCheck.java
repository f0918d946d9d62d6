package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the search of a MARAC's earlier referrals found for a new referral ({@link
 * ReferralIndex#check}).
 *
 * <p>An <b>exact link</b> has the same normalised name (any of the victim's names against any of
 * the earlier referral's) and the same date of birth: it is the same victim, linked without asking,
 * and so are all the other referrals of that victim ({@link #linkedReferrals}). A <b>near match</b>
 * is for the coordinator to confirm or reject. The new referral is a <b>repeat</b> when an
 * exact-linked or confirmed earlier referral falls in the {@link RepeatWindow} before it.
 *
 * @param referralDate the new referral's date
 * @param exactLinks the earlier referrals that match exactly, newest first
 * @param linkedVictims the victims of the exact links: the new referral is about this victim (more
 *     than one when the exact matches join victims kept apart so far, which are then one)
 * @param linkedReferrals every earlier referral of the linked victims, newest first
 * @param nearMatches the other victims who may be the same person, for the coordinator, the one
 *     with the newest matching referral first
 */
public record RepeatCheck(
    LocalDate referralDate,
    List<EarlierReferral> exactLinks,
    Set<Long> linkedVictims,
    List<EarlierReferral> linkedReferrals,
    List<NearMatch> nearMatches) {

  static final Comparator<EarlierReferral> NEWEST_FIRST =
      Comparator.comparing(EarlierReferral::referralDate)
          .reversed()
          .thenComparing(Comparator.comparingLong(EarlierReferral::id).reversed());

  public RepeatCheck {
    exactLinks = List.copyOf(exactLinks);
    linkedVictims = Set.copyOf(linkedVictims);
    linkedReferrals = List.copyOf(linkedReferrals);
    nearMatches = List.copyOf(nearMatches);
  }

  /**
   * The newest exact-linked earlier referral that makes the new one a repeat, if any. Near matches
   * do not count until confirmed.
   */
  public Optional<EarlierReferral> repeatOf(RepeatWindow window) {
    return newestWithin(linkedReferrals, window);
  }

  /**
   * The newest earlier referral that makes the new one a repeat, counting the near matches the
   * coordinator confirmed ({@code confirmedVictims}, from {@link NearMatch#victimId}) as well as
   * the exact links.
   *
   * @throws IllegalArgumentException when a confirmed victim is not one of the near matches
   */
  public Optional<EarlierReferral> repeatOf(
      RepeatWindow window, Collection<Long> confirmedVictims) {
    Map<Long, NearMatch> byVictim =
        nearMatches.stream().collect(Collectors.toMap(NearMatch::victimId, Function.identity()));
    List<EarlierReferral> counted = new ArrayList<>(linkedReferrals);
    for (long victim : confirmedVictims) {
      NearMatch match = byVictim.get(victim);
      if (match == null) {
        throw new IllegalArgumentException("Victim " + victim + " is not a near match");
      }
      counted.addAll(match.referrals());
    }
    return newestWithin(counted, window);
  }

  /** Whether the new referral is a repeat of an exact-linked referral. */
  public boolean isRepeat(RepeatWindow window) {
    return repeatOf(window).isPresent();
  }

  /** Whether the new referral is a repeat, counting the confirmed near matches too. */
  public boolean isRepeat(RepeatWindow window, Collection<Long> confirmedVictims) {
    return repeatOf(window, confirmedVictims).isPresent();
  }

  private Optional<EarlierReferral> newestWithin(
      Collection<EarlierReferral> referrals, RepeatWindow window) {
    return referrals.stream()
        .filter(r -> window.includes(r.referralDate(), referralDate))
        .min(NEWEST_FIRST);
  }
}
