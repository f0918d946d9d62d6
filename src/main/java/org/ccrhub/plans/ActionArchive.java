package org.ccrhub.plans;

import java.time.Instant;

/**
 * An action taken out of a plan on screen. It is kept with all its history: the reports of the
 * periods before {@code from} still show it, as they did when they went to the board, and from
 * {@code from} on it is gone from the plan (the overview, reports, exports, the public page and
 * people's lists of actions to update). Restoring it brings it back in every period.
 *
 * @param from the first period the action is gone from
 * @param at when it was archived
 * @param by who archived it, by name
 */
public record ActionArchive(ReportingPeriod from, Instant at, String by) {

  /**
   * The first period an action archived now is gone from: the period updates are being collected
   * for, unless the action already has an update in it, which then stays in that period's report
   * and the action goes from the next.
   */
  public static ReportingPeriod firstPeriodWithout(
      ReportingPeriod collecting, boolean updatedInIt) {
    return updatedInIt ? collecting.next() : collecting;
  }

  /** Whether the action is left out of the plan as it stood in this period. */
  public boolean hides(ReportingPeriod period) {
    return period.compareTo(from) >= 0;
  }

  /** The last period whose reports still show the action. */
  public ReportingPeriod lastShownIn() {
    return from.previous();
  }
}
