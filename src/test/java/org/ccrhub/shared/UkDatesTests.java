package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class UkDatesTests {

  private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  @Test
  void readsADayWrittenTheUkWayDayBeforeMonth() {
    for (String text :
        new String[] {
          "30/11/2026",
          "30-11-2026",
          "30.11.2026",
          "30/11/26",
          "30 / 11 / 2026",
          "30 Nov 2026",
          "30 November 2026",
          "30 NOVEMBER 2026",
          "30th November 2026",
          "30th of November 2026",
          "30 November, 2026",
          "30-Nov-2026",
          "30-Nov-26",
          "Monday 30 November 2026",
          "Mon 30 Nov 2026",
          "2026-11-30",
          "2026/11/30",
          "  30 November 2026. ",
          "30\u00a0Nov\u00a02026",
          "30/11/2026 00:00",
          "2026-11-30T00:00:00",
        }) {
      assertThat(UkDates.day(text)).as(text).contains(NOV_30);
    }
  }

  @Test
  void readsTheFirstNumberAsTheDayNeverTheMonth() {
    assertThat(UkDates.day("1/4/2017")).contains(LocalDate.of(2017, 4, 1));
    assertThat(UkDates.day("04/01/2017")).contains(LocalDate.of(2017, 1, 4));
    assertThat(UkDates.day("1st Sept 2016")).contains(LocalDate.of(2016, 9, 1));
    assertThat(UkDates.day("2 December 2026")).contains(LocalDate.of(2026, 12, 2));
  }

  @Test
  void refusesImpossibleDaysAndOtherWords() {
    for (String text :
        new String[] {
          "",
          "  ",
          "31/02/2027",
          "29/02/2027",
          "11/30/2026",
          "2026-13-01",
          "32 March 2017",
          "30 Novembre 2026",
          "30/11",
          "November 2026",
          "2026-11",
          "next Tuesday",
          "30/11-2026",
          "by 30/11/2026",
        }) {
      assertThat(UkDates.day(text)).as(text).isEmpty();
    }
    assertThat(UkDates.day("29/02/2028")).contains(LocalDate.of(2028, 2, 29));
  }

  @Test
  void readsAMonthInEveryCommonWay() {
    for (String text :
        new String[] {
          "2026-11",
          "11/2026",
          "11-2026",
          "Nov 2026",
          "November 2026",
          "november 2026",
          "Nov-26",
          "Nov 26",
          "Nov'26",
          "NOV-2026",
          "2026-11-01",
          "01/11/2026",
        }) {
      assertThat(UkDates.month(text)).as(text).contains(NOVEMBER);
    }
  }

  @Test
  void readsAnyDayOfAMonthAsThatMonth() {
    for (String text :
        new String[] {"30/11/2026", "30 Nov 2026", "30 November 2026", "2026-11-30", "15/11/26"}) {
      assertThat(UkDates.month(text)).as(text).contains(NOVEMBER);
    }
    assertThat(UkDates.month("Sept 2016")).contains(YearMonth.of(2016, 9));
    assertThat(UkDates.month("Sep 2016")).contains(YearMonth.of(2016, 9));
  }

  @Test
  void refusesWhatIsNotAMonth() {
    for (String text :
        new String[] {
          "", "2026-13", "13/2026", "0/2026", "Nov", "2026", "2016/17", "Q2", "31/02/2027"
        }) {
      assertThat(UkDates.month(text)).as(text).isEmpty();
    }
  }
}
