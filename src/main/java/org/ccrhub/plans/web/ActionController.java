package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.plans.ActionChange;
import org.ccrhub.plans.ActionConflictException;
import org.ccrhub.plans.ActionLeads;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.plans.DeliveryArea;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.Lead;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.ProgressConflictException;
import org.ccrhub.plans.ProgressDraft;
import org.ccrhub.plans.ProgressDrafts;
import org.ccrhub.plans.ProgressRejectedException;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.PublicTexts;
import org.ccrhub.plans.RagDefinitions;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An action of a plan: its details, the form that changes them, who updates it, its history, and
 * the quarterly update form.
 */
@Controller
@RequestMapping("/p/{slug}/plans/{planId}/actions/{ref}")
class ActionController {

  private static final String VIEW_ACTION = "plans/action-details";
  private static final String VIEW_PROGRESS = "plans/progress-form";
  private static final String VIEW_ACTION_FORM = "plans/action-form";
  private static final String REDIRECT_ACTION = "redirect:/p/{slug}/plans/{planId}/actions/{ref}";

  private final DeliveryPlans plans;
  private final ActionProgress progress;
  private final ReportingPeriods periods;
  private final Accounts accounts;
  private final RagDefinitions definitions;
  private final ActionLeads leads;
  private final ProgressDrafts drafts;
  private final UpdateJourney journey;
  private final PublicTexts publicTexts;

  ActionController(
      DeliveryPlans plans,
      ActionProgress progress,
      ReportingPeriods periods,
      Accounts accounts,
      RagDefinitions definitions,
      ActionLeads leads,
      ProgressDrafts drafts,
      UpdateJourney journey,
      PublicTexts publicTexts) {
    this.plans = plans;
    this.progress = progress;
    this.periods = periods;
    this.accounts = accounts;
    this.definitions = definitions;
    this.leads = leads;
    this.drafts = drafts;
    this.journey = journey;
    this.publicTexts = publicTexts;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  /** One update in an action's history, with when and whether a later one replaced it. */
  record HistoryEntry(ProgressUpdate update, String when, boolean correction, boolean replaced) {}

  /** A rating to choose, with what it means. */
  record RatingChoice(String value, String label, String definition) {}

  @GetMapping
  String showAction(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    model.addAttribute("form", UpdatersForm.of(progress.handAddedUpdaters(action)));
    return actionView(partnership, plan, action, user, request, model);
  }

  @PostMapping("/updaters")
  String processUpdatersForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @ModelAttribute("form") UpdatersForm form,
      BindingResult ignored,
      HttpServletRequest request,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    Set<Long> ids = form.accountIds();
    progress.assignUpdaters(partnership, plan, action, ids);
    flash.addFlashAttribute(
        "message",
        ids.isEmpty()
            ? "Nobody is assigned to update " + action.ref() + " now"
            : "Who updates " + action.ref() + " has been changed");
    return REDIRECT_ACTION;
  }

