package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MeetingSeriesTests {

  @Test
  void weeklyAndFortnightlyMeetingsAreSevenAndFourteenDaysApart() {
    LocalDate first = LocalDate.of(2026, 12, 8);
    assertThat(MeetingSeries.dates(first, MeetingFrequency.WEEKLY, 3))
        .containsExactly(first, first.plusDays(7), first.plusDays(14));
    assertThat(MeetingSeries.dates(first, MeetingFrequency.FORTNIGHTLY, 2))
        .containsExactly(first, first.plusDays(14));
  }

  @Test
  void monthlyMeetingsKeepTheWeekdayAndItsWeekOfTheMonth() {
    // Tuesday 8 December 2026 is the second Tuesday
    assertThat(MeetingSeries.dates(LocalDate.of(2026, 12, 8), MeetingFrequency.MONTHLY, 3))
        .containsExactly(
            LocalDate.of(2026, 12, 8), LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9));
    assertThat(MeetingSeries.describe(LocalDate.of(2026, 12, 8), MeetingFrequency.MONTHLY))
        .isEqualTo("the second Tuesday of each month");
  }

  @Test
  void aMonthlyDateFromThe29thIsTheLastSuchWeekday() {
    // Thursday 29 October 2026: the last Thursday of each month
    assertThat(MeetingSeries.dates(LocalDate.of(2026, 10, 29), MeetingFrequency.MONTHLY, 3))
        .containsExactly(
            LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 31));
  }
}
