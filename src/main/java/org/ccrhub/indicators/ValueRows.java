package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an indicator values file, each checked against its indicator: a total takes no values
 * of its own (they are worked out from its parts); a percentage or average number of days has both
 * its numerator and denominator or neither; a count is never negative; and each indicator, period
 * and area has one value in the file.
 *
 * <p>A percentage, rate or number of days given only as a numerator and denominator is stored with
 * its value worked out from them (one decimal place, half up), so that each period shows a figure;
 * figures over several months are still worked out from the numerators and denominators.
 */
final class ValueRows {

  /** The columns of the values file format, with the other names people give them. */
  static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("indicator", List.of("indicator", "ref", "indicatorref", "reference", "code"));
    COLUMNS.put("period", List.of("period", "month", "quarter", "year", "date"));
    COLUMNS.put("value", List.of("value", "figure", "actual", "result", "count", "amount"));
    COLUMNS.put("numerator", List.of("numerator", "num"));
    COLUMNS.put("denominator", List.of("denominator", "population", "denom", "base"));
    COLUMNS.put("area", List.of("area", "comparator", "geography", "location", "place"));
  }

  static final List<String> REQUIRED = List.of("indicator", "period");

  private static final int MOST_AREA = 100;
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** A checked row: the value it gives. */
  record Row(int number, ValueEntry entry) {}

  private final Map<String, Integer> columns;
  private final Map<String, Indicator> indicators = new HashMap<>();
  private final Map<String, String> areas = new HashMap<>();
  private final List<ImportProblem> errors;
  private final List<ImportProblem> warnings;

  private ValueRows(
      Map<String, Integer> columns,
      List<Indicator> indicators,
      List<String> knownAreas,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    this.columns = columns;
    indicators.forEach(i -> this.indicators.put(key(i.ref()), i));
    knownAreas.forEach(area -> areas.putIfAbsent(key(area), area));
    this.errors = errors;
    this.warnings = warnings;
  }

  /**
   * Checks every row against the partnership's indicators, adding what is wrong to {@code errors},
   * and returns the rows without errors. An area written as one already known, in other capitals,
   * takes the known spelling.
   */
  static List<Row> check(
      Table table,
      Map<String, Integer> columns,
      List<Indicator> indicators,
      List<String> knownAreas,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    return new ValueRows(columns, indicators, knownAreas, errors, warnings).check(table);
  }

  private List<Row> check(Table table) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Table.Row line : table.rows()) {
      if (line.isBlank()) {
        continue;
      }
      int errorsBefore = errors.size();
      ValueEntry entry = read(line, seen);
      if (entry != null && errors.size() == errorsBefore) {
        rows.add(new Row(line.number(), entry));
      }
    }
    return rows;
  }

  private @Nullable ValueEntry read(Table.Row line, Map<String, Integer> seen) {
    int n = line.number();
    String ref = cell(line, "indicator");
    Indicator indicator = null;
    if (ref.isEmpty()) {
      error(n, "indicator", "", "Say which indicator the value is for: give its ref");
    } else {
      indicator = indicators.get(key(ref));
      if (indicator == null) {
        error(
            n,
            "indicator",
            ref,
            "There is no indicator " + ref + " in this partnership: import its definition first");
      } else if (indicator.isComposite()) {
        error(
            n,
            "indicator",
            ref,
            indicator.ref()
                + " is the total of "
                + String.join(", ", indicator.sumOf())
                + ": its values are worked out from theirs, so it takes none of its own");
        indicator = null;
      }
    }

    String periodText = cell(line, "period");
    IndicatorPeriod period = null;
    try {
      period = IndicatorPeriod.parse(periodText);
    } catch (RuntimeException e) {
      error(n, "period", periodText, DefinitionRows.reason(e, periodText, "period"));
    }
    if (indicator != null && period != null && period.months() != indicator.frequency().months()) {
      warning(
          n,
          "period",
          periodText,
          indicator.ref()
              + " is reported "
              + indicator.frequency().label()
              + " but this value is for a "
              + (period.months() == 1 ? "month" : period.months() == 3 ? "quarter" : "year")
              + ": it is recorded as given");
    }

    String areaText = cell(line, "area");
    String area = IndicatorData.OWN_AREA;
    if (areaText.length() > MOST_AREA) {
      error(n, "area", areaText, "An area's name must be 100 characters or fewer");
    } else if (!areaText.isEmpty()) {
      area = areas.computeIfAbsent(key(areaText), k -> areaText);
    }

    int errorsBeforeNumbers = errors.size();
    BigDecimal value = number(line, "value");
    BigDecimal numerator = number(line, "numerator");
    BigDecimal denominator = number(line, "denominator");
    if (errors.size() > errorsBeforeNumbers) {
      return null;
    }
    if (value == null && numerator == null) {
      error(n, "value", "", "Give a value, or a numerator and a denominator");
      return null;
    }
    if (indicator == null || period == null) {
      return null;
    }

    Unit unit = indicator.unit();
    if (!unit.isRatio()) {
      String label = unit == Unit.COUNT ? "A count" : "An amount of money";
      if (value == null) {
        value = numerator;
      } else if (numerator != null) {
        warning(
            n,
            "numerator",
            cell(line, "numerator"),
            label + " has a single value: the numerator is ignored");
      }
      numerator = null;
      if (denominator != null) {
        warning(
            n,
            "denominator",
            cell(line, "denominator"),
            label + " has no denominator: it is ignored");
        denominator = null;
      }
      if (unit == Unit.COUNT && value.signum() < 0) {
        String column = cell(line, "value").isEmpty() ? "numerator" : "value";
        error(n, column, cell(line, column), "A count cannot be negative");
      }
    } else if (!ratioChecked(line, indicator, value, numerator, denominator)) {
      return null;
    } else if (numerator != null && denominator != null) {
      BigDecimal exact =
          numerator
              .multiply(BigDecimal.valueOf(unit.scale()))
              .divide(denominator, 10, RoundingMode.HALF_UP);
      if (value == null) {
        value = exact.setScale(1, RoundingMode.HALF_UP);
      } else if (value.subtract(exact).abs().compareTo(HALF) > 0) {
        warning(
            n,
            "value",
            cell(line, "value"),
            "The value does not match the numerator and denominator, which give "
                + Figures.plain(exact.setScale(1, RoundingMode.HALF_UP))
                + ": figures over several months are worked out from the numerators and"
                + " denominators");
      }
    }

    String duplicate = indicator.id() + "\u0000" + period + "\u0000" + key(area);
    Integer first = seen.putIfAbsent(duplicate, n);
    if (first != null) {
      error(
          n,
          "period",
          periodText,
          "The value of "
              + indicator.ref()
              + " for "
              + period
              + (area.isEmpty() ? "" : " in " + area)
              + " is already on row "
              + first);
      return null;
    }
    return new ValueEntry(indicator.id(), area, period, value, numerator, denominator);
  }

  /** The numerator and denominator of a percentage, rate or days make sense together. */
  private boolean ratioChecked(
      Table.Row line,
      Indicator indicator,
      @Nullable BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator) {
    int n = line.number();
    int before = errors.size();
    Unit unit = indicator.unit();
    String kind =
        switch (unit) {
          case PERCENTAGE -> "A percentage";
          case RATE_PER_1000 -> "A rate";
          default -> "An average number of days";
        };
    if (numerator != null && numerator.signum() < 0) {
      error(n, "numerator", cell(line, "numerator"), "The numerator cannot be negative");
    }
    if (denominator != null && denominator.signum() <= 0) {
      error(n, "denominator", cell(line, "denominator"), "The denominator must be more than 0");
    }
    if (numerator == null && denominator != null) {
      error(
          n,
          "numerator",
          "",
          kind + " needs its numerator with the denominator: give both, or neither");
    } else if (numerator != null && denominator == null) {
      if (unit != Unit.RATE_PER_1000) {
        error(
            n,
            "denominator",
            "",
            kind + " needs its denominator with the numerator: give both, or neither");
      } else if (indicator.population() == null) {
        error(
            n,
            "denominator",
            "",
            "A rate needs a denominator (the population): "
                + indicator.ref()
                + " has no population of its own");
      }
    }
    if (unit == Unit.PERCENTAGE
        && errors.size() == before
        && numerator != null
        && denominator != null
        && numerator.compareTo(denominator) > 0) {
      error(
          n,
          "numerator",
          cell(line, "numerator"),
          "The numerator ("
              + Figures.plain(numerator)
              + ") cannot be more than the denominator ("
              + Figures.plain(denominator)
              + "): a percentage is a part of the whole");
    }
    if (unit == Unit.PERCENTAGE && value != null && value.signum() < 0) {
      error(n, "value", cell(line, "value"), "A percentage cannot be negative");
    }
    return errors.size() == before;
  }

  private @Nullable BigDecimal number(Table.Row line, String column) {
    String text = cell(line, column);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return ImportedNumbers.parse(text);
    } catch (InvalidInputException e) {
      error(line.number(), column, text, e.getMessage());
      return null;
    }
  }

  private String cell(Table.Row line, String column) {
    return line.cell(columns.getOrDefault(column, -1));
  }

  private void error(int row, String column, String value, String reason) {
    errors.add(new ImportProblem(row, column, value, reason));
  }

  private void warning(int row, String column, String value, String reason) {
    warnings.add(new ImportProblem(row, column, value, reason));
  }

  private static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
