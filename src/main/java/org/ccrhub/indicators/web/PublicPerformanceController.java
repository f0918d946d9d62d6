package org.ccrhub.indicators.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.PerformanceReports;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.RagDefinitions;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The partnership's published indicators for anyone to read, signed in or not: the performance
 * table at the last month their values reach, with small numbers suppressed, and no monthly values
 * or links to the partnership's own pages; the key to ratings is the partnership's own. A
 * partnership with nothing published has no such page.
 */
@Controller
class PublicPerformanceController {

  private final Partnerships partnerships;
  private final Indicators indicators;
  private final PerformanceReports reports;
  private final Clock clock;
  private final DeliveryPlans plans;
  private final RagDefinitions definitions;

  PublicPerformanceController(
      Partnerships partnerships,
      Indicators indicators,
      PerformanceReports reports,
      Clock clock,
      DeliveryPlans plans,
      RagDefinitions definitions) {
    this.partnerships = partnerships;
    this.indicators = indicators;
    this.reports = reports;
    this.clock = clock;
    this.plans = plans;
    this.definitions = definitions;
  }

  @GetMapping("/public/{slug}/performance")
  String showPublishedPerformance(@PathVariable String slug, Model model) {
    Partnership partnership =
        partnerships.findBySlug(slug).orElseThrow(() -> new NotFoundException("Partnership"));
    IndicatorData data = indicators.data(partnership);
    List<Indicator> published = data.indicators().stream().filter(Indicator::published).toList();
    if (published.isEmpty()) {
      throw new NotFoundException("Published indicators");
    }
    YearMonth month =
        published.stream()
            .map(i -> data.series(i, IndicatorData.OWN_AREA).lastMonth())
            .flatMap(java.util.Optional::stream)
            .filter(m -> !m.isAfter(YearMonth.now(clock)))
            .max(YearMonth::compareTo)
            .orElse(YearMonth.now(clock).minusMonths(1));
    model.addAttribute("publicPartnership", partnership);
    model.addAttribute("table", reports.publishedTable(partnership, month));
    model.addAttribute("monthLabel", IndicatorPages.longMonth(month));
    model.addAttribute("scheme", plans.scheme(partnership));
    model.addAttribute("definitions", definitions.definitions(partnership));
    return "indicators/public-performance";
  }
}
