package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ccrhub.plans.ActionArchive;
import org.ccrhub.plans.ActionConflictException;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryArea;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.Due;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.HeadingChange;
import org.ccrhub.plans.NewAction;
import org.ccrhub.plans.NewPlan;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanEditRejectedException;
import org.ccrhub.plans.PlanEditing;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.plans.Strategies;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Plans built on screen by administrators and strategic leads: a new plan, its outcomes and areas
 * of delivery, actions added to them, and actions archived and restored. An action's words change
 * on its own page ({@link ActionController}).
 */
@Controller
@RequestMapping("/p/{slug}/plans")
class PlanEditController {

  private static final String VIEW_PLAN_FORM = "plans/plan-form";
  private static final String VIEW_STRUCTURE = "plans/plan-structure";
  private static final String VIEW_HEADING_FORM = "plans/heading-form";
  private static final String VIEW_ACTION_FORM = "plans/new-action-form";
  private static final String VIEW_ARCHIVE = "plans/archive-action";
  private static final String REDIRECT_STRUCTURE = "redirect:/p/{slug}/plans/{planId}/outcomes";
  private static final String REDIRECT_PLAN = "redirect:/p/{slug}/plans/{planId}";

  private final PlanEditing editing;
  private final DeliveryPlans plans;
  private final ActionProgress progress;
  private final ReportingPeriods periods;
  private final Strategies strategies;
  private final Clock clock;

  PlanEditController(
      PlanEditing editing,
      DeliveryPlans plans,
      ActionProgress progress,
      ReportingPeriods periods,
      Strategies strategies,
      Clock clock) {
    this.editing = editing;
    this.plans = plans;
    this.progress = progress;
    this.periods = periods;
    this.strategies = strategies;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  @GetMapping("/new")
  String initPlanForm(Partnership partnership, HttpServletRequest request, Model model) {
    PlanPages.requireManager(request);
    model.addAttribute(
        "form", NewPlanForm.startingIn(FinancialYear.containing(Dates.today(clock))));
    return planFormView(partnership, model);
  }

  @PostMapping("/new")
  String processPlanForm(
      Partnership partnership,
      @ModelAttribute("form") NewPlanForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    PlanPages.requireManager(request);
    NewPlan plan = form.plan();
    rejectProblems(plan.problems(), result);
    if (form.strategyChosen() && plan.strategyId().isEmpty()) {
      result.rejectValue("strategy", "rejected", "Select one of the partnership's strategies");
    }
    if (result.hasErrors()) {
      return planFormView(partnership, model);
    }
    DeliveryPlan created;
    try {
      created = editing.createPlan(partnership, plan, PlanPages.reporter(user, request));
    } catch (PlanEditRejectedException e) {
      result.rejectValue(e.field(), "rejected", e.getMessage());
      return planFormView(partnership, model);
    }
    flash.addFlashAttribute(
        "message", created.name() + " has been created. Add its outcomes, then their actions");
    return "redirect:/p/{slug}/plans/" + created.id();
  }

  @GetMapping("/{planId}/outcomes")
  String showStructure(
      Partnership partnership, @PathVariable long planId, HttpServletRequest request, Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    model.addAttribute("plan", plan);
    model.addAttribute("outcomes", plans.outcomes(plan));
    model.addAttribute("areas", plans.areas(plan));
    model.addAttribute("counts", editing.actionCounts(plan));
    return VIEW_STRUCTURE;
  }

  @GetMapping("/{planId}/outcomes/new")
  String initOutcomeForm(
      Partnership partnership, @PathVariable long planId, HttpServletRequest request, Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    model.addAttribute("form", new HeadingForm());
    return headingFormView(new Headings(plan, null), null, null, model);
  }

  @PostMapping("/{planId}/outcomes/new")
  String processOutcomeForm(
      Partnership partnership,
      @PathVariable long planId,
      @ModelAttribute("form") HeadingForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    return processHeadingForm(
        new Headings(plan, null),
        form,
        result,
        model,
        flash,
        change -> {
          PlanOutcome added =
              editing.addOutcome(partnership, plan, change, PlanPages.reporter(user, request));
          return "Outcome " + added.label() + " has been added";
        });
  }

  @GetMapping("/{planId}/outcomes/{outcomeId}/edit")
  String initOutcomeChangeForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long outcomeId,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanOutcome outcome = editing.outcome(plan, outcomeId);
    PlanPages.requireManager(request);
    model.addAttribute("form", HeadingForm.of(outcome));
    return headingFormView(new Headings(plan, null), SavedHeading.of(outcome), null, model);
  }

