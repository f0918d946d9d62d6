package org.ccrhub.reports.web;

import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanSummaries;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagScheme;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reports a board and its partners read, in one place: the board pack for the period being
 * reported, each plan's exception report for its period, and the performance table.
 */
@Controller
class ReportsController {

  private final PlanSummaries plans;
  private final DeliveryPlans deliveryPlans;
  private final ReportingPeriods periods;

  ReportsController(PlanSummaries plans, DeliveryPlans deliveryPlans, ReportingPeriods periods) {
    this.plans = plans;
    this.deliveryPlans = deliveryPlans;
    this.periods = periods;
  }

  @GetMapping("/p/{slug}/reports")
  String showReports(Partnership partnership, Model model) {
    model.addAttribute("section", "reports");
    model.addAttribute("boardPackPeriod", periods.collecting(partnership).toString());
    model.addAttribute("plans", plans.summaries(partnership));
    model.addAttribute(
        "exceptionRatings",
        deliveryPlans.scheme(partnership) == RagScheme.THREE ? "Red" : "Red or Amber/Red");
    return "reports/reports";
  }
}
