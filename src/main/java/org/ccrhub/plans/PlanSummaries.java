package org.ccrhub.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every plan of a partnership at a glance, for the home pages of strategic leads, administrators
 * and board members. Each plan is read once, as one snapshot (kept while the plan is unchanged),
 * however many actions it has.
 */
@Service
public class PlanSummaries {

  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final ActionProgress progress;
  private final ActionLeads leads;
  private final Clock clock;

  PlanSummaries(
      DeliveryPlans plans,
      ReportingPeriods periods,
      ActionProgress progress,
      ActionLeads leads,
      Clock clock) {
    this.leads = leads;
    this.plans = plans;
    this.periods = periods;
    this.progress = progress;
    this.clock = clock;
  }

  /** The partnership's plans by name, each in the period it is collecting updates for. */
  @Transactional(readOnly = true)
  public List<PlanSummary> summaries(Partnership partnership) {
    List<PlanSummary> summaries = new ArrayList<>();
    for (DeliveryPlan plan : plans.findAll(partnership)) {
      Optional<ReportingPeriods.Period> open = periods.collecting(plan);
      ReportingPeriod collecting =
          open.map(ReportingPeriods.Period::period).orElseGet(() -> periods.current(plan));
      ReportingPeriod period =
          open.isPresent() ? collecting : plans.defaultPeriod(plan, collecting);
      summaries.add(
          new PlanSummary(
              plan,
              period,
              open,
              open.map(p -> progress.progressIn(partnership, plan, p)),
              plans.exceptionReport(partnership, plan, period),
              unmappedLeads(plan)));
    }
    return summaries;
  }

  /**
   * The partnership's plans as the board reads them: each in the latest period whose reporting is
   * in. A period still collecting updates is shown once every action has its update or the date
   * they were due has passed; until then the board sees the period before, with its ratings
   * complete, rather than a quarter of actions not rated yet.
   */
  @Transactional(readOnly = true)
  public List<PlanSummary> forTheBoard(Partnership partnership) {
    LocalDate today = Dates.today(clock);
    List<PlanSummary> summaries = new ArrayList<>();
    for (DeliveryPlan plan : plans.findAll(partnership)) {
      Optional<ReportingPeriods.Period> open = periods.collecting(plan);
      Optional<PeriodProgress> openProgress =
          open.map(p -> progress.progressIn(partnership, plan, p));
      ReportingPeriod period;
      if (open.isPresent()) {
        ReportingPeriod collecting = open.get().period();
        boolean reported =
            openProgress.get().updated() == openProgress.get().actions()
                || open.get().daysLeft(today) < 0;
        boolean earlierInPlan = collecting.previous().compareTo(plan.firstYear().quarter(1)) >= 0;
        period = reported || !earlierInPlan ? collecting : collecting.previous();
      } else {
        period = plans.defaultPeriod(plan, periods.current(plan));
      }
      summaries.add(
          new PlanSummary(
              plan,
              period,
              open,
              openProgress,
              plans.exceptionReport(partnership, plan, period),
              unmappedLeads(plan)));
    }
    return summaries;
  }

  private int unmappedLeads(DeliveryPlan plan) {
    return leads.unmapped(plan).size();
  }
}
