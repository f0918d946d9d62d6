package org.ccrhub.plans.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.PublicTexts;
import org.ccrhub.plans.RagDefinitions;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts together what a plan's public page shows ({@link PublicPlanView}), published or not yet. The
 * public API ({@code plans.api}) answers with the same views, so it never shows more than the page.
 */
@Component
public class PublicPlanPages {

  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final PublicTexts publicTexts;
  private final RagDefinitions definitions;

  PublicPlanPages(
      DeliveryPlans plans,
      ReportingPeriods periods,
      PublicTexts publicTexts,
      RagDefinitions definitions) {
    this.plans = plans;
    this.periods = periods;
    this.publicTexts = publicTexts;
    this.definitions = definitions;
  }

  /**
   * The plan as the public sees it: each action's latest update up to now or the plan's last
   * quarter, whichever is later, with the public text of that update's period.
   */
  @Transactional(readOnly = true)
  public PublicPlanView view(Partnership partnership, DeliveryPlan plan) {
    ReportingPeriod upTo = periods.current(plan);
    ReportingPeriod planEnd = plan.lastYear().quarter(4);
    if (planEnd.compareTo(upTo) > 0) {
      upTo = planEnd;
    }
    Map<Long, ProgressUpdate> latest = plans.latestUpTo(plan, upTo);
    Optional<ProgressUpdate> newest =
        latest.values().stream().max(Comparator.comparing(ProgressUpdate::recordedAt));
    return new PublicPlanView(
        partnership,
        plan,
        plans.snapshot(partnership, plan, upTo),
        latest,
        publicTexts.forLatest(plan, latest),
        plans.scheme(partnership),
        definitions.definitions(partnership),
        newest.map(u -> PlanPages.date(u.recordedAt())).orElse(null));
  }

  /** The partnership's published plans, by name, each as the public sees it. */
  @Transactional(readOnly = true)
  public List<PublicPlanView> published(Partnership partnership) {
    return plans.findAll(partnership).stream()
        .filter(DeliveryPlan::isPublished)
        .map(plan -> view(partnership, plan))
        .toList();
  }
}
