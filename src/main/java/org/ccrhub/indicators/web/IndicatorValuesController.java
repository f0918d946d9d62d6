package org.ccrhub.indicators.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Series;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
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

/**
 * The grid for entering an indicator's values: the last 12 periods of its frequency to a month, in
 * the partnership's own area or a comparator's. Only changed cells are recorded, as new revisions.
 * A composite's values are the sum of its parts', so it has no grid.
 */
@Controller
@RequestMapping("/p/{slug}/indicators/{id}/values")
class IndicatorValuesController {

  private static final String VIEW_VALUES = "indicators/values-form";
  private static final int PERIODS = 12;
  private static final int MAX_AREA = 100;

  private final Indicators indicators;
  private final AuditTrail audit;
  private final Clock clock;

  IndicatorValuesController(Indicators indicators, AuditTrail audit, Clock clock) {
    this.indicators = indicators;
    this.audit = audit;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "indicators";
  }

  /** A form has at most {@link ValuesForm#MAX_ROWS} rows, whatever indexes a request names. */
  @org.springframework.web.bind.annotation.InitBinder("form")
  void limitRows(org.springframework.web.bind.WebDataBinder binder) {
    binder.setAutoGrowCollectionLimit(ValuesForm.MAX_ROWS);
  }

  @GetMapping
  String initValuesForm(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String area,
      @RequestParam(required = false) @Nullable String to,
      HttpServletRequest request,
      Model model) {
    Indicator indicator = indicators.find(partnership, id);
    IndicatorPages.requireRecorder(request);
    IndicatorData data = indicators.data(partnership);
    String chosen = area.strip();
    List<ValuesForm.CellError> errors = new ArrayList<>();
    if (chosen.length() > MAX_AREA) {
      errors.add(new ValuesForm.CellError("area", "The area must be 100 characters or fewer"));
      chosen = "";
    }
    YearMonth month = month(to, errors);
    ValuesForm form =
        ValuesForm.of(
            chosen, periods(indicator.frequency(), month), data.series(indicator, chosen));
    model.addAttribute("form", form);
    return valuesView(partnership, indicator, data, month, errors, model);
  }

  @PostMapping
  String processValuesForm(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String to,
      @ModelAttribute("form") ValuesForm form,
      BindingResult ignored,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    Indicator indicator = indicators.find(partnership, id);
    IndicatorPages.requireRecorder(request);
    if (indicator.isComposite()) {
      throw new InvalidInputException(
          "A composite indicator's values are worked out from its parts");
    }
    checkRows(form, indicator.frequency());
    IndicatorData data = indicators.data(partnership);
    List<ValuesForm.CellError> errors = new ArrayList<>();
    YearMonth month = month(to, errors);
    String area = form.getArea().strip();
    if (area.length() > MAX_AREA) {
      errors.add(new ValuesForm.CellError("area", "The area must be 100 characters or fewer"));
      return valuesView(partnership, indicator, data, month, errors, model);
    }
    Series current = data.series(indicator, area);
    List<ValueEntry> entries = form.entries(indicator, current, errors);
    if (!errors.isEmpty()) {
      return valuesView(partnership, indicator, data, month, errors, model);
    }
    Indicators.Recorded recorded = indicators.record(partnership, entries, user.displayName());
    int n = recorded.recorded();
    if (n > 0) {
      audit.record(
          AuditEntry.success(
              "UPDATE",
              "Indicator",
              indicator.id(),
              partnership.id(),
              n
                  + (n == 1 ? " value" : " values")
                  + " recorded for "
                  + indicator.ref()
                  + (area.isEmpty() ? "" : " in " + area)));
    }
    flash.addFlashAttribute(
        "message",
        n == 0 ? "No values changed" : n + (n == 1 ? " value recorded" : " values recorded"));
    return "redirect:/p/{slug}/indicators/{id}";
  }

  private String valuesView(
      Partnership partnership,
      Indicator indicator,
      IndicatorData data,
      YearMonth month,
      List<ValuesForm.CellError> errors,
      Model model) {
    model.addAttribute("indicator", indicator);
    model.addAttribute("month", month.toString());
    model.addAttribute("monthLabel", IndicatorPages.longMonth(month));
    model.addAttribute("comparators", data.comparators(indicator));
    model.addAttribute("errors", errors);
    model.addAttribute("hasParts", ValuesForm.hasParts(indicator.unit()));
    model.addAttribute(
        "populationGiven",
        indicator.unit() == org.ccrhub.indicators.Unit.RATE_PER_1000
            && indicator.population() != null);
    model.addAttribute("partnershipName", partnership.name());
    return VIEW_VALUES;
  }

  /** The month the grid ends at: the one asked for, or the current month. */
  private YearMonth month(@Nullable String to, List<ValuesForm.CellError> errors) {
    YearMonth now = Dates.thisMonth(clock);
    if (to == null || to.isBlank()) {
      return now;
    }
    try {
      IndicatorPeriod period = IndicatorPeriod.parse(to);
      if (period.isMonth()) {
        return period.first();
      }
    } catch (RuntimeException e) {
      // reported below
    }
    errors.add(
        new ValuesForm.CellError(
            "to", "The last month must be a month, like " + now.minusMonths(1)));
    return now;
  }

  /** The last 12 periods of the frequency to the one containing the month, oldest first. */
  static List<IndicatorPeriod> periods(Frequency frequency, YearMonth month) {
    int length = frequency.months();
    YearMonth first =
        switch (frequency) {
          case MONTHLY -> month;
          case QUARTERLY -> month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
          case YEARLY ->
              month.getMonthValue() >= 4 ? month.withMonth(4) : month.minusYears(1).withMonth(4);
        };
    List<IndicatorPeriod> periods = new ArrayList<>();
    for (int k = 0; k < PERIODS; k++) {
      periods.add(new IndicatorPeriod(first.minusMonths((long) k * length), length));
    }
    Collections.reverse(periods);
    return periods;
  }

  /** The rows must be periods of the indicator's frequency: anything else is not this form. */
  private static void checkRows(ValuesForm form, Frequency frequency) {
    if (form.getRows().size() > ValuesForm.MAX_ROWS
        || form.getRows().stream()
            .anyMatch(
                r ->
                    r == null
                        || r.parsedPeriod()
                            .filter(p -> p.months() == frequency.months())
                            .isEmpty())) {
      throw new InvalidInputException("The values form does not match the indicator");
    }
  }
}
