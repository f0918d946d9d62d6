package org.ccrhub.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * A date typed as the GOV.UK date input asks for it: day, month and year in three boxes, bound from
 * the request parameters {@code <field>.day}, {@code <field>.month} and {@code <field>.year} (the
 * fragment {@code fragments :: date-input} shows it). {@link #read} turns it into a date, or puts
 * the GOV.UK message on the form ("Enter …", "… must include a month", "… must be a real date") and
 * remembers which boxes are wrong, so that only they are shown in error.
 *
 * <p>People type dates many ways, and what is meaningful is accepted: spaces around the numbers,
 * leading zeros, a month as a name ("Mar", "March"), and a two-digit year ("27" is 2027).
 */
public final class DateInput {

  /** The boxes, in the order they are shown. */
  public static final List<String> PARTS = List.of("day", "month", "year");

  /**
   * The years a date typed in CCR Hub can have: a date of birth of someone alive, a plan's date, a
   * deadline. A year outside is a slip of the keyboard, like 0001 or 2926.
   */
  static final int FIRST_YEAR = 1900;

  static final int LAST_YEAR = 2199;

  private String day = "";
  private String month = "";
  private String year = "";
  private final Set<String> wrong = new LinkedHashSet<>();

  public DateInput() {}

  /** The boxes filled in with the date, or left empty. */
  public static DateInput of(Optional<LocalDate> date) {
    DateInput input = new DateInput();
    date.ifPresent(
        d -> {
          input.day = String.valueOf(d.getDayOfMonth());
          input.month = String.valueOf(d.getMonthValue());
          input.year = String.valueOf(d.getYear());
        });
    return input;
  }

  public static DateInput of(LocalDate date) {
    return of(Optional.of(date));
  }

  /** Nothing typed in any box. */
  public boolean isBlank() {
    return day.isBlank() && month.isBlank() && year.isBlank();
  }

  /** Whether the box ({@code day}, {@code month} or {@code year}) is shown in error. */
  public boolean isWrong(String part) {
    return wrong.contains(part);
  }

  /** What was typed in a box, to show it again. */
  public String part(String part) {
    return switch (part) {
      case "day" -> day;
      case "month" -> month;
      case "year" -> year;
      default -> throw new IllegalArgumentException("No such part of a date: " + part);
    };
  }

  /**
   * The date typed, if it is one. Otherwise the message goes on the field's first wrong box ({@code
   * <field>.day}, ...), so that the error summary leads to it; a date left blank is no date when
   * optional and an error ("Enter …") when required.
   *
   * @param field the form's property that holds this input, e.g. {@code due}
   * @param what the date in words, as it reads after "Enter", e.g. {@code the due date}
   */
  public Optional<LocalDate> read(String field, String what, boolean required, Errors errors) {
    wrong.clear();
    if (isBlank()) {
      if (required) {
        return reject(field, "Enter " + what, PARTS, errors);
      }
      return Optional.empty();
    }
    Reading reading = reading();
    if (reading.date().isPresent()) {
      return reading.date();
    }
    String subject = Character.toUpperCase(what.charAt(0)) + what.substring(1);
    return reject(field, subject + reading.problem(), reading.parts(), errors);
  }

  /** The date typed, if the boxes hold one; nothing for blank or wrong boxes. */
  public Optional<LocalDate> date() {
    return isBlank() ? Optional.empty() : reading().date();
  }

  /** A date, or what is wrong (to follow its name) and in which boxes. */
  private record Reading(Optional<LocalDate> date, String problem, List<String> parts) {
    static Reading of(LocalDate date) {
      return new Reading(Optional.of(date), "", List.of());
    }

    static Reading wrong(String problem, List<String> parts) {
      return new Reading(Optional.empty(), problem, parts);
    }
  }

  private Reading reading() {
    List<String> missing = new ArrayList<>();
    for (String part : PARTS) {
      if (part(part).isBlank()) {
        missing.add(part);
      }
    }
    if (!missing.isEmpty()) {
      return Reading.wrong(" must include a " + String.join(" and ", missing), missing);
    }
    Integer d = number(day);
    Integer m = month(month);
    Integer y = number(year);
    List<String> notNumbers = new ArrayList<>();
    if (d == null || d < 1 || d > 31) {
      notNumbers.add("day");
    }
    if (m == null || m < 1 || m > 12) {
      notNumbers.add("month");
    }
    if (y == null) {
      notNumbers.add("year");
    }
    if (!notNumbers.isEmpty()) {
      return Reading.wrong(" must be a real date", notNumbers);
    }
    String yearText = year.strip();
    if (yearText.length() == 2) {
      y = 2000 + y;
    } else if (yearText.length() != 4) {
      return Reading.wrong(" must include a year with 4 numbers, like 2027", List.of("year"));
    }
    if (y < FIRST_YEAR || y > LAST_YEAR) {
      return Reading.wrong(
          " must have a year from " + FIRST_YEAR + " to " + LAST_YEAR, List.of("year"));
    }
    try {
      return Reading.of(LocalDate.of(y, m, d));
    } catch (DateTimeException e) {
      // 31 in a month of 30 days, or 29 February in a year that is not a leap year
      return Reading.wrong(" must be a real date", List.of("day"));
    }
  }

  /** A problem found after the date was read (e.g. it is too early): every box is in error. */
  public void reject(String field, String message, Errors errors) {
    reject(field, message, PARTS, errors);
  }

  private Optional<LocalDate> reject(
      String field, String message, List<String> parts, Errors errors) {
    wrong.addAll(parts);
    errors.rejectValue(field + "." + parts.get(0), "date", message);
    return Optional.empty();
  }

  private static Integer number(String text) {
    String t = text.strip();
    return t.matches("\\d{1,4}") ? Integer.valueOf(t) : null;
  }

  /** A month as a number, or as its name in full or in short ("Sept" too). */
  private static Integer month(String text) {
    Integer n = number(text);
    if (n != null) {
      return n;
    }
    String t = text.strip().toLowerCase(Locale.UK);
    if (t.length() >= 3) {
      for (Month month : Month.values()) {
        String name = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK);
        if (name.startsWith(t)) {
          return month.getValue();
        }
      }
    }
    return null;
  }

  public String getDay() {
    return day;
  }

  public void setDay(String day) {
    this.day = day == null ? "" : day;
  }

  public String getMonth() {
    return month;
  }

  public void setMonth(String month) {
    this.month = month == null ? "" : month;
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = year == null ? "" : year;
  }
}
