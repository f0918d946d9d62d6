package org.ccrhub.indicators.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ccrhub.api.Paging;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.PerformanceReports;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partnership's published indicators and their performance table for anyone, no token needed,
 * showing what the public performance page shows: published indicators only, small numbers always
 * suppressed, no values, sources or owners. A partnership with nothing published has none, as it
 * has no such page. The table is for the page's month (the latest with a figure for every published
 * indicator) or an earlier one: figures after it are not yet published.
 */
@RestController
@RequestMapping(path = "/api/v1/public/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
class PublicIndicatorsApiController {

  private static final DateTimeFormatter LONG_MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final Partnerships partnerships;
  private final Indicators indicators;
  private final PerformanceReports reports;
  private final Clock clock;

  PublicIndicatorsApiController(
      Partnerships partnerships, Indicators indicators, PerformanceReports reports, Clock clock) {
    this.partnerships = partnerships;
    this.indicators = indicators;
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/indicators")
  @Tag(name = "Indicators")
  @Operation(summary = "The partnership's published indicators, in natural ref order (no token)")
  ResponseEntity<List<PublishedIndicator>> listPublishedIndicators(
      @PathVariable String slug,
      @Parameter(description = "The page, from 1") @RequestParam(required = false)
          @Nullable Integer page,
      @Parameter(description = "Items a page, 1 to 500 (50 unless given)")
          @RequestParam(required = false)
          @Nullable Integer size,
      HttpServletRequest request) {
    Paging paging = Paging.of(page, size);
    List<Indicator> published = published(indicators.data(partnership(slug)));
    return ResponseEntity.ok()
        .headers(paging.headers(published.size(), request))
        .body(paging.of(published).stream().map(PublishedIndicator::of).toList());
  }

  @GetMapping("/reports/performance")
  @Tag(name = "Reports")
  @Operation(
      summary = "The published performance table, always suppressed (no token)",
      description =
          "The table of the public performance page: published indicators only, small numbers"
              + " suppressed (null, with the field named in the row's 'suppressed' list).")
  PerformanceReport showPublishedPerformance(
      @PathVariable String slug,
      @Parameter(
              description =
                  "The month the figures end at, like 2016-10: only the public page's month,"
                      + " which is the month when left out")
          @RequestParam(required = false)
          @Nullable String to) {
    Partnership partnership = partnership(slug);
    IndicatorData data = indicators.data(partnership);
    published(data);
    YearMonth thisMonth = Dates.thisMonth(clock);
    // the public page's month: the latest with a figure for every published indicator
    YearMonth shown =
        data.dataMonth(thisMonth, thisMonth.minusMonths(1), Indicator::published).month();
    // only the page's month: tables of other months, side by side, would say more about small
    // numbers than the page ever shows at once
    if (to != null && !to.isBlank() && !PerformanceApiController.month(to).equals(shown)) {
      throw new InvalidInputException(
          "Figures are published for "
              + LONG_MONTH.format(shown)
              + " only: leave out 'to', or give "
              + shown);
    }
    return PerformanceReport.of(reports.publishedTable(partnership, shown));
  }

  private Partnership partnership(String slug) {
    return partnerships.findBySlug(slug).orElseThrow(() -> new NotFoundException("Partnership"));
  }

  /** The published indicators; none is not found, as the public page is not. */
  private static List<Indicator> published(IndicatorData data) {
    List<Indicator> published = data.indicators().stream().filter(Indicator::published).toList();
    if (published.isEmpty()) {
      throw new NotFoundException("Published indicators");
    }
    return published;
  }
}
