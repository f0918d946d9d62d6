package org.ccrhub.plans.web;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A published plan for anyone to read, signed in or not: outcomes, actions, their leads as the plan
 * names them (groups, agencies, roles) and each action's latest rating and comment. It never names
 * the people who recorded updates. An unpublished plan is not found.
 */
@Controller
class PublicPlanController {

  private final Partnerships partnerships;
  private final DeliveryPlans plans;
  private final ReportingPeriods periods;

  PublicPlanController(Partnerships partnerships, DeliveryPlans plans, ReportingPeriods periods) {
    this.partnerships = partnerships;
    this.plans = plans;
    this.periods = periods;
  }

  @GetMapping("/public/{slug}/plans/{planId}")
  String showPublishedPlan(@PathVariable String slug, @PathVariable long planId, Model model) {
    Partnership partnership =
        partnerships.findBySlug(slug).orElseThrow(() -> new NotFoundException("Partnership"));
    DeliveryPlan plan = plans.find(partnership, planId);
    if (!plan.isPublished()) {
      throw new NotFoundException("Delivery plan");
    }
    ReportingPeriod upTo = periods.current(plan);
    ReportingPeriod planEnd = plan.lastYear().quarter(4);
    if (planEnd.compareTo(upTo) > 0) {
      upTo = planEnd;
    }
    Map<Long, ProgressUpdate> latest = plans.latestUpTo(plan, upTo);
    Optional<ProgressUpdate> newest =
        latest.values().stream().max(Comparator.comparing(ProgressUpdate::recordedAt));
    model.addAttribute("publicPartnership", partnership);
    model.addAttribute("plan", plan);
    model.addAttribute("snapshot", plans.snapshot(partnership, plan, upTo));
    model.addAttribute("latest", latest);
    model.addAttribute("lastUpdated", newest.map(u -> PlanPages.date(u.recordedAt())).orElse(null));
    return "plans/public-plan";
  }
}
