package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralIndexTests {

  private static final LocalDate BORN = LocalDate.of(1990, 5, 1);
  private static final RepeatWindow TWELVE_MONTHS = new RepeatWindow(12);

  private final ReferralIndex index = new ReferralIndex();
  private long nextId = 1;

  private EarlierReferral refer(
      LocalDate date, DateOfBirthOrAge birth, String name, String... others) {
    long id = nextId++;
    return referAs(id, date, birth, name, others);
  }

  private EarlierReferral referAs(
      long victimId, LocalDate date, DateOfBirthOrAge birth, String name, String... others) {
    EarlierReferral referral =
        new EarlierReferral(nextId++, victimId, date, VictimIdentity.of(name, birth, others));
    index.add(referral);
    return referral;
  }

  private RepeatCheck check(LocalDate date, DateOfBirthOrAge birth, String name, String... others) {
    return index.check(VictimIdentity.of(name, birth, others), date);
  }

  private static DateOfBirthOrAge born(LocalDate day) {
    return DateOfBirthOrAge.born(day);
  }

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  void linksTheSameNormalisedNameAndDateOfBirth() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(BORN), "Mary-Jane O'Brien");

    RepeatCheck check = check(day(2017, 1, 9), born(BORN), "MARY JANE OBRIEN");

    assertThat(check.exactLinks()).containsExactly(earlier);
    assertThat(check.linkedVictims()).containsExactly(earlier.victimId());
    assertThat(check.nearMatches()).isEmpty();
    assertThat(check.isRepeat(TWELVE_MONTHS)).isTrue();
    assertThat(check.repeatOf(TWELVE_MONTHS)).contains(earlier);
  }

  @Test
  void linksOnOtherNamesToo() {
    EarlierReferral married = refer(day(2016, 5, 23), born(BORN), "Jane Okafor", "Jane Bell");

    assertThat(check(day(2017, 1, 9), born(BORN), "Jane Bell").exactLinks())
        .containsExactly(married);
    assertThat(check(day(2017, 1, 9), born(BORN), "J. Smith", "Jane  okafor").exactLinks())
        .containsExactly(married);
  }

  @Test
  void theSameNameWithAnotherDateOfBirthIsAnotherPerson() {
    refer(day(2016, 5, 23), born(day(1975, 11, 30)), "Sarah Smith");

    RepeatCheck check = check(day(2017, 1, 9), born(BORN), "Sarah Smith");

    assertThat(check.exactLinks()).isEmpty();
    assertThat(check.nearMatches()).isEmpty();
    assertThat(check.isRepeat(TWELVE_MONTHS)).isFalse();
  }

  @Test
  void twelveMonthsToTheDayIsARepeatAndADayMoreIsNot() {
    refer(day(2016, 5, 23), born(BORN), "Ann Lee");

    assertThat(check(day(2017, 5, 23), born(BORN), "Ann Lee").isRepeat(TWELVE_MONTHS)).isTrue();
    RepeatCheck dayMore = check(day(2017, 5, 24), born(BORN), "Ann Lee");
    assertThat(dayMore.isRepeat(TWELVE_MONTHS)).isFalse();
    assertThat(dayMore.exactLinks()).hasSize(1); // the same victim, but a new referral
  }

  @Test
  void countsBack12MonthsFrom29February() {
    refer(day(2023, 2, 28), born(BORN), "Ann Lee");
    refer(day(2024, 2, 29), born(BORN), "Bea Marsh");

    assertThat(check(day(2024, 2, 29), born(BORN), "Ann Lee").isRepeat(TWELVE_MONTHS)).isTrue();
    assertThat(check(day(2024, 3, 1), born(BORN), "Ann Lee").isRepeat(TWELVE_MONTHS)).isFalse();
    assertThat(check(day(2025, 2, 28), born(BORN), "Bea Marsh").isRepeat(TWELVE_MONTHS)).isTrue();
    assertThat(check(day(2025, 3, 1), born(BORN), "Bea Marsh").isRepeat(TWELVE_MONTHS)).isFalse();
  }

  @Test
  void theRepeatIsOfTheNewestReferralInTheWindow() {
    refer(day(2016, 1, 5), born(BORN), "Ann Lee");
    EarlierReferral newer = refer(day(2016, 9, 1), born(BORN), "Ann Lee");
    refer(day(2017, 6, 1), born(BORN), "Ann Lee"); // dated after the new one: not before it

    RepeatCheck check = check(day(2017, 3, 1), born(BORN), "Ann Lee");

    assertThat(check.exactLinks()).hasSize(3);
    assertThat(check.repeatOf(TWELVE_MONTHS)).contains(newer);
  }

  @Test
  void aReferralDatedAfterTheNewOneIsLinkedButMakesNoRepeat() {
    refer(day(2017, 6, 1), born(BORN), "Ann Lee");

    RepeatCheck check = check(day(2017, 3, 1), born(BORN), "Ann Lee");

    assertThat(check.exactLinks()).hasSize(1);
    assertThat(check.isRepeat(TWELVE_MONTHS)).isFalse();
  }

  @Test
  void findsSpellingVariantsWithTheSameDateOfBirth() {
    EarlierReferral jon = refer(day(2016, 5, 23), born(BORN), "Jon Smith");
    EarlierReferral catherine = refer(day(2016, 5, 23), born(BORN), "Catherine Jones");
    EarlierReferral oneil = refer(day(2016, 5, 23), born(BORN), "Siobhan O'Neil");

    assertThat(reasonsFor(check(day(2017, 1, 9), born(BORN), "John Smith"), jon))
        .containsExactly(MatchReason.NAME_SPELLED_DIFFERENTLY);
    assertThat(reasonsFor(check(day(2017, 1, 9), born(BORN), "Kathryn Jones"), catherine))
        .containsExactly(MatchReason.NAME_SPELLED_DIFFERENTLY);
    assertThat(reasonsFor(check(day(2017, 1, 9), born(BORN), "Siobhan O’Neill"), oneil))
        .containsExactly(MatchReason.NAME_SPELLED_DIFFERENTLY);
  }

  @Test
  void findsNamesTheOtherWayRound() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(BORN), "Anne-Marie Okonjo");

    RepeatCheck check = check(day(2017, 1, 9), born(BORN), "OKONJO, Anne Marie");

    assertThat(check.exactLinks()).isEmpty();
    assertThat(reasonsFor(check, earlier)).containsExactly(MatchReason.NAMES_IN_ANOTHER_ORDER);
    assertThat(check.isRepeat(TWELVE_MONTHS)).isFalse();
  }

  @Test
  void findsANameWithAWordMore() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(BORN), "Jane Smith");

    assertThat(reasonsFor(check(day(2017, 1, 9), born(BORN), "Jane Ann Smith"), earlier))
        .containsExactly(MatchReason.NAME_MISSING);
  }

  @Test
  void findsADateOfBirthWithATypo() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(day(1989, 5, 17)), "Ann Lee");

    assertThat(reasonsFor(check(day(2017, 1, 9), born(day(1989, 5, 11)), "Ann Lee"), earlier))
        .containsExactly(MatchReason.DATE_OF_BIRTH_TYPO);
    assertThat(reasonsFor(check(day(2017, 1, 9), born(day(1998, 5, 17)), "Ann Lee"), earlier))
        .containsExactly(MatchReason.DATE_OF_BIRTH_TYPO);
    assertThat(check(day(2017, 1, 9), born(day(1988, 6, 17)), "Ann Lee").nearMatches()).isEmpty();
  }

  @Test
  void findsADateOfBirthWithDayAndMonthSwapped() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(day(1990, 3, 4)), "Ann Lee");

    RepeatCheck check = check(day(2017, 1, 9), born(day(1990, 4, 3)), "Ann Lee");

    assertThat(reasonsFor(check, earlier)).containsExactly(MatchReason.DAY_AND_MONTH_SWAPPED);
    assertThat(check.isRepeat(TWELVE_MONTHS)).isFalse();
  }

  @Test
  void findsAnAgeGivenInsteadOfADateOfBirthWhenItFits() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(day(1986, 1, 10)), "Ann Lee");
    EarlierReferral aged = refer(day(2016, 7, 1), DateOfBirthOrAge.aged(40), "Bea Marsh");

    assertThat(reasonsFor(check(day(2016, 6, 1), DateOfBirthOrAge.aged(30), "Ann Lee"), earlier))
        .containsExactly(MatchReason.AGE_FITS);
    assertThat(check(day(2016, 6, 1), DateOfBirthOrAge.aged(35), "Ann Lee").nearMatches())
        .isEmpty();
    assertThat(reasonsFor(check(day(2017, 1, 9), born(day(1976, 3, 1)), "Bea Marsh"), aged))
        .containsExactly(MatchReason.AGE_FITS);
    assertThat(reasonsFor(check(day(2017, 1, 9), DateOfBirthOrAge.aged(41), "Bea Marsh"), aged))
        .containsExactly(MatchReason.AGE_FITS);
    assertThat(check(day(2017, 1, 9), born(day(1980, 3, 1)), "Bea Marsh").nearMatches()).isEmpty();
  }

  @Test
  void findsTheSameNameWithNoDateOfBirthToCompare() {
    EarlierReferral earlier = refer(day(2016, 5, 23), DateOfBirthOrAge.UNKNOWN, "Ann Lee");

    assertThat(reasonsFor(check(day(2017, 1, 9), born(BORN), "Ann Lee"), earlier))
        .containsExactly(MatchReason.NO_DATE_OF_BIRTH);
  }

  @Test
  void aNearMatchOnBothNameAndDateOfBirthIsNoMatch() {
    refer(day(2016, 5, 23), born(day(1990, 3, 4)), "Jon Smith");

    assertThat(check(day(2017, 1, 9), born(day(1990, 4, 3)), "John Smith").nearMatches()).isEmpty();
  }

  @Test
  void aNearMatchIsARepeatOnlyOnceConfirmed() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(BORN), "Jon Smith");

    RepeatCheck check = check(day(2017, 1, 9), born(BORN), "John Smith");

    assertThat(check.isRepeat(TWELVE_MONTHS)).isFalse();
    assertThat(check.isRepeat(TWELVE_MONTHS, List.of())).isFalse();
    assertThat(check.repeatOf(TWELVE_MONTHS, Set.of(earlier.victimId()))).contains(earlier);
    assertThatThrownBy(() -> check.isRepeat(TWELVE_MONTHS, Set.of(999L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConfirmedNearMatchOutsideTheWindowIsNoRepeat() {
    EarlierReferral earlier = refer(day(2016, 1, 8), born(BORN), "Jon Smith");

    RepeatCheck check = check(day(2017, 1, 9), born(BORN), "John Smith");

    assertThat(check.isRepeat(TWELVE_MONTHS, Set.of(earlier.victimId()))).isFalse();
  }

  @Test
  void everyReferralOfALinkedVictimCounts() {
    EarlierReferral first = refer(day(2015, 3, 1), born(BORN), "Jon Smith");
    // Confirmed earlier as the same victim, although spelled differently:
    EarlierReferral second = referAs(first.victimId(), day(2016, 9, 1), born(BORN), "John Smyth");

    RepeatCheck check = check(day(2017, 3, 1), born(BORN), "Jon Smith");

    assertThat(check.exactLinks()).containsExactly(first);
    assertThat(check.linkedReferrals()).containsExactly(second, first);
    assertThat(check.nearMatches()).isEmpty();
    assertThat(check.repeatOf(TWELVE_MONTHS)).contains(second);
  }

  @Test
  void groupsNearMatchesByVictimWithAllTheirReferrals() {
    EarlierReferral first = refer(day(2015, 3, 1), born(BORN), "Jon Smith");
    EarlierReferral second = referAs(first.victimId(), day(2016, 2, 1), born(BORN), "Jon Smith");
    EarlierReferral third =
        referAs(first.victimId(), day(2016, 9, 1), born(day(1979, 1, 1)), "J Smith");
    EarlierReferral other = refer(day(2016, 10, 1), born(BORN), "John Smith", "Jo Smith");

    RepeatCheck check = check(day(2017, 3, 1), born(BORN), "Joan Smith");

    assertThat(check.nearMatches())
        .extracting(NearMatch::victimId)
        .containsExactly(other.victimId(), first.victimId());
    NearMatch jon = check.nearMatches().get(1);
    assertThat(jon.matches()).extracting(NearMatch.Match::referral).containsExactly(second, first);
    assertThat(jon.referrals()).containsExactly(third, second, first);
    assertThat(check.repeatOf(TWELVE_MONTHS, Set.of(first.victimId()))).contains(third);
  }

  @Test
  void leavesOutTheReferralBeingCheckedAgain() {
    EarlierReferral earlier = refer(day(2016, 5, 23), born(BORN), "Ann Lee");
    EarlierReferral again = refer(day(2017, 1, 9), born(BORN), "Ann Lee");

    RepeatCheck check = index.check(again.victim(), again.referralDate(), again.id());

    assertThat(check.exactLinks()).containsExactly(earlier);
    assertThatThrownBy(() -> index.add(again)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSmallIndexOfTheCandidatesGivesTheSameAnswer() {
    EarlierReferral exact = refer(day(2016, 5, 23), born(BORN), "Ann Lee");
    EarlierReferral near = refer(day(2016, 6, 1), born(BORN), "Anne Lee");
    for (int i = 0; i < 50; i++) {
      refer(day(2016, 1, 1).plusDays(i), born(day(1960, 1, 1).plusDays(i)), "Someone Else " + i);
    }
    VictimIdentity victim = VictimIdentity.of("Ann Lee", born(BORN));

    ReferralIndex candidates = new ReferralIndex(List.of(exact, near));

    assertThat(candidates.check(victim, day(2017, 1, 9)))
        .isEqualTo(index.check(victim, day(2017, 1, 9)));
    assertThat(victim.nameKeys()).containsExactly("annlee");
  }

  private static Set<MatchReason> reasonsFor(RepeatCheck check, EarlierReferral earlier) {
    assertThat(check.exactLinks()).isEmpty();
    return check.nearMatches().stream()
        .filter(m -> m.victimId() == earlier.victimId())
        .findFirst()
        .orElseThrow(() -> new AssertionError("No near match with " + earlier.id() + ": " + check))
        .reasons();
  }
}
