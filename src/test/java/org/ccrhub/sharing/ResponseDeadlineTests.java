package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ccrhub.calendar.EnglandAndWales;
import org.junit.jupiter.api.Test;

class ResponseDeadlineTests {

  private static final int STANDARD = ResponseDeadline.STANDARD_WORKING_DAYS;

  private final ResponseDeadline deadline = new ResponseDeadline(EnglandAndWales.calendar());

  @Test
  void fallsDueOnTheTenthWorkingDayAfterTheRequestByDefault() {
    assertThat(STANDARD).isEqualTo(10);
    // Monday 23 May 2016; the spring bank holiday, Monday 30 May, is skipped
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 23), STANDARD, false, null))
        .isEqualTo("2016-06-07");
  }

  @Test
  void skipsChristmasAndNewYear() {
    // Friday 16 December 2016: 26 and 27 December and 2 January are bank holidays
    assertThat(deadline.dueOn(LocalDate.of(2016, 12, 16), STANDARD, false, null))
        .isEqualTo("2017-01-04");
    // Wednesday 23 December 2026: 25 and 28 December and 1 January 2027 are bank holidays
    assertThat(deadline.dueOn(LocalDate.of(2026, 12, 23), STANDARD, false, null))
        .isEqualTo("2027-01-11");
  }

  @Test
  void fallsDueOnTheNextWorkingDayWhenUrgent() {
    assertThat(ResponseDeadline.URGENT_WORKING_DAYS).isEqualTo(1);
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 24), STANDARD, true, null))
        .isEqualTo("2016-05-25");
    // Friday 23 December 2016: Boxing Day and the day for Christmas Day come first
    assertThat(deadline.dueOn(LocalDate.of(2016, 12, 23), STANDARD, true, null))
        .isEqualTo("2016-12-28");
  }

  @Test
  void skipsTheBankHolidayMondayAfterAFridayRequest() {
    // Friday 27 May 2016, before the spring bank holiday
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 27), STANDARD, true, null))
        .isEqualTo("2016-05-31");
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 27), STANDARD, false, null))
        .isEqualTo("2016-06-13");
    // Thursday 2 April 2026, before Good Friday and Easter Monday
    assertThat(deadline.dueOn(LocalDate.of(2026, 4, 2), STANDARD, true, null))
        .isEqualTo("2026-04-07");
  }

  @Test
  void countsARequestMadeAtAWeekendFromTheNextWorkingDay() {
    // Saturday 21 May 2016: Monday 23 May is the first of the ten
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 21), STANDARD, false, null))
        .isEqualTo("2016-06-06");
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 22), STANDARD, true, null))
        .isEqualTo("2016-05-23");
    // Saturday 24 December 2016
    assertThat(deadline.dueOn(LocalDate.of(2016, 12, 24), STANDARD, true, null))
        .isEqualTo("2016-12-28");
  }

  @Test
  void usesTheProtocolsResponseTimeUnlessUrgent() {
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 23), 5, false, null)).isEqualTo("2016-05-31");
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 23), 20, false, null)).isEqualTo("2016-06-21");
    assertThat(deadline.dueOn(LocalDate.of(2016, 5, 23), 20, true, null)).isEqualTo("2016-05-24");
  }

  @Test
  void fallsDueOnTheDateNeededByWhenOneIsGivenEvenIfEarlierOrLater() {
    LocalDate monday = LocalDate.of(2016, 5, 23);

    assertThat(deadline.dueOn(monday, STANDARD, false, LocalDate.of(2016, 5, 25)))
        .isEqualTo("2016-05-25");
    assertThat(deadline.dueOn(monday, STANDARD, false, LocalDate.of(2016, 6, 30)))
        .isEqualTo("2016-06-30");
    assertThat(deadline.dueOn(monday, STANDARD, false, monday)).isEqualTo("2016-05-23");
  }

  @Test
  void fallsDueOnTheDateNeededByEvenWhenUrgent() {
    LocalDate monday = LocalDate.of(2016, 5, 23);

    assertThat(deadline.dueOn(monday, STANDARD, true, LocalDate.of(2016, 6, 3)))
        .isEqualTo("2016-06-03");
  }

  @Test
  void keepsADateNeededByThatIsNotAWorkingDay() {
    assertThat(
            deadline.dueOn(LocalDate.of(2016, 5, 23), STANDARD, false, LocalDate.of(2016, 5, 30)))
        .isEqualTo("2016-05-30");
  }

  @Test
  void refusesADateNeededByBeforeTheRequestAndAResponseTimeOutOfRange() {
    LocalDate monday = LocalDate.of(2016, 5, 23);

    assertThatThrownBy(() -> deadline.dueOn(monday, STANDARD, false, monday.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadline.dueOn(monday, 0, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadline.dueOn(monday, 61, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(deadline.dueOn(monday, 60, false, null)).isEqualTo("2016-08-16");
  }
}
