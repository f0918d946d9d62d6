package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanSnapshot;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.PublicTexts;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A plan's public texts for a period, for strategic leads (the approvers): each action updated in
 * the period with its rating, the lead's comment (internal) and its public text, which the approver
 * can change, and approve one at a time or all those shown. Only approved texts reach the public
 * page. Anyone else is refused.
 */
@Controller
@RequestMapping("/p/{slug}/plans/{planId}/public-texts")
class PublicTextController {

  /** Actions shown a page. */
  static final int PAGE_SIZE = 50;

  private static final String VIEW = "plans/public-texts";

  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final PublicTexts publicTexts;

  PublicTextController(DeliveryPlans plans, ReportingPeriods periods, PublicTexts publicTexts) {
    this.plans = plans;
    this.periods = periods;
    this.publicTexts = publicTexts;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  /**
   * One action on the page: its update in the period, its public text (none yet, or as saved), the
   * words in the box, and a problem or someone else's change to show.
   */
  record Row(
      PlanAction action,
      @Nullable ProgressUpdate update,
      @Nullable PublicText text,
      String words,
      int version,
      @Nullable String error,
      @Nullable String recorded,
      @Nullable String approved) {

    public String status() {
      if (text == null || text.isBlank()) {
        return "No public text";
      }
      return text.isApproved() ? "Approved" : "Waiting for approval";
    }
  }

  @GetMapping
  String showPublicTexts(
      Partnership partnership,
      @PathVariable long planId,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(defaultValue = "all") String show,
      @RequestParam(defaultValue = "1") String page,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    requireApprover(request);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, partnership, plans, plan);
    return view(
        partnership, plan, reportingPeriod, show, page, Optional.empty(), Map.of(), false, model);
  }

