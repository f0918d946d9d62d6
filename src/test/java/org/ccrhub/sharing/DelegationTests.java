package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DelegationTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  private static Delegation until(LocalDate until, Instant endedAt) {
    return new Delegation(
        1,
        2,
        "Northbridge Council under the Northbridge ISP",
        "Northbridge Council",
        3,
        "Dan Delegate",
        "Sam Spoc",
        Instant.parse("2026-11-01T10:00:00Z"),
        until,
        endedAt,
        endedAt == null ? null : "Sam Spoc");
  }

  @Test
  void isActiveUpToAndOnItsLastDay() {
    Delegation delegation = until(TODAY, null);
    assertThat(delegation.activeOn(TODAY)).isTrue();
    assertThat(delegation.status(TODAY)).isEqualTo("Active");
    assertThat(delegation.activeOn(TODAY.plusDays(1))).isFalse();
    assertThat(delegation.status(TODAY.plusDays(1))).isEqualTo("Expired");
  }

  @Test
  void endedSoonerSaysWhenInUkTime() {
    // half past midnight on 1 August in London is still 31 July in UTC
    Delegation delegation = until(TODAY.plusMonths(2), Instant.parse("2026-07-31T23:30:00Z"));
    assertThat(delegation.activeOn(TODAY)).isFalse();
    assertThat(delegation.status(TODAY)).isEqualTo("Ended on 1 August 2026");
  }

  @Test
  void runsFromTodayToAtMostTwelveMonthsAhead() {
    assertThat(Delegation.untilProblem(TODAY, TODAY)).isEmpty();
    assertThat(Delegation.untilProblem(TODAY, LocalDate.of(2027, 12, 3))).isEmpty();
    assertThat(Delegation.untilProblem(TODAY, LocalDate.of(2027, 12, 4)))
        .contains("The last day must be at most 12 months ahead, on or before 3 December 2027");
    assertThat(Delegation.untilProblem(TODAY, TODAY.minusDays(1)))
        .contains("The last day must be today or later");
  }

  @Test
  void twelveMonthsFromTheLastDayOfFebruaryInALeapYearEndInFebruary() {
    assertThat(Delegation.latestUntil(LocalDate.of(2028, 2, 29))).isEqualTo("2029-02-28");
  }
}
