package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Opening and closing the reporting periods of a partnership's plans, for managers. */
@Controller
@RequestMapping("/p/{slug}/plans/periods")
class PeriodController {

  private static final String VIEW_PERIODS = "plans/reporting-periods";
  private static final String REDIRECT_PERIODS = "redirect:/p/{slug}/plans/periods";

  /** A plan and its periods, for the page. */
  record PlanPeriods(DeliveryPlan plan, List<ReportingPeriods.Period> periods) {}

  private final ReportingPeriods periods;
  private final DeliveryPlans plans;
  private final Clock clock;

  PeriodController(ReportingPeriods periods, DeliveryPlans plans, Clock clock) {
    this.periods = periods;
    this.plans = plans;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  @GetMapping
  String showPeriods(Partnership partnership, HttpServletRequest request, Model model) {
    PlanPages.requireManager(request);
    model.addAttribute("form", new PeriodForm());
    return periodsView(partnership, model);
  }

  @PostMapping
  String openPeriod(
      Partnership partnership,
      @Valid @ModelAttribute("form") PeriodForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    PlanPages.requireManager(request);
    List<DeliveryPlan> chosen = chosenPlans(partnership, form.getPlan());
    ReportingPeriod period = null;
    if (!result.hasFieldErrors("period")) {
      try {
        period = ReportingPeriod.parse(form.getPeriod());
      } catch (InvalidInputException e) {
        result.rejectValue(
            "period",
            "invalid",
            "Enter a financial year and a quarter, like " + ReportingPeriod.containing(today()));
      }
    }
    Optional<LocalDate> due = form.getDue().read("due", "the due date", false, result);
    Optional<LocalDate> closes = form.getCloses().read("closes", "the closing date", false, result);
    if (result.hasErrors() || period == null) {
      return periodsView(partnership, model);
    }
    try {
      for (DeliveryPlan plan : chosen) {
        periods.open(partnership, plan, period, due, closes);
      }
    } catch (InvalidInputException e) {
      LocalDate dueBy = due.orElse(periods.defaultDueDate(period));
      boolean closesTooSoon = closes.isPresent() && closes.get().isBefore(dueBy);
      if (closesTooSoon) {
        form.getCloses().reject("closes", e.getMessage(), result);
      } else {
        form.getDue().reject("due", e.getMessage(), result);
      }
      return periodsView(partnership, model);
    }
    LocalDate dueBy = due.orElse(periods.defaultDueDate(period));
    flash.addFlashAttribute(
        "message",
        period
            + " is open for updates"
            + (chosen.size() == 1 ? " in " + chosen.get(0).name() : " in every plan")
            + ": updates are due by "
            + Dates.date(dueBy));
    return REDIRECT_PERIODS;
  }

  @PostMapping("/close")
  String closePeriod(
      Partnership partnership,
      @RequestParam(defaultValue = "") String period,
      @RequestParam(defaultValue = "") String plan,
      HttpServletRequest request,
      RedirectAttributes flash) {
    PlanPages.requireManager(request);
    ReportingPeriod closing;
    try {
      closing = ReportingPeriod.parse(period);
    } catch (InvalidInputException e) {
      throw new NotFoundException("Reporting period");
    }
    List<DeliveryPlan> chosen = chosenPlans(partnership, plan);
    chosen.forEach(p -> periods.close(partnership, p, closing));
    flash.addFlashAttribute(
        "message",
        closing
            + " is closed"
            + (chosen.size() == 1 ? " in " + chosen.get(0).name() : " in every plan")
            + ": its updates can no longer change");
    return REDIRECT_PERIODS;
  }

  /** Every plan for "", else the one plan of the partnership with that id (404 otherwise). */
  private List<DeliveryPlan> chosenPlans(Partnership partnership, String plan) {
    if (plan.isBlank()) {
      return plans.findAll(partnership);
    }
    try {
      return List.of(plans.find(partnership, Long.parseLong(plan.strip())));
    } catch (NumberFormatException e) {
      throw new NotFoundException("Delivery plan");
    }
  }

  private LocalDate today() {
    return Dates.today(clock);
  }

  private String periodsView(Partnership partnership, Model model) {
    List<PlanPeriods> all = new ArrayList<>();
    Map<String, String> planOptions = new LinkedHashMap<>();
    planOptions.put("", "Every plan");
    for (DeliveryPlan plan : plans.findAll(partnership)) {
      all.add(new PlanPeriods(plan, periods.all(plan)));
      planOptions.put(String.valueOf(plan.id()), plan.name());
    }
    ReportingPeriod next = periods.collecting(partnership);
    model.addAttribute("plans", all);
    model.addAttribute("planOptions", planOptions);
    LocalDate dueByDefault = periods.defaultDueDate(next);
    model.addAttribute(
        "dueHint",
        "Leave blank for the 10th working day after the quarter ends, for example "
            + Dates.date(dueByDefault)
            + " for "
            + next
            + ". Type it like "
            + dueByDefault.getDayOfMonth()
            + " "
            + dueByDefault.getMonthValue()
            + " "
            + dueByDefault.getYear()
            + ".");
    model.addAttribute("periodHint", "A financial year and quarter, for example " + next + ".");
    return VIEW_PERIODS;
  }
}
