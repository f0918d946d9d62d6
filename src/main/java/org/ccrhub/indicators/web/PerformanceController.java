package org.ccrhub.indicators.web;

import java.time.Clock;
import java.util.List;
import org.ccrhub.exports.Exports;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.PerformanceReports;
import org.ccrhub.indicators.PerformanceTable;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The performance table for a month: on screen with the figures as they are, for the partnership's
 * own users, and as CSV, Excel, PDF and HTML files, which leave the system and so have their small
 * numbers suppressed.
 */
@Controller
@RequestMapping("/p/{slug}/indicators")
class PerformanceController {

  private static final String VIEW_PERFORMANCE = "indicators/performance-page";

  private final Indicators indicators;
  private final PerformanceReports reports;
  private final Exports exports;
  private final Clock clock;

  PerformanceController(
      Indicators indicators, PerformanceReports reports, Exports exports, Clock clock) {
    this.indicators = indicators;
    this.reports = reports;
    this.exports = exports;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "indicators";
  }

  @GetMapping("/performance")
  String showPerformance(
      Partnership partnership,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "") String comparator,
      Model model) {
    IndicatorData data = indicators.data(partnership);
    IndicatorPages.MonthChoice choice = IndicatorPages.month(to, data, Dates.thisMonth(clock));
    List<String> comparators = data.comparators();
    String chosen = comparators.contains(comparator.strip()) ? comparator.strip() : null;
    model.addAttribute("table", reports.table(partnership, choice.month(), chosen, false));
    model.addAttribute("month", choice.month().toString());
    model.addAttribute("monthLabel", IndicatorPages.longMonth(choice.month()));
    model.addAttribute("monthError", choice.error());
    model.addAttribute("aboutMonth", choice.about());
    model.addAttribute("monthOptions", IndicatorController.monthOptions(data, choice.month()));
    model.addAttribute("comparator", chosen == null ? "" : chosen);
    model.addAttribute("comparators", comparators);
    model.addAttribute(
        "downloadQuery",
        org.springframework.web.util.UriComponentsBuilder.newInstance()
            .queryParam("to", choice.month().toString())
            .queryParamIfPresent("comparator", java.util.Optional.ofNullable(chosen))
            .encode()
            .build()
            .toUriString());
    model.addAttribute("suppression", reports.suppression());
    model.addAttribute("anyPublished", data.indicators().stream().anyMatch(i -> i.published()));
    return VIEW_PERFORMANCE;
  }

  @GetMapping("/performance.{format}")
  ResponseEntity<Resource> downloadPerformance(
      Partnership partnership,
      @PathVariable String format,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "") String comparator) {
    ReportFormat reportFormat = format(format);
    IndicatorData data = indicators.data(partnership);
    IndicatorPages.MonthChoice choice = IndicatorPages.month(to, data, Dates.thisMonth(clock));
    if (choice.error() != null) {
      throw new org.ccrhub.shared.InvalidInputException("Not a month: " + to);
    }
    String chosen = data.comparators().contains(comparator.strip()) ? comparator.strip() : null;
    PerformanceTable table = reports.table(partnership, choice.month(), chosen, true);
    return exports.download(
        reports.file(partnership, table, reportFormat),
        () -> reports.render(partnership, table, reportFormat),
        reportFormat.mediaType(),
        "performance-" + choice.month() + "." + reportFormat.extension());
  }

  private static ReportFormat format(String extension) {
    for (ReportFormat format : ReportFormat.values()) {
      if (format.extension().equals(extension)) {
        return format;
      }
    }
    throw new NotFoundException("Report format");
  }
}
