package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatesTests {

  @Test
  void writesADateAsDayMonthInWordsAndYear() {
    assertThat(Dates.date(LocalDate.of(2026, 12, 2))).isEqualTo("2 December 2026");
    assertThat(Dates.date(LocalDate.of(2017, 1, 13))).isEqualTo("13 January 2017");
  }

  @Test
  void writesATimeInUkTimeWithAmOrPm() {
    // 16:21 UTC in winter is 4:21pm in London
    assertThat(Dates.time(Instant.parse("2026-12-02T16:21:00Z")))
        .isEqualTo("2 December 2026 at 4:21pm");
    // in summer London is an hour ahead of UTC
    assertThat(Dates.time(Instant.parse("2026-07-01T08:05:00Z")))
        .isEqualTo("1 July 2026 at 9:05am");
  }

  @Test
  void todayAndThisMonthAreTheUksWhateverTheClocksZone() {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: a new day and a new month
    Clock summerNight = Clock.fixed(Instant.parse("2026-06-30T23:30:00Z"), ZoneOffset.UTC);
    assertThat(Dates.today(summerNight)).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(Dates.thisMonth(summerNight)).isEqualTo(YearMonth.of(2026, 7));
    // in winter the UK is on UTC
    Clock winterNight = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
    assertThat(Dates.today(winterNight)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(Dates.thisMonth(winterNight)).isEqualTo(YearMonth.of(2026, 12));
    // a clock in another zone changes nothing
    assertThat(Dates.today(summerNight.withZone(java.time.ZoneId.of("America/New_York"))))
        .isEqualTo(LocalDate.of(2026, 7, 1));
  }

  @Test
  void takesTheDayOfAMomentInTheUkNotInUtc() {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London
    Instant lateInJune = Instant.parse("2026-06-30T23:30:00Z");
    assertThat(Dates.date(lateInJune)).isEqualTo("1 July 2026");
    assertThat(Dates.time(OffsetDateTime.of(2026, 6, 30, 23, 30, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("1 July 2026 at 12:30am");
  }

  @Test
  void writesTheHourAloneMiddayAndMidnightAsGovUkDoes() {
    assertThat(Dates.clock(LocalTime.of(16, 0))).isEqualTo("4pm");
    assertThat(Dates.clock(LocalTime.of(12, 0))).isEqualTo("midday");
    assertThat(Dates.clock(LocalTime.of(0, 0))).isEqualTo("midnight");
    assertThat(Dates.clock(LocalTime.of(12, 30))).isEqualTo("12:30pm");
    assertThat(Dates.clock(LocalTime.of(0, 5))).isEqualTo("12:05am");
    assertThat(Dates.time(LocalDateTime.of(2026, 12, 2, 9, 0))).isEqualTo("2 December 2026 at 9am");
  }

  @Test
  void writesAMonthInWords() {
    assertThat(Dates.month(YearMonth.of(2026, 11))).isEqualTo("November 2026");
    assertThat(Dates.month(LocalDate.of(2016, 10, 31))).isEqualTo("October 2016");
  }

  @Test
  void writesNothingForNothingAndUnwrapsOptionals() {
    assertThat(Dates.date(null)).isEmpty();
    assertThat(Dates.time(Optional.empty())).isEmpty();
    assertThat(Dates.date(Optional.of(LocalDate.of(2026, 12, 2)))).isEqualTo("2 December 2026");
    assertThat(Dates.time(LocalDate.of(2026, 12, 2))).isEqualTo("2 December 2026");
  }
}
