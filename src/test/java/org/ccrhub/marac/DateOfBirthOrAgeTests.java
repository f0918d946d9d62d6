package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateOfBirthOrAgeTests {

  @Test
  void countsTheAgeOnTheReferralDateFromTheDateOfBirth() {
    DateOfBirthOrAge born = DateOfBirthOrAge.born(LocalDate.of(2000, 6, 15));
    assertThat(born.ageOn(LocalDate.of(2016, 6, 14))).contains(15);
    assertThat(born.ageOn(LocalDate.of(2016, 6, 15))).contains(16);
  }

  @Test
  void someoneBornOn29FebruaryIsOlderOn1MarchInOtherYears() {
    DateOfBirthOrAge leapling = DateOfBirthOrAge.born(LocalDate.of(2000, 2, 29));
    assertThat(leapling.ageOn(LocalDate.of(2018, 2, 28))).contains(17);
    assertThat(leapling.ageOn(LocalDate.of(2018, 3, 1))).contains(18);
    assertThat(leapling.ageOn(LocalDate.of(2016, 2, 29))).contains(16);
  }

  @Test
  void usesTheAgeGivenWhenTheDateOfBirthIsNotKnown() {
    assertThat(DateOfBirthOrAge.aged(17).ageOn(LocalDate.of(2016, 6, 1))).contains(17);
    assertThat(DateOfBirthOrAge.UNKNOWN.ageOn(LocalDate.of(2016, 6, 1))).isEmpty();
    assertThat(DateOfBirthOrAge.born(LocalDate.of(2017, 1, 1)).ageOn(LocalDate.of(2016, 6, 1)))
        .isEmpty();
  }

  @Test
  void anAgeFitsTheDatesOfBirthThatGiveIt() {
    LocalDate referral = LocalDate.of(2016, 6, 15);
    LocalDate[] range = DateOfBirthOrAge.aged(30).possibleBirthDates(referral).orElseThrow();

    assertThat(range[0]).isEqualTo(LocalDate.of(1985, 6, 16));
    assertThat(range[1]).isEqualTo(LocalDate.of(1986, 6, 15));
    assertThat(DateOfBirthOrAge.born(range[0]).ageOn(referral)).contains(30);
    assertThat(DateOfBirthOrAge.born(range[1]).ageOn(referral)).contains(30);
    assertThat(DateOfBirthOrAge.born(range[0].minusDays(1)).ageOn(referral)).contains(31);
    assertThat(DateOfBirthOrAge.born(range[1].plusDays(1)).ageOn(referral)).contains(29);
  }

  @Test
  void anAgeOnA29FebruaryReferralFitsTheRightDays() {
    LocalDate referral = LocalDate.of(2016, 2, 29);
    LocalDate[] range = DateOfBirthOrAge.aged(1).possibleBirthDates(referral).orElseThrow();
    assertThat(range[0]).isEqualTo(LocalDate.of(2014, 3, 1));
    assertThat(range[1]).isEqualTo(LocalDate.of(2015, 2, 28));
  }

  @Test
  void refusesAnImpossibleAge() {
    assertThatThrownBy(() -> DateOfBirthOrAge.aged(-1))
        .hasMessage("An age must be a whole number from 0 to 130");
  }
}
