package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

  @Test
  void knowsTheBankHolidaysOfEnglandAndWalesWithTheirSubstituteDays() {
    assertThat(WorkingDays.bankHolidays(2017))
        .containsExactly(
            LocalDate.of(2017, 1, 2), // New Year's Day was a Sunday
            LocalDate.of(2017, 4, 14),
            LocalDate.of(2017, 4, 17),
            LocalDate.of(2017, 5, 1),
            LocalDate.of(2017, 5, 29),
            LocalDate.of(2017, 8, 28),
            LocalDate.of(2017, 12, 25),
            LocalDate.of(2017, 12, 26));
    assertThat(WorkingDays.bankHolidays(2022))
        .containsExactly(
            LocalDate.of(2022, 1, 3),
            LocalDate.of(2022, 4, 15),
            LocalDate.of(2022, 4, 18),
            LocalDate.of(2022, 5, 2),
            LocalDate.of(2022, 6, 2),
            LocalDate.of(2022, 6, 3),
            LocalDate.of(2022, 8, 29),
            LocalDate.of(2022, 9, 19),
            LocalDate.of(2022, 12, 26),
            LocalDate.of(2022, 12, 27));
    assertThat(WorkingDays.bankHolidays(2020))
        .contains(LocalDate.of(2020, 5, 8), LocalDate.of(2020, 12, 28))
        .doesNotContain(LocalDate.of(2020, 5, 4));
    assertThat(WorkingDays.bankHolidays(2026))
        .containsExactly(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28));
  }

  @Test
  void countsWorkingDaysAfterADaySkippingWeekendsAndBankHolidays() {
    // 2016/17 Q3 ends on Saturday 31 December 2016; Monday 2 January 2017 is a bank holiday
    assertThat(WorkingDays.after(LocalDate.of(2016, 12, 31), 1)).isEqualTo("2017-01-03");
    assertThat(WorkingDays.after(LocalDate.of(2016, 12, 31), 10)).isEqualTo("2017-01-16");
    // 2016/17 Q4 ends on Friday 31 March 2017
    assertThat(WorkingDays.after(LocalDate.of(2017, 3, 31), 10)).isEqualTo("2017-04-18");
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2017, 4, 17))).isFalse();
  }
}
