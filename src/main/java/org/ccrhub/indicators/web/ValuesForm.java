package org.ccrhub.indicators.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Observation;
import org.ccrhub.indicators.Series;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.jspecify.annotations.Nullable;

/**
 * The grid for entering an indicator's values in one area: a row per period with the value, or the
 * numerator and denominator for percentages, rates and days. Each row also carries what it showed
 * when the form was opened ({@code seen}), so that a value someone else recorded meanwhile is not
 * overwritten unseen. Everything is kept as typed, so nothing is lost when the form comes back with
 * errors.
 */
class ValuesForm {

  /** At most this many rows are read from one form. */
  static final int MAX_ROWS = 24;

  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

  /** A problem with a cell, for the error summary and the message by the cell. */
  record CellError(String fieldId, String message) {}

  private String area = "";
  private List<Row> rows = new ArrayList<>();

  /** One period of the grid. */
  public static class Row {
    private String period = "";
    private String value = "";
    private String numerator = "";
    private String denominator = "";
    private String seen = "";

    static Row of(IndicatorPeriod period, Optional<Observation> current) {
      Row row = new Row();
      row.period = period.toString();
      current.ifPresent(
          o -> {
            row.value = text(o.value());
            row.numerator = text(o.numerator());
            row.denominator = text(o.denominator());
          });
      row.seen = seen(current);
      return row;
    }

