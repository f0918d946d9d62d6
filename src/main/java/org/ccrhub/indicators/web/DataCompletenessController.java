package org.ccrhub.indicators.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.ccrhub.indicators.DataCompleteness;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The data completeness page: each indicator's latest value, the value expected next and by when,
 * who provides it, and whether it is late ({@link DataCompleteness}).
 */
@Controller
@RequestMapping("/p/{slug}/indicators")
class DataCompletenessController {

  private static final String VIEW_COMPLETENESS = "indicators/completeness";

  private final Indicators indicators;
  private final Clock clock;

  DataCompletenessController(Indicators indicators, Clock clock) {
    this.indicators = indicators;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "indicators";
  }

  /** One indicator's line as shown. */
  record Row(
      long id,
      String ref,
      String name,
      String latest,
      String expected,
      String dueBy,
      String providedBy,
      String status,
      String tagClass) {}

  @GetMapping("/completeness")
  String showCompleteness(Partnership partnership, Model model) {
    IndicatorData data = indicators.data(partnership);
    LocalDate today = Dates.today(clock);
    DataCompleteness completeness =
        DataCompleteness.of(data.indicators(), i -> data.series(i, IndicatorData.OWN_AREA), today);
    List<Row> rows = completeness.lines().stream().map(DataCompletenessController::row).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("late", completeness.late());
    model.addAttribute("today", Dates.date(today));
    return VIEW_COMPLETENESS;
  }

  private static Row row(DataCompleteness.Line line) {
    Indicator i = line.indicator();
    String latest = "";
    if (line.latest() != null) {
      String figure =
          line.latestFigure() != null && line.latestFigure().isKnown()
              ? IndicatorPages.figure(line.latestFigure().ratio(), i.unit())
              : "Recorded";
      latest = figure + " for " + periodText(line.latest().period());
    }
    return new Row(
        i.id(),
        i.ref(),
        i.name(),
        latest.isEmpty() ? "None" : latest,
        line.expected() == null ? "" : periodText(line.expected()),
        Dates.date(line.dueBy()),
        i.isComposite()
            ? "Worked out from " + String.join(", ", i.sumOf())
            : DataMonth.providedBy(i),
        line.status().label(),
        switch (line.status()) {
          case LATE -> "govuk-tag govuk-tag--red";
          case UP_TO_DATE -> "govuk-tag govuk-tag--green";
          case NO_VALUES -> "govuk-tag govuk-tag--grey";
        });
  }

  /** {@code October 2016}, {@code 2016/17 Q3 (October to December 2016)}, {@code 2016/17}. */
  static String periodText(IndicatorPeriod period) {
    if (period.isMonth()) {
      return IndicatorPages.longMonth(period.first());
    }
    if (period.months() == 3) {
      return period
          + " ("
          + period.first().getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK)
          + " to "
          + IndicatorPages.longMonth(period.last())
          + ")";
    }
    return period
        + " (April "
        + period.first().getYear()
        + " to March "
        + period.last().getYear()
        + ")";
  }
}
