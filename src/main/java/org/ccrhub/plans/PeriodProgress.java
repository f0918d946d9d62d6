package org.ccrhub.plans;

import java.util.List;
import java.util.Set;

/**
 * How far an open period of a plan has got: its actions to report on (those not completed in an
 * earlier period), how many have an update, and those still waiting with the accounts that update
 * each. Reminders, the weekly summary and the home pages are derived from it.
 *
 * @param actions the actions to report on in the period
 * @param updated how many of them have an update in the period
 * @param waiting the actions with no update yet, in ref order
 */
public record PeriodProgress(
    DeliveryPlan plan,
    ReportingPeriods.Period period,
    int actions,
    int updated,
    List<Waiting> waiting) {

  /** An action with no update yet, and the accounts that update it (none when nobody does). */
  public record Waiting(PlanAction action, Set<Long> updaters) {}

  /** The share updated, in whole per cent rounded down (100 only when all are). */
  public int percentUpdated() {
    return actions == 0 ? 100 : (int) ((long) updated * 100 / actions);
  }
}