  @PostMapping("/due")
  String processRescheduleForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @RequestParam(defaultValue = "") String due,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    try {
      progress.reschedule(partnership, plan, action, due, PlanPages.reporter(user, request));
    } catch (ProgressRejectedException e) {
      model.addAttribute("form", UpdatersForm.of(progress.handAddedUpdaters(action)));
      model.addAttribute("dueError", e.getMessage());
      model.addAttribute("dueTyped", due);
      return actionView(partnership, plan, action, user, request, model);
    }
    flash.addFlashAttribute("message", action.ref() + " has been rescheduled");
    return REDIRECT_ACTION;
  }

  @GetMapping("/edit")
  String initActionForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    model.addAttribute("form", ActionForm.of(action));
    return actionFormView(plan, action, model);
  }

  @PostMapping("/edit")
  String processActionForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @ModelAttribute("form") ActionForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    ActionChange change = form.change();
    change.problems().forEach((field, message) -> result.rejectValue(field, "rejected", message));
    if (result.hasErrors()) {
      return actionFormView(plan, action, model);
    }
    boolean changed;
    try {
      changed =
          progress.change(
              partnership,
              plan,
              action,
              form.seenVersion(),
              change,
              PlanPages.reporter(user, request));
    } catch (ActionConflictException e) {
      PlanAction theirs = e.theirs();
      form.setVersion(String.valueOf(theirs.version()));
      result.reject("conflict", PlanPages.conflict(action.ref()));
      model.addAttribute("theirs", theirs);
      model.addAttribute("errorAnchor", "their-version");
      return actionFormView(plan, theirs, model);
    }
    flash.addFlashAttribute(
        "message",
        changed
            ? "Action " + action.ref() + " has been changed"
            : "Nothing was changed: action " + action.ref() + " already says that");
    return REDIRECT_ACTION;
  }

  @GetMapping("/progress")
  String initProgressForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String draft,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      HttpSession session,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    Reporter reporter = PlanPages.reporter(user, request);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, plan);
    Optional<KeptProgress> kept =
        KeptProgress.take(session, partnership, plan, action, reportingPeriod, user.accountId());
    if (kept.isPresent() && !progress.mayUpdate(reporter, action)) {
      return REDIRECT_ACTION;
    }
    checkMayUpdate(reporter, action);
    Optional<ProgressUpdate> current = current(plan, action, reportingPeriod);
    Optional<PublicText> currentText = publicTexts.of(action, reportingPeriod);
    String savedText = currentText.map(PublicText::text).orElse("");
    Optional<ProgressDraft> offered =
        drafts
            .find(partnership, user.accountId(), action, reportingPeriod)
            .filter(d -> d.isWorthOffering(current, savedText));
    boolean useDraft = kept.isEmpty() && offered.isPresent() && "use".equals(draft);
    ProgressForm form =
        kept.map(KeptProgress::form)
            .orElseGet(
                () ->
                    useDraft
                        ? ProgressForm.of(offered.get(), current)
                        : ProgressForm.of(current, currentText));
    if (kept.isEmpty()) {
      form.setPublicTextSeen(savedText);
    }
    model.addAttribute("form", form);
    model.addAttribute("kept", kept.isPresent());
    model.addAttribute("draftUsed", useDraft ? PlanPages.dateTime(offered.get().savedAt()) : null);
    model.addAttribute(
        "draftOffered",
        kept.isEmpty() && !useDraft
            ? offered.map(d -> PlanPages.dateTime(d.savedAt())).orElse(null)
            : null);
    return progressView(partnership, plan, action, reportingPeriod, from, model);
  }

  @PostMapping("/progress")
  String processProgressForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @RequestParam(required = false) @Nullable String period,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String next,
      @Valid @ModelAttribute("form") ProgressForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    Reporter reporter = PlanPages.reporter(user, request);
    checkMayUpdate(reporter, action);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, plan);
    Optional<RagRating> rating = form.ratingChosen();
    if (!result.hasFieldErrors("rating") && rating.isEmpty()) {
      result.rejectValue("rating", "rejected", "Select a rating");
    }
    if (result.hasErrors()) {
      return progressView(partnership, plan, action, reportingPeriod, from, model);
    }
    // With no update saved there is nothing to conflict with, whatever id the form sent.
    Optional<Long> seen =
        current(plan, action, reportingPeriod).isPresent() ? form.seenUpdate() : Optional.empty();
    try {
      progress.record(
          partnership,
          plan,
          action,
          reportingPeriod,
          rating.orElseThrow(),
          form.getComment(),
          form.publicTextChanged() ? Optional.of(form.getPublicText()) : Optional.empty(),
          seen,
          reporter);
    } catch (ProgressRejectedException e) {
      if (!periods.isOpen(plan, reportingPeriod)) {
        result.reject("periodNotOpen", e.getMessage());
      } else {
        result.rejectValue(e.field(), "rejected", e.getMessage());
      }
      return progressView(partnership, plan, action, reportingPeriod, from, model);
    } catch (ProgressConflictException e) {
      ProgressUpdate theirs = e.theirs();
      form.setSeenUpdateId(String.valueOf(theirs.id()));
      result.reject(
          "conflict",
          "Someone else updated "
              + action.ref()
              + " for "
              + reportingPeriod
              + " since you opened this page. Compare their update with yours below; save"
              + " yours to replace theirs, or leave this page to keep theirs");
      model.addAttribute("theirs", theirs);
      model.addAttribute("yourRating", rating.orElseThrow().label());
      model.addAttribute("theirsWhen", PlanPages.dateTime(theirs.recordedAt()));
      return progressView(partnership, plan, action, reportingPeriod, from, model);
    }
    drafts.discard(partnership, user.accountId(), action, reportingPeriod);
    String saved = "Progress on " + action.ref() + " for " + reportingPeriod + " has been saved";
    Optional<String> back = ReturnTo.of(from, partnership);
    if (next == null) {
      flash.addFlashAttribute("message", saved);
      return back.map(path -> "redirect:" + path).orElse(REDIRECT_ACTION);
    }
    // the list the person works through: where they came from, unless that was this action
    String actionPage = "/p/" + partnership.slug() + "/plans/" + plan.id() + "/actions/" + ref;
    boolean assigned = journey.hasAssignments(partnership, user.accountId());
    String list =
        back.filter(path -> !path.equalsIgnoreCase(actionPage))
            .orElse(
                assigned
                    ? "/p/" + partnership.slug() + "/my-actions"
                    : "/p/" + partnership.slug() + "/plans/" + plan.id());
    Optional<UpdateJourney.Next> following =
        journey.next(
            partnership, reporter, PlanPages.roles(request), plan, action, reportingPeriod);
    if (following.isEmpty()) {
      flash.addFlashAttribute(
          "message",
          saved
              + ". "
              + (assigned
                  ? "All your actions are updated for " + reportingPeriod
                  : "All actions of " + plan.name() + " are updated for " + reportingPeriod));
      return "redirect:" + list;
    }
    flash.addFlashAttribute("message", saved);
    return "redirect:"
        + UriComponentsBuilder.fromPath("/p/{slug}/plans/{plan}/actions/{ref}/progress")
            .queryParam("period", "{period}")
            .queryParam("from", "{from}")
            .encode()
            .buildAndExpand(
                partnership.slug(),
                following.get().plan().id(),
                following.get().action().ref(),
                following.get().period().toString(),
                list)
            .toUriString();
  }

  private String actionView(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      SignedInUser user,
      HttpServletRequest request,
      Model model) {
    PlanOutcome outcome =
        plans.outcomes(plan).stream()
            .filter(o -> o.id() == action.outcomeId())
            .findFirst()
            .orElseThrow();
    Optional<DeliveryArea> area =
        action
            .areaId()
            .flatMap(id -> plans.areas(plan).stream().filter(a -> a.id() == id).findFirst());
    List<Member> members = accounts.members(partnership.id());
    Set<Long> byHand = leads.updatersOf(action).byHand();
    List<String> updaterNames =
        members.stream()
            .filter(m -> byHand.contains(m.accountId()))
            .map(Member::displayName)
            .sorted()
            .toList();
    Set<String> keys = new java.util.HashSet<>();
    action.leads().forEach(l -> keys.add(Lead.keyOf(l)));
    List<Lead> actionLeads =
        leads.leads(plan).stream().filter(l -> keys.contains(l.key())).toList();
    Map<String, String> memberOptions = new LinkedHashMap<>();
    members.stream()
        .sorted(java.util.Comparator.comparing(Member::displayName))
        .forEach(
            m ->
                memberOptions.put(
                    String.valueOf(m.accountId()), m.displayName() + " (" + m.email() + ")"));
    ReportingPeriod current = periods.current(plan);
    model.addAttribute("plan", plan);
    model.addAttribute("action", action);
    model.addAttribute("archive", plans.archive(action).orElse(null));
    model.addAttribute("outcome", outcome);
    model.addAttribute("area", area.orElse(null));
    model.addAttribute("updaterNames", updaterNames);
    model.addAttribute("actionLeads", actionLeads);
    model.addAttribute("memberOptions", memberOptions);
    model.addAttribute("history", history(plans.history(action)));
    model.addAttribute("earlierDues", progress.earlierDues(action));
    model.addAttribute("currentPeriod", current);
    model.addAttribute("currentUpdate", current(plan, action, current).orElse(null));
    model.addAttribute("managesPlans", PlanPages.managesPlans(PlanPages.roles(request)));
    model.addAttribute("mayUpdate", progress.mayUpdate(PlanPages.reporter(user, request), action));
    return VIEW_ACTION;
  }

  private String actionFormView(DeliveryPlan plan, PlanAction action, Model model) {
    model.addAttribute("plan", plan);
    model.addAttribute("action", action);
    return VIEW_ACTION_FORM;
  }

  private String progressView(
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      @Nullable String from,
      Model model) {
    List<RatingChoice> choices = new ArrayList<>();
    definitions
        .definitions(partnership)
        .forEach((r, meaning) -> choices.add(new RatingChoice(r.name(), r.label(), meaning)));
    Optional<ProgressUpdate> current = current(plan, action, period);
    model.addAttribute("plan", plan);
    model.addAttribute("action", action);
    model.addAttribute("period", period);
    boolean closed = periods.isClosed(plan, period);
    model.addAttribute("closed", closed);
    model.addAttribute("notOpened", !closed && !periods.isOpen(plan, period));
    model.addAttribute("ratings", choices);
    model.addAttribute("current", current.orElse(null));
    model.addAttribute(
        "currentWhen", current.map(u -> PlanPages.dateTime(u.recordedAt())).orElse(""));
    Optional<PublicText> text = publicTexts.of(action, period);
    model.addAttribute("currentText", text.orElse(null));
    model.addAttribute(
        "currentTextApproved",
        text.filter(PublicText::isApproved)
            .map(t -> t.approvedBy().orElse("") + " on " + PlanPages.dateTime(t.approvedAt().get()))
            .orElse(null));
    Optional<String> back = ReturnTo.of(from, partnership);
    model.addAttribute("from", back.orElse(null));
    model.addAttribute(
        "returnTo",
        back.orElse(
            "/p/" + partnership.slug() + "/plans/" + plan.id() + "/actions/" + action.ref()));
    model.addAttribute(
        "earlier", history(UpdateJourney.earlierUpdates(plans.history(action), period, 2)));
    return VIEW_PROGRESS;
  }

  private Optional<ProgressUpdate> current(
      DeliveryPlan plan, PlanAction action, ReportingPeriod period) {
    return Optional.ofNullable(plans.updatesIn(plan, period).get(action.id()));
  }

  private void checkMayUpdate(Reporter reporter, PlanAction action) {
    if (!progress.mayUpdate(reporter, action)) {
      throw new AccessDeniedException("Not an updater of this action");
    }
  }

  /** Newest first; an update is a correction when an older one exists for its period. */
  static List<HistoryEntry> history(List<ProgressUpdate> updates) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      ProgressUpdate u = updates.get(i);
      boolean replaced = false;
      boolean correction = false;
      for (int j = 0; j < updates.size(); j++) {
        if (j != i && updates.get(j).period().equals(u.period())) {
          if (updates.get(j).id() > u.id()) {
            replaced = true;
          } else {
            correction = true;
          }
        }
      }
      entries.add(new HistoryEntry(u, PlanPages.dateTime(u.recordedAt()), correction, replaced));
    }
    return entries;
  }
}
