package org.ccrhub.marac;

import java.time.LocalDate;

/**
 * The SafeLives repeat rule: a referral is a repeat when the same victim was referred to the same
 * MARAC within the {@code months} before it, that is when an earlier referral's date is on or after
 * the new referral's date less {@code months} (and not after the new referral's date). Twelve
 * months to the day is a repeat; a day more is a new referral.
 *
 * <p>Months are counted back from the new referral as {@link LocalDate#minusMonths} does, so a day
 * that a shorter month lacks becomes that month's last day: 12 months before 29 February 2024 is 28
 * February 2023, and an earlier referral on 28 February 2023 makes a referral on 29 February 2024 a
 * repeat. A referral on 29 February 2024 stays in the window until 28 February 2025 (12 months
 * before it is 28 February 2024) and has lapsed on 1 March 2025.
 */
public record RepeatWindow(int months) {

  public RepeatWindow {
    if (months < 1) {
      throw new IllegalArgumentException("A repeat window is at least a month");
    }
  }

  /**
   * The first day an earlier referral can be on for a referral on {@code referralDate} to repeat
   * it.
   */
  public LocalDate start(LocalDate referralDate) {
    return referralDate.minusMonths(months);
  }

  /** Whether a referral on {@code referralDate} repeats one on {@code earlierDate}. */
  public boolean includes(LocalDate earlierDate, LocalDate referralDate) {
    return !earlierDate.isBefore(start(referralDate)) && !earlierDate.isAfter(referralDate);
  }

  /**
   * The last day on which a new referral of the same victim is a repeat of a referral on {@code
   * earlierDate}; from the day after, the window has lapsed. Used for the monthly list of cases
   * whose window has just lapsed.
   */
  public LocalDate lastRepeatDay(LocalDate earlierDate) {
    LocalDate day = earlierDate.plusMonths(months);
    while (!start(day.plusDays(1)).isAfter(earlierDate)) {
      day = day.plusDays(1);
    }
    return day;
  }
}