  @PostMapping
  String processPublicTexts(
      Partnership partnership,
      @PathVariable long planId,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(defaultValue = "all") String show,
      @RequestParam(defaultValue = "1") String page,
      @RequestParam MultiValueMap<String, String> params,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    requireApprover(request);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, partnership, plans, plan);
    PublicTextsForm form = PublicTextsForm.from(params);
    Map<Long, String> problems = form.problems();
    if (!problems.isEmpty()) {
      // nothing was saved: the versions the approver saw still stand
      return view(
          partnership, plan, reportingPeriod, show, page, Optional.of(form), problems, true, model);
    }
    Map<Long, PlanAction> actions = new LinkedHashMap<>();
    eligible(partnership, plan, reportingPeriod).forEach(a -> actions.put(a.id(), a));
    PublicTexts.Reviewed reviewed =
        publicTexts.review(
            partnership,
            plan,
            actions,
            reportingPeriod,
            form.rows(),
            form.toApprove(),
            new Reporter(user.accountId(), user.displayName(), PlanPages.roles(request).roles()));
    String message = message(reviewed, actions);
    if (!reviewed.conflicts().isEmpty()) {
      Map<Long, String> conflicts = new LinkedHashMap<>();
      reviewed
          .conflicts()
          .forEach(
              id ->
                  conflicts.put(
                      id,
                      "Someone changed the public text of "
                          + actions.get(id).ref()
                          + " since you opened this page. Check their words, then save or approve"
                          + " yours to replace them"));
      if (message != null) {
        model.addAttribute("message", message);
      }
      // the texts as they are now, so that saving again replaces them knowingly
      return view(
          partnership,
          plan,
          reportingPeriod,
          show,
          page,
          Optional.of(form),
          conflicts,
          false,
          model);
    }
    flash.addFlashAttribute("message", message == null ? "Nothing was changed" : message);
    return "redirect:"
        + UriComponentsBuilder.fromPath("/p/{slug}/plans/{plan}/public-texts")
            .queryParam("period", "{period}")
            .queryParam("show", "{show}")
            .queryParam("page", "{page}")
            .encode()
            .buildAndExpand(
                partnership.slug(),
                plan.id(),
                reportingPeriod.toString(),
                "waiting".equals(show) ? "waiting" : "all",
                page.matches("\\d{1,6}") ? page : "1")
            .toUriString();
  }

  private static @Nullable String message(
      PublicTexts.Reviewed reviewed, Map<Long, PlanAction> actions) {
    List<String> said = new ArrayList<>();
    List<Long> savedOnly =
        reviewed.changed().stream().filter(id -> !reviewed.approved().contains(id)).toList();
    if (reviewed.approved().size() == 1) {
      said.add(
          "The public text of " + actions.get(reviewed.approved().get(0)).ref() + " is approved");
    } else if (reviewed.approved().size() > 1) {
      said.add(reviewed.approved().size() + " public texts are approved");
    }
    if (savedOnly.size() == 1) {
      said.add(
          "the public text of "
              + actions.get(savedOnly.get(0)).ref()
              + " is saved, waiting for approval");
    } else if (savedOnly.size() > 1) {
      said.add(savedOnly.size() + " public texts are saved, waiting for approval");
    }
    if (said.isEmpty()) {
      return null;
    }
    String text = String.join("; ", said);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The plan's actions in the period that have an update or a public text in it, in ref order. */
  private List<PlanAction> eligible(
      Partnership partnership, DeliveryPlan plan, ReportingPeriod period) {
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, period);
    Map<Long, PublicText> texts = publicTexts.in(plan, period);
    return snapshot.actionsInRefOrder().stream()
        .filter(a -> snapshot.update(a).isPresent() || texts.containsKey(a.id()))
        .toList();
  }

  private String view(
      Partnership partnership,
      DeliveryPlan plan,
      ReportingPeriod period,
      String show,
      String page,
      Optional<PublicTextsForm> sent,
      Map<Long, String> errors,
      boolean sentVersions,
      Model model) {
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, period);
    Map<Long, PublicText> texts = publicTexts.in(plan, period);
    List<PlanAction> all = eligible(partnership, plan, period);
    boolean waitingOnly = "waiting".equals(show);
    long waiting =
        all.stream()
            .filter(a -> texts.containsKey(a.id()) && texts.get(a.id()).isWaiting())
            .count();
    List<PlanAction> shown =
        waitingOnly
            ? all.stream()
                .filter(a -> texts.containsKey(a.id()) && texts.get(a.id()).isWaiting())
                .toList()
            : all;
    int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current =
        page.matches("\\d{1,6}") ? Math.min(Math.max(1, Integer.parseInt(page)), pages) : 1;
    List<Row> rows = new ArrayList<>();
    for (PlanAction a :
        shown.subList((current - 1) * PAGE_SIZE, Math.min(shown.size(), current * PAGE_SIZE))) {
      PublicText text = texts.get(a.id());
      ProgressUpdate update = snapshot.update(a).orElse(null);
      String words = sent.flatMap(f -> f.typed(a.id())).orElse(text == null ? "" : text.text());
      rows.add(
          new Row(
              a,
              update,
              text,
              words,
              sentVersions
                  ? sent.flatMap(f -> f.seenVersion(a.id())).orElse(-1)
                  : text == null ? 0 : text.version(),
              errors.get(a.id()),
              update == null
                  ? null
                  : update.recordedBy() + ", " + PlanPages.dateTime(update.recordedAt()),
              text == null || !text.isApproved()
                  ? null
                  : text.approvedBy().orElse("")
                      + ", "
                      + PlanPages.dateTime(text.approvedAt().orElseThrow())));
    }
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id() + "/public-texts";
    model.addAttribute("plan", plan);
    model.addAttribute("period", period);
    model.addAttribute("periodOptions", PlanPages.periodOptions(plan, periods.all(plan), period));
    model.addAttribute("rows", rows);
    model.addAttribute("errors", errors);
    model.addAttribute("show", waitingOnly ? "waiting" : "all");
    model.addAttribute("total", all.size());
    model.addAttribute("waiting", waiting);
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("formAction", link(base, period, waitingOnly, current));
    model.addAttribute("showAll", link(base, period, false, 1));
    model.addAttribute("showWaiting", link(base, period, true, 1));
    if (current > 1) {
      model.addAttribute("previousPage", link(base, period, waitingOnly, current - 1));
    }
    if (current < pages) {
      model.addAttribute("nextPage", link(base, period, waitingOnly, current + 1));
    }
    return VIEW;
  }

  private static String link(String base, ReportingPeriod period, boolean waiting, int page) {
    return UriComponentsBuilder.fromPath(base)
        .queryParam("period", "{period}")
        .queryParam("show", waiting ? "waiting" : "all")
        .queryParam("page", page)
        .encode()
        .buildAndExpand(period.toString())
        .toUriString();
  }

  private static void requireApprover(HttpServletRequest request) {
    if (!PublicTexts.approves(PlanPages.roles(request).roles())) {
      throw new AccessDeniedException("Only strategic leads approve public texts");
    }
  }
}