  @PostMapping("/{planId}/outcomes/{outcomeId}/edit")
  String processOutcomeChangeForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long outcomeId,
      @ModelAttribute("form") HeadingForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanOutcome outcome = editing.outcome(plan, outcomeId);
    PlanPages.requireManager(request);
    return processHeadingChangeForm(
        new Headings(plan, null),
        SavedHeading.of(outcome),
        form,
        result,
        model,
        flash,
        (seen, change) ->
            editing.changeOutcome(
                partnership, plan, outcome.id(), seen, change, PlanPages.reporter(user, request)),
        () -> SavedHeading.of(editing.outcome(plan, outcome.id())));
  }

  @GetMapping("/{planId}/outcomes/{outcomeId}/areas/new")
  String initAreaForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long outcomeId,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanOutcome outcome = editing.outcome(plan, outcomeId);
    PlanPages.requireManager(request);
    model.addAttribute("form", new HeadingForm());
    return headingFormView(new Headings(plan, outcome), null, null, model);
  }

  @PostMapping("/{planId}/outcomes/{outcomeId}/areas/new")
  String processAreaForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long outcomeId,
      @ModelAttribute("form") HeadingForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanOutcome outcome = editing.outcome(plan, outcomeId);
    PlanPages.requireManager(request);
    return processHeadingForm(
        new Headings(plan, outcome),
        form,
        result,
        model,
        flash,
        change -> {
          DeliveryArea added =
              editing.addArea(
                  partnership, plan, outcome, change, PlanPages.reporter(user, request));
          return "Area " + added.label() + " has been added to outcome " + outcome.label();
        });
  }

  @GetMapping("/{planId}/areas/{areaId}/edit")
  String initAreaChangeForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long areaId,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    DeliveryArea area = editing.area(plan, areaId);
    PlanPages.requireManager(request);
    model.addAttribute("form", HeadingForm.of(area));
    Headings areas = new Headings(plan, editing.outcome(plan, area.outcomeId()));
    return headingFormView(areas, SavedHeading.of(area), null, model);
  }

  @PostMapping("/{planId}/areas/{areaId}/edit")
  String processAreaChangeForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long areaId,
      @ModelAttribute("form") HeadingForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    DeliveryArea area = editing.area(plan, areaId);
    PlanOutcome outcome = editing.outcome(plan, area.outcomeId());
    PlanPages.requireManager(request);
    return processHeadingChangeForm(
        new Headings(plan, outcome),
        SavedHeading.of(area),
        form,
        result,
        model,
        flash,
        (seen, change) ->
            editing.changeArea(
                partnership, plan, area.id(), seen, change, PlanPages.reporter(user, request)),
        () -> SavedHeading.of(editing.area(plan, area.id())));
  }

  @GetMapping("/{planId}/outcomes/{outcomeId}/actions/new")
  String initActionForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long outcomeId,
      @RequestParam(required = false) @Nullable String area,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanOutcome outcome = editing.outcome(plan, outcomeId);
    PlanPages.requireManager(request);
    NewActionForm form = new NewActionForm();
    form.setArea(area);
    model.addAttribute("form", form);
    return actionFormView(plan, outcome, model);
  }

  @PostMapping("/{planId}/outcomes/{outcomeId}/actions/new")
  String processActionForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable long outcomeId,
      @ModelAttribute("form") NewActionForm form,
      BindingResult result,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanOutcome outcome = editing.outcome(plan, outcomeId);
    PlanPages.requireManager(request);
    NewAction action = form.action();
    rejectProblems(action.problems(), result);
    if (!form.getArea().isBlank() && action.areaId().isEmpty()) {
      result.rejectValue("area", "rejected", "Select one of this outcome's areas, or none");
    }
    if (result.hasErrors()) {
      return actionFormView(plan, outcome, model);
    }
    PlanAction added;
    try {
      added =
          editing.addAction(partnership, plan, outcome, action, PlanPages.reporter(user, request));
    } catch (PlanEditRejectedException e) {
      result.rejectValue(e.field(), "rejected", e.getMessage());
      return actionFormView(plan, outcome, model);
    }
    flash.addFlashAttribute(
        "message",
        "Action "
            + added.ref()
            + " has been added"
            + (added.due().kind() == Due.Kind.UNRECOGNISED
                ? ". Its due date is kept as written, but is not one CCR Hub can read, so it"
                    + " cannot become overdue"
                : ""));
    return REDIRECT_STRUCTURE;
  }

  @GetMapping("/{planId}/actions/{ref}/archive")
  String initArchiveForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    Optional<ActionArchive> archive = plans.archive(action);
    if (archive.isPresent()) {
      flash.addFlashAttribute(
          "message", "Action " + action.ref() + " is archived from " + archive.get().from());
      return "redirect:/p/{slug}/plans/{planId}/actions/" + action.ref();
    }
    model.addAttribute("version", String.valueOf(action.version()));
    return archiveView(partnership, plan, action, model);
  }

  @PostMapping("/{planId}/actions/{ref}/archive")
  String processArchiveForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @RequestParam(defaultValue = "") String version,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    int seen = version.strip().matches("\\d{1,9}") ? Integer.parseInt(version.strip()) : -1;
    ActionArchive archive;
    try {
      archive =
          editing.archiveAction(
              partnership,
              plan,
              action,
              seen,
              collecting(partnership, plan),
              PlanPages.reporter(user, request));
    } catch (ActionConflictException e) {
      model.addAttribute("version", String.valueOf(e.theirs().version()));
      model.addAttribute(
          "conflict",
          "Someone else changed action "
              + action.ref()
              + " since you opened this page. Check it below, then archive it if you still want"
              + " to");
      return archiveView(partnership, plan, e.theirs(), model);
    }
    flash.addFlashAttribute(
        "message",
        "Action "
            + action.ref()
            + " has been archived: it is gone from the plan from "
            + archive.from()
            + ". You can restore it from the archived actions on this page");
    return REDIRECT_PLAN;
  }

  @PostMapping("/{planId}/actions/{ref}/restore")
  String restoreAction(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String ref,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    PlanPages.requireManager(request);
    boolean restored =
        editing.restoreAction(partnership, plan, action, PlanPages.reporter(user, request));
    flash.addFlashAttribute(
        "message",
        restored
            ? "Action " + action.ref() + " has been restored: it is back in the plan"
            : "Action " + action.ref() + " is not archived: there was nothing to restore");
    return REDIRECT_PLAN;
  }

  /** The period updates are being collected for in this plan, as its overview opens on. */
  private ReportingPeriod collecting(Partnership partnership, DeliveryPlan plan) {
    return PlanPages.period(null, periods, partnership, plans, plan);
  }

  private String planFormView(Partnership partnership, Model model) {
    Map<String, String> strategyOptions = new LinkedHashMap<>();
    strategies
        .findAll(partnership)
        .forEach(s -> strategyOptions.put(String.valueOf(s.id()), s.name()));
    model.addAttribute("strategyOptions", strategyOptions);
    model.addAttribute("markings", NewPlan.MARKINGS);
    return VIEW_PLAN_FORM;
  }

  /**
   * The outcomes of a plan (outcome null), or the areas of one of its outcomes: where a heading
   * form adds one or changes one.
   */
  private record Headings(DeliveryPlan plan, @Nullable PlanOutcome outcome) {

    /** "outcome" or "area", as the form and its messages say. */
    String what() {
      return outcome == null ? "outcome" : "area";
    }
  }

  /**
   * An outcome or an area as saved: what its form calls it and shows of it.
   *
   * @param words its ref and title, to show beside what the person typed
   */
  private record SavedHeading(long id, String label, int version, HeadingChange words) {

    static SavedHeading of(PlanOutcome outcome) {
      return new SavedHeading(
          outcome.id(),
          outcome.label(),
          outcome.version(),
          new HeadingChange(outcome.ref().orElse(""), outcome.title()));
    }

    static SavedHeading of(DeliveryArea area) {
      return new SavedHeading(
          area.id(),
          area.label(),
          area.version(),
          new HeadingChange(area.ref().orElse(""), area.title()));
    }
  }

  /** Saves a change to an outcome or an area, and says whether anything changed. */
  @FunctionalInterface
  private interface HeadingSaver {
    boolean save(int seenVersion, HeadingChange change);
  }

  /**
   * Adds an outcome or an area from its form, or shows the form again with what is wrong.
   *
   * @param add adds it and says so, for the page it goes back to
   */
  private String processHeadingForm(
      Headings where,
      HeadingForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash,
      Function<HeadingChange, String> add) {
    rejectProblems(form.change().problems(where.what()), result);
    if (result.hasErrors()) {
      return headingFormView(where, null, null, model);
    }
    String added;
    try {
      added = add.apply(form.change());
    } catch (PlanEditRejectedException e) {
      result.rejectValue(e.field(), "rejected", e.getMessage());
      return headingFormView(where, null, null, model);
    }
    flash.addFlashAttribute("message", added);
    return REDIRECT_STRUCTURE;
  }

  /**
   * Changes an outcome or an area from its form, or shows the form again with what is wrong, or
   * with what someone else saved meanwhile beside what the person typed.
   *
   * @param saved the outcome or area as it is saved now
   */
  private String processHeadingChangeForm(
      Headings where,
      SavedHeading current,
      HeadingForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash,
      HeadingSaver save,
      Supplier<SavedHeading> saved) {
    String what = where.what();
    rejectProblems(form.change().problems(what), result);
    if (result.hasErrors()) {
      return headingFormView(where, current, null, model);
    }
    boolean changed;
    try {
      changed = save.save(form.seenVersion(), form.change());
    } catch (PlanEditRejectedException e) {
      result.rejectValue(e.field(), "rejected", e.getMessage());
      return headingFormView(where, current, null, model);
    } catch (ConcurrentChangeException e) {
      SavedHeading theirs = saved.get();
      form.setVersion(String.valueOf(theirs.version()));
      result.reject("conflict", PlanPages.conflict(what + " " + current.label()));
      model.addAttribute("errorAnchor", "their-version");
      return headingFormView(where, theirs, theirs.words(), model);
    }
    flash.addFlashAttribute(
        "message",
        changed
            ? StringUtils.capitalize(what) + " " + saved.get().label() + " has been changed"
            : "Nothing was changed: " + what + " " + current.label() + " already says that");
    return REDIRECT_STRUCTURE;
  }

  /**
   * The form that adds an outcome or an area (changing null) or changes one.
   *
   * @param theirs what someone else saved meanwhile, to show beside what the person typed
   */
  private String headingFormView(
      Headings where,
      @Nullable SavedHeading changing,
      @Nullable HeadingChange theirs,
      Model model) {
    String what = where.what();
    PlanOutcome outcome = where.outcome();
    model.addAttribute("plan", where.plan());
    model.addAttribute("what", what);
    model.addAttribute("outcome", outcome);
    model.addAttribute("adding", changing == null);
    model.addAttribute("theirs", theirs);
    if (changing != null) {
      model.addAttribute("heading", "Change " + what + " " + changing.label());
      model.addAttribute("formAction", "/" + what + "s/" + changing.id() + "/edit");
    } else if (outcome == null) {
      model.addAttribute("heading", "Add an outcome");
      model.addAttribute("formAction", "/outcomes/new");
    } else {
      model.addAttribute("heading", "Add an area of delivery");
      model.addAttribute("formAction", "/outcomes/" + outcome.id() + "/areas/new");
    }
    return VIEW_HEADING_FORM;
  }

  private String actionFormView(DeliveryPlan plan, PlanOutcome outcome, Model model) {
    Map<String, String> areaOptions = new LinkedHashMap<>();
    plans.areas(plan).stream()
        .filter(a -> a.outcomeId() == outcome.id())
        .forEach(a -> areaOptions.put(String.valueOf(a.id()), a.label()));
    model.addAttribute("plan", plan);
    model.addAttribute("outcome", outcome);
    model.addAttribute("areaOptions", areaOptions);
    return VIEW_ACTION_FORM;
  }

  private String archiveView(
      Partnership partnership, DeliveryPlan plan, PlanAction action, Model model) {
    ReportingPeriod goneFrom = editing.goneFromIfArchivedNow(action, collecting(partnership, plan));
    model.addAttribute("plan", plan);
    model.addAttribute("action", action);
    model.addAttribute("goneFrom", goneFrom);
    model.addAttribute("lastShownIn", goneFrom.previous());
    return VIEW_ARCHIVE;
  }

  /** Puts a form's problems, field by field, on the form. */
  private static void rejectProblems(Map<String, String> problems, BindingResult result) {
    problems.forEach((field, message) -> result.rejectValue(field, "rejected", message));
  }
}
