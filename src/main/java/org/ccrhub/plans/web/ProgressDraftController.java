package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.ProgressDraft;
import org.ccrhub.plans.ProgressDrafts;
import org.ccrhub.plans.ProgressRejectedException;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Drafts of the update form: kept as the person types (htmx posts the form here a moment after they
 * stop; without JavaScript nothing is sent), and discarded when they choose to. The form itself
 * offers a draft back ({@code ActionController}).
 */
@Controller
@RequestMapping("/p/{slug}/plans/{planId}/actions/{ref}/progress/draft")
class ProgressDraftController {

  private final DeliveryPlans plans;
  private final ActionProgress progress;
  private final ReportingPeriods periods;
  private final ProgressDrafts drafts;

  ProgressDraftController(
      DeliveryPlans plans,
      ActionProgress progress,
      ReportingPeriods periods,
      ProgressDrafts drafts) {
    this.plans = plans;
    this.progress = progress;
    this.periods = periods;
    this.drafts = drafts;
  }

  /** Keeps the form as typed so far; answers with the words the form shows (no personal data). */
  @PostMapping
  ResponseEntity<String> saveDraft(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(defaultValue = "") String rating,
      @RequestParam(defaultValue = "") String comment,
      @RequestParam(defaultValue = "") String publicText,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = updatable(plan, ref, user, request);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, plan);
    String words;
    try {
      ProgressDraft draft =
          drafts.save(
              partnership, user.accountId(), action, reportingPeriod, rating, comment, publicText);
      words = "Draft saved at " + PlanPages.time(draft.savedAt());
    } catch (ProgressRejectedException e) {
      words =
          "publicText".equals(e.field())
              ? "Your draft was not saved: public text must be 2,000 characters or fewer"
              : "Your draft was not saved: a comment must be 8,000 characters or fewer";
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(words);
  }

  @PostMapping("/discard")
  String discardDraft(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(required = false) @Nullable String from,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = updatable(plan, ref, user, request);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, plan);
    drafts.discard(partnership, user.accountId(), action, reportingPeriod);
    flash.addFlashAttribute("message", "Your draft has been discarded");
    UriComponentsBuilder form =
        UriComponentsBuilder.fromPath("/p/{slug}/plans/{plan}/actions/{ref}/progress")
            .queryParam("period", "{period}");
    Map<String, Object> values = new HashMap<>();
    values.put("slug", partnership.slug());
    values.put("plan", planId);
    values.put("ref", action.ref());
    values.put("period", reportingPeriod.toString());
    ReturnTo.of(from, partnership)
        .ifPresent(
            back -> {
              form.queryParam("from", "{from}");
              values.put("from", back);
            });
    return "redirect:" + form.encode().buildAndExpand(values).toUriString();
  }

  private PlanAction updatable(
      DeliveryPlan plan, String ref, SignedInUser user, HttpServletRequest request) {
    PlanAction action = progress.action(plan, ref);
    Reporter reporter = PlanPages.reporter(user, request);
    if (!progress.mayUpdate(reporter, action)) {
      throw new AccessDeniedException("Not an updater of this action");
    }
    return action;
  }
}
