package org.ccrhub.reports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccrhub.documents.Documents;
import org.ccrhub.exports.FileExport;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorCharts;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.PerformanceReports;
import org.ccrhub.indicators.PerformanceTable;
import org.ccrhub.indicators.Suppression;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.ExceptionReportDocuments;
import org.ccrhub.plans.RagDefinitions;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.TooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Puts a board pack together from the plans and indicators as they stand, and renders it as HTML or
 * PDF from one template. The pack leaves the system, so its figures are suppressed like every
 * exported output, and an indicator whose chart would show a small number gets a note instead.
 */
@Service
public class BoardPacks {

  static final String TEMPLATE = "reports/board-pack-document";

  /** Charts cover the three years to the data month. */
  private static final int CHART_MONTHS = 36;

  private static final String SENSITIVE = "OFFICIAL-SENSITIVE";

  private final DeliveryPlans plans;
  private final RagDefinitions definitions;
  private final Indicators indicators;
  private final PerformanceReports performance;
  private final Documents documents;
  private final Clock clock;

  BoardPacks(
      DeliveryPlans plans,
      RagDefinitions definitions,
      Indicators indicators,
      PerformanceReports performance,
      Documents documents,
      Clock clock) {
    this.plans = plans;
    this.definitions = definitions;
    this.indicators = indicators;
    this.performance = performance;
    this.documents = documents;
    this.clock = clock;
  }

  /**
   * The pack for a period, with the figures of its default data month.
   *
   * @param planNames the plans to include; none means every plan that runs in the period's year
   * @param board the board's name, or blank for the partnership's board
   * @param meetingDate the meeting's date
   */
  public BoardPack assemble(
      Partnership partnership,
      ReportingPeriod period,
      List<String> planNames,
      String board,
      LocalDate meetingDate) {
    return assemble(partnership, period, planNames, board, meetingDate, null);
  }

  /**
   * The data month of a pack for the period: the one chosen, or by default the latest month, not
   * after the end of the period (nor this month), with a figure for every indicator ({@link
   * DataMonth}); the period's last month when there are no values by then. Its missing figures are
   * what the pack would leave out.
   *
   * @param chosen the month someone chose, or null for the default
   */
  public DataMonth dataMonth(
      Partnership partnership, ReportingPeriod period, @Nullable YearMonth chosen) {
    IndicatorData data = indicators.data(partnership);
    if (chosen != null) {
      return data.dataMonthAt(chosen, i -> true);
    }
    YearMonth end = YearMonth.from(period.lastDay());
    YearMonth thisMonth = Dates.thisMonth(clock);
    return data.dataMonth(end.isAfter(thisMonth) ? thisMonth : end, end, i -> true);
  }

  /**
   * The pack for a period, with the figures of a data month: indicators without a figure for it are
   * named as figures missing.
   *
   * @param planNames the plans to include; none means every plan that runs in the period's year
   * @param board the board's name, or blank for the partnership's board
   * @param meetingDate the meeting's date
   * @param dataMonth the month the figures run to, or null for the default ({@link #dataMonth})
   */
  public BoardPack assemble(
      Partnership partnership,
      ReportingPeriod period,
      List<String> planNames,
      String board,
      LocalDate meetingDate,
      @Nullable YearMonth dataMonth) {
    List<DeliveryPlan> chosen = new ArrayList<>();
    if (planNames.isEmpty()) {
      for (DeliveryPlan plan : plans.findAll(partnership)) {
        if (plan.firstYear().compareTo(period.year()) <= 0
            && plan.lastYear().compareTo(period.year()) >= 0) {
          chosen.add(plan);
        }
      }
    } else {
      for (String name : planNames) {
        DeliveryPlan plan = plans.named(partnership, name);
        if (!chosen.contains(plan)) {
          chosen.add(plan);
        }
      }
    }
    List<ExceptionReport> reports = new ArrayList<>();
    for (DeliveryPlan plan : chosen) {
      reports.add(plans.exceptionReport(partnership, plan, period));
    }
    YearMonth month = dataMonth(partnership, period, dataMonth).month();
    PerformanceTable table = performance.table(partnership, month, null, true);
    IndicatorData data = indicators.data(partnership);
    java.util.Set<Long> unsafe = unsafeToChart(data, table, month);
    List<BoardPack.Chart> charts = new ArrayList<>();
    for (PerformanceTable.Row row : table.rows()) {
      if (row.indicator().hasTarget() || row.performance().target() != null) {
        charts.add(
            unsafe.contains(row.indicator().id())
                ? new BoardPack.Chart(
                    row.indicator(),
                    null,
                    "Not charted: some figures are small enough to identify people.")
                : chart(partnership, data, row, month));
      }
    }
    String marking =
        chosen.stream().anyMatch(p -> SENSITIVE.equalsIgnoreCase(p.marking()))
            ? SENSITIVE
            : "OFFICIAL";
    return new BoardPack(
        partnership,
        board == null || board.isBlank() ? partnership.name() + " board" : board.strip(),
        meetingDate,
        marking,
        period,
        plans.scheme(partnership),
        definitions.definitions(partnership),
        List.copyOf(reports),
        table,
        List.copyOf(charts),
        Dates.today(clock));
  }

