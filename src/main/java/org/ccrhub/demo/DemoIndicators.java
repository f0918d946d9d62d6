package org.ccrhub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.TableWriter;
import org.springframework.stereotype.Component;

/**
 * Demo indicators ({@code demo/indicators.csv}, written for the demo) with two years of monthly
 * values to the last full month, for the partnership and a comparator, loaded through the real
 * import. The values are made up by a fixed formula (trend, season and a repeatable wobble), so
 * every demo shows the same figures.
 */
@Component
class DemoIndicators {

  static final String COMPARATOR = "Similar areas average";
  static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);
  private static final int MONTHS = 24;
  private static final int POPULATION = 265_000;

  private final Indicators indicators;
  private final IndicatorImport imports;

  DemoIndicators(Indicators indicators, IndicatorImport imports) {
    this.indicators = indicators;
    this.imports = imports;
  }

  void fill(Partnership partnership) {
    if (!indicators.findAll(partnership).isEmpty()) {
      return;
    }
    imports.importDefinitions(partnership, read("demo/indicators.csv"));
    List<List<String>> rows = new ArrayList<>();
    YearMonth first = LAST_MONTH.minusMonths(MONTHS - 1L);
    for (int i = 0; i < MONTHS; i++) {
      YearMonth month = first.plusMonths(i);
      for (String area : List.of("", COMPARATOR)) {
        boolean own = area.isEmpty();
        int marac = count(own ? 31 : 33, own ? 0.012 : 0.004, 0, 3, i, area + "marac");
        count(rows, "1.1", month, area, marac);
        int repeats = (int) Math.round(marac * (own ? 0.31 : 0.28) + wobble(i, area + "rep") * 2);
        ratio(rows, "1.2", month, area, Math.max(0, Math.min(marac, repeats)), marac);
        count(
            rows,
            "2.1",
            month,
            area,
            count(own ? 205 : 212, own ? -0.004 : -0.001, 12, 9, i, area + "da"));
        count(rows, "2.2", month, area, count(own ? 38 : 35, 0.005, 3, 5, i, area + "sx"));
        count(
            rows,
            "2.3",
            month,
            area,
            count(own ? 64 : 58, own ? 0.01 : 0.006, 4, 6, i, area + "st"));
        int closed = count(own ? 45 : 48, 0, 0, 6, i, area + "idva");
        double safer = (own ? 0.79 : 0.81) + (own ? 0.002 : 0.0005) * i;
        ratio(
            rows,
            "3.1",
            month,
            area,
            (int) Math.round(closed * safer + wobble(i, area + "safe") * 2),
            closed);
        ratio(
            rows,
            "3.2",
            month,
            area,
            count(own ? 470 : 455, 0.002, 25, 20, i, area + "inc"),
            POPULATION);
        if (own) {
          count(rows, "4.1", month, area, count(3, 0.06, 0, 1.5, i, "dvpp"));
          count(rows, "4.2", month, area, count(0.2, 0, 0, 0.8, i, "hp"));
        }
      }
    }
    imports.importValues(
        partnership,
        TableWriter.csv(
            List.of("indicator", "period", "value", "numerator", "denominator", "area"), rows));
  }

  /** A month's count: a base with a trend, a season (peaks in summer and December) and a wobble. */
  private static int count(
      double base, double trend, double season, double wobble, int month, String key) {
    int calendarMonth = LAST_MONTH.minusMonths(MONTHS - 1L - month).getMonthValue();
    double seasonal =
        switch (calendarMonth) {
          case 6, 7, 8, 12 -> season;
          case 2, 3, 4 -> -season;
          default -> 0;
        };
    return (int)
        Math.max(
            0, Math.round(base * (1 + trend * month) + seasonal + wobble(month, key) * wobble));
  }

  /** A repeatable number between -1 and 1 for the month and series. */
  private static double wobble(int month, String key) {
    long h = (key.hashCode() * 31L + month) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return ((h & 0xFFFF) / 32767.5) - 1;
  }

  private static void count(
      List<List<String>> rows, String ref, YearMonth month, String area, int value) {
    rows.add(List.of(ref, month.toString(), Integer.toString(value), "", "", area));
  }

  private static void ratio(
      List<List<String>> rows,
      String ref,
      YearMonth month,
      String area,
      int numerator,
      int denominator) {
    rows.add(
        List.of(
            ref,
            month.toString(),
            "",
            Integer.toString(numerator),
            Integer.toString(denominator),
            area));
  }

  private static byte[] read(String resource) {
    try (InputStream in = DemoIndicators.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