    /** The period this row is for, or empty when the form was tampered with. */
    Optional<IndicatorPeriod> parsedPeriod() {
      try {
        return Optional.of(IndicatorPeriod.parse(period));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    /** The period as an id-safe key: {@code 2016-10}, {@code 2016-17-q2}. */
    public String key() {
      return period.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    public String label() {
      return parsedPeriod().map(IndicatorPeriod::label).orElse(period);
    }

    boolean isBlank() {
      return value.isBlank() && numerator.isBlank() && denominator.isBlank();
    }

    public String getPeriod() {
      return period;
    }

    public void setPeriod(@Nullable String period) {
      this.period = period == null ? "" : period;
    }

    public String getValue() {
      return value;
    }

    public void setValue(@Nullable String value) {
      this.value = value == null ? "" : value;
    }

    public String getNumerator() {
      return numerator;
    }

    public void setNumerator(@Nullable String numerator) {
      this.numerator = numerator == null ? "" : numerator;
    }

    public String getDenominator() {
      return denominator;
    }

    public void setDenominator(@Nullable String denominator) {
      this.denominator = denominator == null ? "" : denominator;
    }

    public String getSeen() {
      return seen;
    }

    public void setSeen(@Nullable String seen) {
      this.seen = seen == null ? "" : seen;
    }
  }

  /** The grid for these periods, filled in with the values recorded in the area. */
  static ValuesForm of(String area, List<IndicatorPeriod> periods, Series current) {
    ValuesForm form = new ValuesForm();
    form.area = area;
    periods.forEach(p -> form.rows.add(Row.of(p, current.at(p))));
    return form;
  }

  /** Whether the unit is entered as a numerator and a denominator. */
  static boolean hasParts(Unit unit) {
    return unit.isRatio();
  }

  /**
   * Checks every cell and turns the changed ones into entries; adds a problem for each bad cell,
   * and for each cell someone else changed since the form was opened (updating what it has seen, so
   * that saving again replaces theirs).
   */
  List<ValueEntry> entries(Indicator indicator, Series current, List<CellError> errors) {
    List<ValueEntry> entries = new ArrayList<>();
    Unit unit = indicator.unit();
    for (Row row : rows) {
      IndicatorPeriod period = row.parsedPeriod().orElseThrow();
      String label = period.label();
      Optional<Observation> now = current.at(period);
      if (row.isBlank()) {
        continue; // a blank cell keeps what is recorded: values are corrected, not removed
      }
      int before = errors.size();
      BigDecimal value = null;
      BigDecimal numerator = null;
      BigDecimal denominator = null;
      if (hasParts(unit)) {
        numerator = parse(row.numerator, "numerator", row, label, errors);
        denominator = parse(row.denominator, "denominator", row, label, errors);
        boolean populationGiven = unit == Unit.RATE_PER_1000 && indicator.population() != null;
        if (row.numerator.isBlank()) {
          errors.add(new CellError("numerator-" + row.key(), "Enter the numerator for " + label));
        }
        if (row.denominator.isBlank() && !populationGiven) {
          errors.add(
              new CellError(
                  "denominator-" + row.key(),
                  "Enter the "
                      + (unit == Unit.RATE_PER_1000 ? "population" : "denominator")
                      + " for "
                      + label));
        }
        if (numerator != null && numerator.signum() < 0) {
          errors.add(
              new CellError(
                  "numerator-" + row.key(), "The numerator for " + label + " cannot be negative"));
        }
        if (denominator != null && denominator.signum() < 0) {
          errors.add(
              new CellError(
                  "denominator-" + row.key(),
                  "The denominator for " + label + " cannot be negative"));
        }
      } else {
        value = parse(row.value, "value", row, label, errors);
        if (value != null && unit == Unit.COUNT) {
          if (value.signum() < 0) {
            errors.add(
                new CellError(
                    "value-" + row.key(), "The count for " + label + " cannot be negative"));
          } else if (value.stripTrailingZeros().scale() > 0) {
            errors.add(
                new CellError(
                    "value-" + row.key(), "The count for " + label + " must be a whole number"));
          }
        }
      }
      if (errors.size() > before) {
        continue;
      }
      String typed = seen(value, numerator, denominator);
      String recorded = seen(now);
      if (typed.equals(row.seen)) {
        continue; // not changed by this person
      }
      if (!recorded.equals(row.seen) && !typed.equals(recorded)) {
        String field = (hasParts(unit) ? "numerator-" : "value-") + row.key();
        errors.add(
            new CellError(
                field,
                "Someone else recorded "
                    + (recorded.isEmpty() ? "nothing" : describe(now.orElseThrow()))
                    + " for "
                    + label
                    + " since you opened this page. Check your value and save again to replace"
                    + " theirs"));
        row.seen = recorded;
        continue;
      }
      entries.add(
          new ValueEntry(indicator.id(), area.strip(), period, value, numerator, denominator));
    }
    return entries;
  }

  private static @Nullable BigDecimal parse(
      String typed, String what, Row row, String label, List<CellError> errors) {
    String text = typed.strip().replace(",", "");
    if (text.isEmpty()) {
      return null;
    }
    if (!NUMBER.matcher(text).matches()) {
      errors.add(
          new CellError(
              what + "-" + row.key(),
              "Enter the " + what + " for " + label + " as a number, like 1114 or 53.7"));
      return null;
    }
    return new BigDecimal(text);
  }

  private static String text(@Nullable BigDecimal number) {
    return number == null ? "" : IndicatorPages.number(number).replace(",", "");
  }

  /** What a cell holds, comparable whatever the number's scale: {@code 12|5|}. */
  private static String seen(Optional<Observation> o) {
    return o.map(v -> seen(v.value(), v.numerator(), v.denominator())).orElse("");
  }

  private static String seen(
      @Nullable BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator) {
    if (value == null && numerator == null && denominator == null) {
      return "";
    }
    return text(value) + "|" + text(numerator) + "|" + text(denominator);
  }

  private static String describe(Observation o) {
    return o.value() != null
        ? IndicatorPages.number(o.value())
        : IndicatorPages.number(o.numerator())
            + " out of "
            + IndicatorPages.number(o.denominator());
  }

  public String getArea() {
    return area;
  }

  public void setArea(@Nullable String area) {
    this.area = area == null ? "" : area;
  }

  public List<Row> getRows() {
    return rows;
  }

  public void setRows(List<Row> rows) {
    this.rows = rows;
  }
}