  /**
   * The indicators whose chart could show a figure the table hides: any with a hidden figure in the
   * table or a small figure at any point of its chart, and, because a composite is the sum of its
   * parts, every member of a composite group where one member is so.
   */
  private static java.util.Set<Long> unsafeToChart(
      IndicatorData data, PerformanceTable table, YearMonth month) {
    Suppression suppression = table.suppression();
    java.util.Set<Long> unsafe = new java.util.HashSet<>();
    if (!suppression.isOn()) {
      return unsafe;
    }
    for (PerformanceTable.Row row : table.rows()) {
      String comparator = row.performance().comparatorArea();
      boolean small =
          IndicatorCharts.rolling(data, row.indicator(), month, CHART_MONTHS, comparator).stream()
              .anyMatch(
                  p ->
                      (p.own().isKnown() && suppression.hides(p.own().ratio()))
                          || (p.comparator() != null
                              && p.comparator().isKnown()
                              && suppression.hides(p.comparator().ratio())));
      if (small || row.hidesSomething()) {
        unsafe.add(row.indicator().id());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Indicator total : data.indicators()) {
        if (!total.isComposite()) {
          continue;
        }
        List<Long> group = new ArrayList<>();
        group.add(total.id());
        total.sumOf().forEach(ref -> data.byRef(ref).ifPresent(part -> group.add(part.id())));
        if (group.stream().anyMatch(unsafe::contains)) {
          grew |= unsafe.addAll(group);
        }
      }
    }
    return unsafe;
  }

  private static BoardPack.Chart chart(
      Partnership partnership, IndicatorData data, PerformanceTable.Row row, YearMonth month) {
    String comparator = row.performance().comparatorArea();
    List<IndicatorCharts.Point> points =
        IndicatorCharts.rolling(data, row.indicator(), month, CHART_MONTHS, comparator);
    if (points.isEmpty()) {
      return new BoardPack.Chart(row.indicator(), null, "No 12-month figures to chart yet.");
    }
    String svg =
        IndicatorCharts.svg(
            row.indicator(),
            points,
            partnership.name(),
            comparator,
            row.performance().target(),
            680,
            300,
            true);
    return new BoardPack.Chart(row.indicator(), svg, "");
  }

  /** The pack's file as the audit trail describes it when it leaves. */
  public FileExport file(BoardPack pack, ReportFormat format) {
    String plans =
        pack.plans().stream()
            .map(r -> Long.toString(r.snapshot().plan().id()))
            .collect(java.util.stream.Collectors.joining(", "));
    return FileExport.of(
        pack.partnership(),
        "BoardPack",
        pack.period(),
        "the board pack for "
            + pack.period()
            + (plans.isEmpty() ? " with no delivery plans" : " with delivery plans " + plans)
            + " and the performance table",
        format.extension());
  }

  static final String TOO_LONG_FOR_PDF =
      "This board pack is too long to make as a PDF. Choose fewer plans, or make it as a web page"
          + " (HTML) instead.";

  /**
   * The pack as a standalone HTML page or an A4 PDF.
   *
   * @throws org.ccrhub.shared.TooLargeException for a PDF too long to lay out in the memory the
   *     server has
   */
  public byte[] render(BoardPack pack, ReportFormat format) {
    Map<String, Object> model = Map.of("pack", pack);
    return switch (format) {
      case HTML -> documents.html(TEMPLATE, model).getBytes(StandardCharsets.UTF_8);
      case PDF -> {
        if (!ExceptionReportDocuments.fitsInPdf(pack.plans(), documents.maxPdfCharacters())) {
          throw new TooLargeException(TOO_LONG_FOR_PDF);
        }
        yield documents.pdf(TEMPLATE, model, TOO_LONG_FOR_PDF);
      }
      default ->
          throw new InvalidInputException(
              "A board pack comes as pdf or html, not " + format.extension());
    };
  }
}
