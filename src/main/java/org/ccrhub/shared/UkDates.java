package org.ccrhub.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and months as people in the UK type them, and as UK spreadsheets write them: the day before
 * the month. One reader for every form, command and import that takes a date or a month.
 *
 * <p>A day: {@code 30/11/2026}, {@code 30-11-2026}, {@code 30.11.2026}, {@code 30/11/26}, {@code 30
 * Nov 2026}, {@code 30 November 2026}, {@code 30th November 2026}, {@code 30-Nov-26}, {@code Monday
 * 30 November 2026} or {@code 2026-11-30}; case, extra spaces, a trailing full stop and a time of
 * day after it (as a spreadsheet may add) do not matter. A two-digit year is in this century.
 * Impossible days such as {@code 31/02/2027} are not days.
 *
 * <p>A month: {@code 2026-11}, {@code 11/2026}, {@code Nov 2026}, {@code November 2026}, {@code
 * Nov-26}, or any day of it ({@code 30/11/2026} is November 2026), because spreadsheets often write
 * a month as its first or last day.
 */
public final class UkDates {

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("january", 1),
          Map.entry("feb", 2),
          Map.entry("february", 2),
          Map.entry("mar", 3),
          Map.entry("march", 3),
          Map.entry("apr", 4),
          Map.entry("april", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("june", 6),
          Map.entry("jul", 7),
          Map.entry("july", 7),
          Map.entry("aug", 8),
          Map.entry("august", 8),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("september", 9),
          Map.entry("oct", 10),
          Map.entry("october", 10),
          Map.entry("nov", 11),
          Map.entry("november", 11),
          Map.entry("dec", 12),
          Map.entry("december", 12));

  private static final String MONTH_NAME = "([a-z]{3,9})";
  private static final String WEEKDAY =
      "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,? )?";
  private static final String TIME = "(?:[ t]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z)?)?";

  private static final Pattern NUMERIC_DAY =
      Pattern.compile(WEEKDAY + "(\\d{1,2}) ?([/.-]) ?(\\d{1,2}) ?\\2 ?(\\d{4}|\\d{2})" + TIME);
  private static final Pattern ISO_DAY =
      Pattern.compile("(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})" + TIME);
  private static final Pattern NAMED_DAY =
      Pattern.compile(
          WEEKDAY
              + "(\\d{1,2})(?:st|nd|rd|th)?(?: of)?[ /-]"
              + MONTH_NAME
              + ",?[ /-](\\d{4}|\\d{2})"
              + TIME);
  private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern NUMERIC_MONTH = Pattern.compile("(\\d{1,2}) ?[/.-] ?(\\d{4})");
  private static final Pattern NAMED_MONTH =
      Pattern.compile(MONTH_NAME + ",?(?: |-|/|'|)(\\d{4}|\\d{2})");

  private UkDates() {}

  /** Longer text is no date or month, whatever it holds. */
  private static final int LONGEST = 100;

  /** The day the text means, or none when it is not a day (blank, other words, impossible). */
  public static Optional<LocalDate> day(String text) {
    if (text.length() > LONGEST) {
      return Optional.empty(); // no date is this long: not worth reading
    }
    String t = normal(text);
    try {
      Matcher m = NUMERIC_DAY.matcher(t);
      if (m.matches()) {
        return Optional.of(LocalDate.of(year(m.group(4)), number(m.group(3)), number(m.group(1))));
      }
      m = ISO_DAY.matcher(t);
      if (m.matches()) {
        return Optional.of(LocalDate.of(year(m.group(1)), number(m.group(3)), number(m.group(4))));
      }
      m = NAMED_DAY.matcher(t);
      if (m.matches() && MONTHS.containsKey(m.group(2))) {
        return Optional.of(
            LocalDate.of(year(m.group(3)), MONTHS.get(m.group(2)), number(m.group(1))));
      }
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The month the text means, or none when it is not a month. A day means its month, so {@code
   * 30/11/2026} is November 2026.
   */
  public static Optional<YearMonth> month(String text) {
    if (text.length() > LONGEST) {
      return Optional.empty(); // no date is this long: not worth reading
    }
    String t = normal(text);
    try {
      Matcher m = ISO_MONTH.matcher(t);
      if (m.matches()) {
        return Optional.of(YearMonth.of(year(m.group(1)), number(m.group(2))));
      }
      m = NUMERIC_MONTH.matcher(t);
      if (m.matches()) {
        return Optional.of(YearMonth.of(year(m.group(2)), number(m.group(1))));
      }
      m = NAMED_MONTH.matcher(t);
      if (m.matches() && MONTHS.containsKey(m.group(1))) {
        return Optional.of(YearMonth.of(year(m.group(2)), MONTHS.get(m.group(1))));
      }
    } catch (DateTimeException impossible) {
      return Optional.empty();
    }
    return day(t).map(YearMonth::from);
  }

  /** Lower case, single spaces, no surrounding space and no trailing full stop. */
  private static String normal(String text) {
    String t =
        text.toLowerCase(Locale.ROOT)
            .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
            .replaceAll("[\\s\\u00a0]+", " ");
    return TextEnds.strip(t, ".", true).strip();
  }

  private static int year(String digits) {
    int year = number(digits);
    return digits.length() == 2 ? 2000 + year : year;
  }

  private static int number(String digits) {
    return Integer.parseInt(digits);
  }
}
