package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  PlanSummaries(DeliveryPlans plans, ReportingPeriods periods, ActionProgress progress) {
    this.plans = plans;
    this.periods = periods;
    this.progress = progress;
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

  // unmapped leads: wired when ActionLeads lands (actionLeads.unmapped(plan).size())
  private int unmappedLeads(DeliveryPlan plan) {
    return 0;
  }
}
