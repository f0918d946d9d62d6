package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
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

/** Opening and closing reporting periods, for administrators and strategic leads. */
@Controller
@RequestMapping("/p/{slug}/plans/periods")
class PeriodController {

  private static final String VIEW_PERIODS = "plans/reporting-periods";
  private static final String REDIRECT_PERIODS = "redirect:/p/{slug}/plans/periods";

  private final ReportingPeriods periods;

  PeriodController(ReportingPeriods periods) {
    this.periods = periods;
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
    if (result.hasErrors()) {
      return periodsView(partnership, model);
    }
    ReportingPeriod period;
    try {
      period = ReportingPeriod.parse(form.getPeriod());
    } catch (InvalidInputException e) {
      result.rejectValue(
          "period", "invalid", "Enter a period like 2016/17 Q3: a financial year and a quarter");
      return periodsView(partnership, model);
    }
    periods.open(partnership, period);
    flash.addFlashAttribute("message", period + " is open for updates");
    return REDIRECT_PERIODS;
  }

  @PostMapping("/close")
  String closePeriod(
      Partnership partnership,
      @RequestParam(defaultValue = "") String period,
      HttpServletRequest request,
      RedirectAttributes flash) {
    PlanPages.requireManager(request);
    ReportingPeriod closing;
    try {
      closing = ReportingPeriod.parse(period);
    } catch (InvalidInputException e) {
      throw new NotFoundException("Reporting period");
    }
    periods.close(partnership, closing);
    flash.addFlashAttribute("message", closing + " is closed: its updates can no longer change");
    return REDIRECT_PERIODS;
  }

  private String periodsView(Partnership partnership, Model model) {
    model.addAttribute("periods", periods.all(partnership));
    model.addAttribute("current", periods.current(partnership));
    return VIEW_PERIODS;
  }
}
