package org.ccrhub.indicators.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.PerformanceReports;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The performance table for a token: the rows of the performance CSV, suppressed as the CSV is (an
 * answer leaves the system as a file does), for any member, as on screen.
 */
@RestController
@RequestMapping(path = "/api/v1/partnerships/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "The performance table")
class PerformanceApiController {

  private final Indicators indicators;
  private final PerformanceReports reports;
  private final Clock clock;

  PerformanceApiController(Indicators indicators, PerformanceReports reports, Clock clock) {
    this.indicators = indicators;
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/reports/performance")
  @Operation(
      summary = "The performance table for the 12 months to a month, as the CSV file has it",
      description =
          "Small numbers are suppressed as in the CSV file: a suppressed figure is null and its"
              + " field is named in the row's 'suppressed' list.")
  PerformanceReport showPerformance(
      @PathVariable String slug,
      Partnership partnership,
      @Parameter(
              description =
                  "The month the figures end at, like 2016-10; left out, the latest month with a"
                      + " figure for every indicator, as the page shows")
          @RequestParam(required = false)
          @Nullable String to,
      @Parameter(
              description =
                  "A comparator area to compare with; left out, each indicator's first comparator")
          @RequestParam(required = false)
          @Nullable String comparator) {
    IndicatorData data = indicators.data(partnership);
    YearMonth month =
        to == null || to.isBlank() ? data.shownMonth(Dates.thisMonth(clock)) : month(to);
    return PerformanceReport.of(
        reports.table(partnership, month, comparator(data.comparators(), comparator), true));
  }

  /** A month as {@code ?to=} gives it. */
  static YearMonth month(String to) {
    try {
      IndicatorPeriod period = IndicatorPeriod.parse(to);
      if (period.isMonth()) {
        return period.first();
      }
    } catch (RuntimeException e) {
      // the same message as for a quarter or a year
    }
    throw new InvalidInputException(
        "'" + to.strip() + "' is not a month for 'to': write a month like 2016-10");
  }

  /** The comparator area named, as the values spell it, or null for none. */
  private static @Nullable String comparator(List<String> areas, @Nullable String comparator) {
    if (comparator == null || comparator.isBlank()) {
      return null;
    }
    return areas.stream()
        .filter(a -> a.equalsIgnoreCase(comparator.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "There is no comparator area '"
                        + comparator.strip()
                        + "': "
                        + (areas.isEmpty()
                            ? "no indicator has values for a comparator"
                            : "the comparators are " + String.join(", ", areas))));
  }
}
