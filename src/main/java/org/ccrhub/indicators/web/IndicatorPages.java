package org.ccrhub.indicators.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Ratio;
import org.ccrhub.indicators.Unit;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the indicator pages share: who records values, the month a page shows, and figures written
 * for people (thousands separated, a percentage with one decimal place and a % sign).
 */
final class IndicatorPages {

  /** The months offered to choose from, newest first: ten years at most. */
  private static final int MONTH_OPTIONS = 120;

  private static final DateTimeFormatter SHORT_MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
  private static final DateTimeFormatter LONG_MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private IndicatorPages() {}

  static CurrentRoles roles(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
        ? roles
        : new CurrentRoles(Set.of());
  }

  /** Administrators, strategic leads and analysts record values (and will import them). */
  static boolean recordsValues(CurrentRoles roles) {
    return IndicatorImport.recordsValues(roles);
  }

  static void requireRecorder(HttpServletRequest request) {
    if (!recordsValues(roles(request))) {
      throw new AccessDeniedException(IndicatorImport.RECORDERS);
    }
  }

  /** Administrators, strategic leads and analysts import and change indicator definitions. */
  static void requireImporter(HttpServletRequest request) {
    if (!recordsValues(roles(request))) {
      throw new AccessDeniedException(
          "Only administrators, strategic leads and analysts manage indicators");
    }
  }

  /**
   * The month a page shows, the data month: the one asked for, or else the latest month with a
   * figure for every indicator ({@link DataMonth}), which is also kept to say so.
   */
  record MonthChoice(DataMonth dataMonth, DataMonth latest, @Nullable String error) {

    YearMonth month() {
      return dataMonth.month();
    }

    /** What the page says of the default month: the latest with every figure (or the most). */
    String about() {
      if (!latest.anyFigure()) {
        return latest.shown() == 0 ? "" : "No indicator has a value yet.";
      }
      String which =
          latest.complete()
              ? "the latest month with a figure for every indicator"
              : "the latest month with figures for the most indicators";
      return latest.month().equals(dataMonth.month())
          ? longMonth(latest.month()) + " is " + which + "."
          : capitalised(which) + " is " + longMonth(latest.month()) + ".";
    }
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Reads {@code ?to=} ({@code 2016-10}, {@code 10/2016}, {@code Oct 2016}...): blank means the
   * default data month of every indicator up to this month (last month when there are no values);
   * anything that is not a month gives that default with an error to show.
   */
  static MonthChoice month(@Nullable String to, IndicatorData data, YearMonth today) {
    DataMonth fallback = data.dataMonth(today, today.minusMonths(1), i -> true);
    if (to == null || to.isBlank()) {
      return new MonthChoice(fallback, fallback, null);
    }
    try {
      IndicatorPeriod period = IndicatorPeriod.parse(to);
      if (period.isMonth()) {
        return new MonthChoice(data.dataMonthAt(period.first(), i -> true), fallback, null);
      }
    } catch (InvalidInputException | IllegalArgumentException e) {
      // not a period at all: the same message as for a quarter or a year
    }
    return new MonthChoice(
        fallback, fallback, "Select a month from the list, for example " + fallback.monthText());
  }

  /** The months from the earliest with a value to the latest, newest first, with the one shown. */
  static List<YearMonth> monthOptions(IndicatorData data, YearMonth shown) {
    YearMonth last = data.lastMonth().orElse(shown);
    YearMonth first = last;
    for (Indicator i : data.indicators()) {
      YearMonth start = data.series(i, IndicatorData.OWN_AREA).firstMonth().orElse(first);
      if (start.isBefore(first)) {
        first = start;
      }
    }
    if (shown.isAfter(last)) {
      last = shown;
    }
    if (shown.isBefore(first)) {
      first = shown;
    }
    List<YearMonth> options = new ArrayList<>();
    for (YearMonth m = last;
        !m.isBefore(first) && options.size() < MONTH_OPTIONS;
        m = m.minusMonths(1)) {
      options.add(m);
    }
    if (!options.contains(shown)) {
      options.add(shown);
    }
    return options;
  }

  /** {@code Oct 2016}. */
  static String shortMonth(YearMonth month) {
    return SHORT_MONTH.format(month);
  }

  /** {@code October 2016}. */
  static String longMonth(YearMonth month) {
    return LONG_MONTH.format(month);
  }

  /** {@code 14 June 2016 at 3:45pm}, in UK time. */
  static String when(Instant instant) {
    return Dates.time(instant);
  }

  /** Decimal places shown for a unit: none for counts, two for money, one otherwise. */
  static int decimals(Unit unit) {
    return switch (unit) {
      case COUNT -> 0;
      case MONEY -> 2;
      default -> 1;
    };
  }

  /** The figure rounded as the unit is shown, for charts. */
  static BigDecimal rounded(Ratio figure, Unit unit) {
    return figure.rounded(decimals(unit));
  }

  /** A figure as people read it: {@code 1,114}, {@code 53.7%}, {@code 4.2 per 1,000}. */
  static String figure(Ratio figure, Unit unit) {
    return withUnit(grouped(figure.rounded(decimals(unit)), decimals(unit)), unit);
  }

  /** A value as entered (a target, a baseline value) with its unit. */
  static String figure(BigDecimal value, Unit unit) {
    return withUnit(
        grouped(value.setScale(decimals(unit), RoundingMode.HALF_UP), decimals(unit)), unit);
  }

  private static String withUnit(String number, Unit unit) {
    return switch (unit) {
      case PERCENTAGE -> number + "%";
      case RATE_PER_1000 -> number + " per 1,000";
      case MONEY -> number.startsWith("-") ? "-£" + number.substring(1) : "£" + number;
      case DAYS -> number + " days";
      case COUNT -> number;
    };
  }

  /** A plain number with thousands separated, as many decimals as it has: {@code 12,400.5}. */
  static String number(@Nullable BigDecimal value) {
    if (value == null) {
      return "";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    int scale = Math.max(0, stripped.scale());
    return grouped(stripped.setScale(scale, RoundingMode.UNNECESSARY), scale);
  }

  private static String grouped(BigDecimal value, int decimals) {
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.UK));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  static Optional<String> blankToEmpty(@Nullable String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }
}
