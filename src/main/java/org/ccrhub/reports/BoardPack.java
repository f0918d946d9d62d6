package org.ccrhub.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.PerformanceTable;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;

/**
 * The papers for a board meeting: a cover, the key to ratings, a summary of each chosen plan, each
 * plan's exception report for the period, and the performance table with a chart per indicator with
 * a target. Its protective marking is the highest of its plans'.
 */
public record BoardPack(
    Partnership partnership,
    String board,
    LocalDate meetingDate,
    String marking,
    ReportingPeriod period,
    RagScheme scheme,
    Map<RagRating, String> definitions,
    List<ExceptionReport> plans,
    PerformanceTable performance,
    List<Chart> charts,
    LocalDate produced) {

  /** An indicator's chart as inline SVG, or why it is not shown. */
  public record Chart(Indicator indicator, @Nullable String svg, String note) {}
}
