package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RepeatWindowTests {

  private final RepeatWindow twelveMonths = new RepeatWindow(12);

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  void twelveMonthsToTheDayIsARepeat() {
    assertThat(twelveMonths.includes(day(2016, 5, 23), day(2017, 5, 23))).isTrue();
  }

  @Test
  void aDayMoreIsANewReferral() {
    assertThat(twelveMonths.includes(day(2016, 5, 22), day(2017, 5, 23))).isFalse();
  }

  @Test
  void anEarlierReferralTheSameDayIsInTheWindowButALaterOneIsNot() {
    assertThat(twelveMonths.includes(day(2017, 5, 23), day(2017, 5, 23))).isTrue();
    assertThat(twelveMonths.includes(day(2017, 5, 24), day(2017, 5, 23))).isFalse();
  }

  @Test
  void twelveMonthsBefore29FebruaryIs28February() {
    assertThat(twelveMonths.start(day(2024, 2, 29))).isEqualTo(day(2023, 2, 28));
    assertThat(twelveMonths.includes(day(2023, 2, 28), day(2024, 2, 29))).isTrue();
    assertThat(twelveMonths.includes(day(2023, 2, 27), day(2024, 2, 29))).isFalse();
  }

  @Test
  void aReferralOn29FebruaryIsRepeatedUntil28FebruaryNextYear() {
    assertThat(twelveMonths.includes(day(2024, 2, 29), day(2025, 2, 28))).isTrue();
    assertThat(twelveMonths.includes(day(2024, 2, 29), day(2025, 3, 1))).isFalse();
    assertThat(twelveMonths.lastRepeatDay(day(2024, 2, 29))).isEqualTo(day(2025, 2, 28));
  }

  @Test
  void aReferralOn28FebruaryBeforeALeapDayIsRepeatedUntilTheLeapDay() {
    assertThat(twelveMonths.lastRepeatDay(day(2023, 2, 28))).isEqualTo(day(2024, 2, 29));
    assertThat(twelveMonths.includes(day(2023, 2, 28), day(2024, 3, 1))).isFalse();
  }

  @Test
  void lastRepeatDayIsTheLastDayTheWindowIncludes() {
    for (LocalDate earlier = day(2023, 1, 1);
        earlier.isBefore(day(2025, 1, 1));
        earlier = earlier.plusDays(1)) {
      LocalDate last = twelveMonths.lastRepeatDay(earlier);
      assertThat(twelveMonths.includes(earlier, last)).as(earlier.toString()).isTrue();
      assertThat(twelveMonths.includes(earlier, last.plusDays(1))).as(earlier.toString()).isFalse();
    }
  }

  @Test
  void aShorterWindowIsASetting() {
    RepeatWindow six = new RepeatWindow(6);
    assertThat(six.includes(day(2016, 11, 30), day(2017, 5, 30))).isTrue();
    assertThat(six.includes(day(2016, 11, 29), day(2017, 5, 30))).isFalse();
  }
}
