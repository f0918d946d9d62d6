package org.ccrhub.plans.web;

import java.util.List;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partnership's published plans for anyone to read, signed in or not: the list, and each plan's
 * outcomes, actions, their leads as the plan names them (groups, agencies, roles), each action's
 * latest rating and the public text a strategic lead approved for it ({@link PublicPlanView}). It
 * never shows a lead's comment nor names the people who recorded updates. An unknown partnership or
 * an unpublished plan is not found; a partnership with no published plans says so.
 */
@Controller
class PublicPlanController {

  private final Partnerships partnerships;
  private final DeliveryPlans plans;
  private final PublicPlanPages pages;

  PublicPlanController(Partnerships partnerships, DeliveryPlans plans, PublicPlanPages pages) {
    this.partnerships = partnerships;
    this.plans = plans;
    this.pages = pages;
  }

  @GetMapping("/public/{slug}/plans")
  String showPublishedPlans(@PathVariable String slug, Model model) {
    Partnership partnership = partnership(slug);
    List<PublicPlanView> views = pages.published(partnership);
    model.addAttribute("publicPartnership", partnership);
    model.addAttribute("views", views);
    return "plans/public-plans";
  }

  @GetMapping("/public/{slug}/plans/{planId}")
  String showPublishedPlan(@PathVariable String slug, @PathVariable long planId, Model model) {
    Partnership partnership = partnership(slug);
    DeliveryPlan plan = plans.find(partnership, planId);
    if (!plan.isPublished()) {
      throw new NotFoundException("Delivery plan");
    }
    model.addAttribute("publicPartnership", partnership);
    model.addAttribute("view", pages.view(partnership, plan));
    return "plans/public-plan";
  }

  private Partnership partnership(String slug) {
    return partnerships.findBySlug(slug).orElseThrow(() -> new NotFoundException("Partnership"));
  }
}
