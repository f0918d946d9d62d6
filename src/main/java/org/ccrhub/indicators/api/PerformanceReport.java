package org.ccrhub.indicators.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.PerformanceTable;
import org.ccrhub.indicators.Suppression;
import org.jspecify.annotations.Nullable;

/**
 * The performance table as the CSV file has it, a row per indicator with exactly the CSV's columns,
 * made from the same rows ({@link PerformanceTable.Row#cells}): the same figures, rounded the same
 * way, and the same small numbers suppressed. A suppressed figure is {@code null}, and its field is
 * named in the row's {@code suppressed} list, so that a program can tell it from a figure that is
 * not defined (also {@code null}, not listed).
 */
@Schema(description = "The performance table for the 12 months to a month")
record PerformanceReport(
    @Schema(
            description =
                "The month the 12-month figures end at (an indicator reported quarterly or yearly"
                    + " ends at its last whole quarter or year by then)",
            example = "2016-10")
        String month,
    @Schema(
            description =
                "The comparator area the comparator change is for; null when each indicator is"
                    + " compared with its own first comparator, or none has one")
        @Nullable String comparator,
    @Schema(
            description =
                "Counts from 1 to one less than this are suppressed, and figures from which they"
                    + " could be worked out; 0 when nothing is suppressed")
        @JsonProperty("suppression_threshold")
        int suppressionThreshold,
    @Schema(description = "One row per indicator with a figure for the month, in ref order")
        List<PerformanceRow> rows,
    @Schema(description = "The indicators with no figure for the month, left out of the rows")
        List<MissingFigure> missing) {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  /** The CSV's columns as this answer reads them, by position. */
  private static final List<String> COLUMNS =
      List.of(
          "ref",
          "name",
          "previous_12_months",
          "current_12_months",
          "change_pct",
          "change_points",
          "baseline",
          "change_vs_baseline_pct",
          "comparator_change_pct",
          "target",
          "rating");

  /** A row of the table: the CSV's fields, and which of its figures are suppressed. */
  @Schema(description = "One indicator's row, with exactly the performance CSV's fields")
  record PerformanceRow(
      String ref,
      String name,
      @JsonProperty("previous_12_months") @Nullable BigDecimal previous12Months,
      @JsonProperty("current_12_months") @Nullable BigDecimal current12Months,
      @Schema(description = "The change on the previous 12 months, in percent")
          @JsonProperty("change_pct")
          @Nullable BigDecimal changePct,
      @Schema(
              description =
                  "For a percentage or a rate, the change in points (the difference of the two"
                      + " figures)")
          @JsonProperty("change_points")
          @Nullable BigDecimal changePoints,
      @Nullable BigDecimal baseline,
      @JsonProperty("change_vs_baseline_pct") @Nullable BigDecimal changeVsBaselinePct,
      @JsonProperty("comparator_change_pct") @Nullable BigDecimal comparatorChangePct,
      @Schema(description = "The target the figure is measured against")
          @Nullable BigDecimal target,
      @Schema(
              description = "Green, Amber/Green, Amber, Amber/Red or Red; null when not rated",
              example = "Amber/Green")
          @Nullable String rating,
      @Schema(
              description =
                  "The fields whose figure is suppressed to protect the people behind small"
                      + " numbers (the CSV shows <5 or [c]): each is null here. A null field"
                      + " not listed is a figure that is not defined (the CSV's blank).",
              example = "[\"previous_12_months\", \"change_pct\"]")
          List<String> suppressed) {}

  /** An indicator left out because it has no figure for the month. */
  @Schema(description = "An indicator with no figure for the month")
  record MissingFigure(
      String ref,
      String name,
      @Schema(description = "The period of its latest value; null when it has none")
          @JsonProperty("latest_period")
          @Nullable String latestPeriod) {}

  static PerformanceReport of(PerformanceTable table) {
    Suppression suppression = table.suppression();
    return new PerformanceReport(
        table.month().toString(),
        table.comparator().isEmpty() ? null : table.comparator(),
        suppression.isOn() ? suppression.threshold() : 0,
        table.rows().stream().map(row -> row(row.cells(), suppression)).toList(),
        table.missing().stream().map(PerformanceReport::missing).toList());
  }

  /** A row from the CSV's cells, in {@link PerformanceTable#CSV_COLUMNS} order. */
  static PerformanceRow row(List<String> cells, Suppression suppression) {
    List<String> columns = PerformanceTable.CSV_COLUMNS;
    if (!columns.equals(COLUMNS) || cells.size() != columns.size()) {
      throw new IllegalStateException("The performance CSV has columns this API does not know");
    }
    List<String> suppressed = new ArrayList<>();
    BigDecimal[] figures = new BigDecimal[columns.size()];
    for (int i = 2; i < columns.size() - 1; i++) {
      figures[i] = figure(columns.get(i), cells.get(i), suppression, suppressed);
    }
    return new PerformanceRow(
        cells.get(0),
        cells.get(1),
        figures[2],
        figures[3],
        figures[4],
        figures[5],
        figures[6],
        figures[7],
        figures[8],
        figures[9],
        cells.get(10).isEmpty() ? null : cells.get(10),
        List.copyOf(suppressed));
  }

  private static @Nullable BigDecimal figure(
      String column, String cell, Suppression suppression, List<String> suppressed) {
    if (cell.isEmpty()) {
      return null;
    }
    if (PLAIN_NUMBER.matcher(cell).matches()) {
      return new BigDecimal(cell);
    }
    if (cell.equals(Suppression.DERIVED) || cell.equals(suppression.hiddenCount())) {
      suppressed.add(column);
      return null;
    }
    throw new IllegalStateException("A performance cell is neither a figure nor suppressed");
  }

  private static MissingFigure missing(DataMonth.Missing m) {
    return new MissingFigure(
        m.indicator().ref(),
        m.indicator().name(),
        m.latest() == null ? null : m.latest().toString());
  }
}
