package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A MARAC's earlier referrals, indexed for repeat detection ({@link #check}): by the key of every
 * victim's name and other names, by date of birth, and by victim. A search looks only at the
 * referrals that share a name key or the date of birth with the new victim, so its time depends on
 * how many share them, not on how many referrals the MARAC has.
 *
 * <p>Every near match differs from the new victim in the name or in the date of birth, not both
 * ({@link MatchReason}): a name variant has the same date of birth, and a date of birth variant (or
 * an age, or none) the same name. So the referrals with a name key or the date of birth of the new
 * victim are all the candidates, and no fuzzy index is needed.
 *
 * <p>The same check works on a part of the history: an index holding only the referrals a database
 * finds for {@link VictimIdentity#nameKeys} or the date of birth, with all the other referrals of
 * their victims, gives the same answer as one holding them all.
 *
 * <p>Not safe for use by several threads at once while referrals are added.
 */
public final class ReferralIndex {

  private final Map<Long, EarlierReferral> byId = new HashMap<>();
  private final Map<String, List<EarlierReferral>> byName = new HashMap<>();
  private final Map<LocalDate, List<EarlierReferral>> byDateOfBirth = new HashMap<>();
  private final Map<Long, List<EarlierReferral>> byVictim = new HashMap<>();

  public ReferralIndex() {}

  public ReferralIndex(Iterable<EarlierReferral> referrals) {
    referrals.forEach(this::add);
  }

  /**
   * Adds a referral, as when it is made or imported.
   *
   * @throws IllegalArgumentException when a referral with its id is already in
   */
  public void add(EarlierReferral referral) {
    if (byId.putIfAbsent(referral.id(), referral) != null) {
      throw new IllegalArgumentException("Referral " + referral.id() + " is already in the index");
    }
    referral
        .victim()
        .nameKeys()
        .forEach(k -> byName.computeIfAbsent(k, x -> new ArrayList<>(1)).add(referral));
    referral
        .victim()
        .birth()
        .dateOfBirth()
        .ifPresent(d -> byDateOfBirth.computeIfAbsent(d, x -> new ArrayList<>(2)).add(referral));
    byVictim.computeIfAbsent(referral.victimId(), x -> new ArrayList<>(1)).add(referral);
  }

  public int size() {
    return byId.size();
  }

  public Optional<EarlierReferral> get(long referralId) {
    return Optional.ofNullable(byId.get(referralId));
  }

  /** All the referrals of a victim, newest first. */
  public List<EarlierReferral> referralsOf(long victimId) {
    return referralsOf(victimId, Optional.empty());
  }

  private List<EarlierReferral> referralsOf(long victimId, Optional<Long> except) {
    List<EarlierReferral> referrals = new ArrayList<>(byVictim.getOrDefault(victimId, List.of()));
    except.ifPresent(id -> referrals.removeIf(r -> r.id() == id));
    referrals.sort(RepeatCheck.NEWEST_FIRST);
    return referrals;
  }

  /**
   * Searches the earlier referrals for the victim of a new referral on {@code referralDate}: the
   * exact links, and the near matches with their reasons. Referrals dated after {@code
   * referralDate} are found too (they may be of the same victim) but never make it a repeat.
   */
  public RepeatCheck check(VictimIdentity victim, LocalDate referralDate) {
    return check(victim, referralDate, Optional.empty());
  }

  /**
   * As {@link #check(VictimIdentity, LocalDate)}, leaving out one referral: the referral itself,
   * when one already in the index is checked again.
   */
  public RepeatCheck check(VictimIdentity victim, LocalDate referralDate, long exceptReferralId) {
    return check(victim, referralDate, Optional.of(exceptReferralId));
  }

  private RepeatCheck check(VictimIdentity victim, LocalDate referralDate, Optional<Long> except) {
    List<PersonName> names = victim.names();
    Map<Long, EarlierReferral> candidates = new LinkedHashMap<>();
    for (PersonName name : names) {
      for (EarlierReferral earlier : byName.getOrDefault(name.key(), List.of())) {
        candidates.putIfAbsent(earlier.id(), earlier);
      }
    }
    victim
        .birth()
        .dateOfBirth()
        .ifPresent(
            d -> {
              for (EarlierReferral earlier : byDateOfBirth.getOrDefault(d, List.of())) {
                candidates.putIfAbsent(earlier.id(), earlier);
              }
            });
    except.ifPresent(candidates::remove);

    List<EarlierReferral> exact = new ArrayList<>();
    Map<Long, List<NearMatch.Match>> near = new LinkedHashMap<>();
    for (EarlierReferral earlier : candidates.values()) {
      List<PersonName> earlierNames = earlier.victim().names();
      DateOfBirthOrAge birth = earlier.victim().birth();
      Set<MatchReason> reasons;
      if (Resemblance.sameName(names, earlierNames)) {
        Optional<LocalDate> dob = victim.birth().dateOfBirth();
        if (dob.isPresent() && dob.equals(birth.dateOfBirth())) {
          exact.add(earlier);
          continue;
        }
        reasons =
            Resemblance.birthReasons(victim.birth(), referralDate, birth, earlier.referralDate());
      } else if (victim.birth().dateOfBirth().isPresent()
          && victim.birth().dateOfBirth().equals(birth.dateOfBirth())) {
        reasons = Resemblance.nameReasons(names, earlierNames);
      } else {
        continue;
      }
      if (!reasons.isEmpty()) {
        near.computeIfAbsent(earlier.victimId(), v -> new ArrayList<>())
            .add(new NearMatch.Match(earlier, reasons));
      }
    }

    exact.sort(RepeatCheck.NEWEST_FIRST);
    Set<Long> linkedVictims = new LinkedHashSet<>();
    exact.forEach(r -> linkedVictims.add(r.victimId()));
    List<EarlierReferral> linked = new ArrayList<>();
    linkedVictims.forEach(v -> linked.addAll(referralsOf(v, except)));
    linked.sort(RepeatCheck.NEWEST_FIRST);

    List<NearMatch> nearMatches = new ArrayList<>();
    near.forEach(
        (victimId, matches) -> {
          if (!linkedVictims.contains(victimId)) {
            matches.sort(Comparator.comparing(NearMatch.Match::referral, RepeatCheck.NEWEST_FIRST));
            nearMatches.add(new NearMatch(victimId, matches, referralsOf(victimId, except)));
          }
        });
    nearMatches.sort(
        Comparator.comparing(
            (NearMatch m) -> m.matches().get(0).referral(), RepeatCheck.NEWEST_FIRST));
    return new RepeatCheck(referralDate, exact, linkedVictims, linked, nearMatches);
  }
}
