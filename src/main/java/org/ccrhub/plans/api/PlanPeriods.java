package org.ccrhub.plans.api;

import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The period a request names, written as the screens write it ({@code 2016/17 Q2}), or the one a
 * plan's pages open on when it names none. A period must be one the plan's pages offer: a quarter
 * of the plan's years, or a period opened for it.
 */
@Component
class PlanPeriods {

  /** The header that says which period an answer is for. */
  static final String HEADER = "X-Reporting-Period";

  private final DeliveryPlans plans;
  private final ReportingPeriods periods;

  PlanPeriods(DeliveryPlans plans, ReportingPeriods periods) {
    this.plans = plans;
    this.periods = periods;
  }

  /**
   * The period asked for, or the one the plan's overview opens on ({@link
   * DeliveryPlans#defaultPeriod}).
   *
   * @throws InvalidInputException for a period that is malformed or not one of the plan's
   */
  ReportingPeriod of(@Nullable String text, DeliveryPlan plan) {
    if (text == null || text.isBlank()) {
      return plans.defaultPeriod(plan, periods.current(plan));
    }
    ReportingPeriod asked = ReportingPeriod.parse(text);
    if (!isOfPlan(asked, plan)) {
      throw new InvalidInputException(notOfPlan(asked, plan));
    }
    return asked;
  }

  /** A quarter of the plan's years, or a period opened for it. */
  boolean isOfPlan(ReportingPeriod period, DeliveryPlan plan) {
    boolean inYears =
        period.year().compareTo(plan.firstYear()) >= 0
            && period.year().compareTo(plan.lastYear()) <= 0;
    return inYears || periods.find(plan, period).isPresent();
  }

  static String notOfPlan(ReportingPeriod period, DeliveryPlan plan) {
    return "'"
        + period
        + "' is not a period of "
        + plan.name()
        + ", which runs "
        + plan.years()
        + ": give a quarter of its years, like "
        + plan.firstYear().quarter(2);
  }
}
