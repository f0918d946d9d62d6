package org.ccrhub.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccrhub.shared.InvalidInputException;

/** A day typed by a person: 13/1/2017, 13-01-2017, 2017-01-13 or 13 January 2017. */
public final class DayText {

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("d/M/uuuu"),
          DateTimeFormatter.ofPattern("d-M-uuuu"),
          DateTimeFormatter.ofPattern("d.M.uuuu"),
          DateTimeFormatter.ofPattern("uuuu-M-d"),
          DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK),
          DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));

  private DayText() {}

  /**
   * The day, or none when the text is blank.
   *
   * @throws InvalidInputException naming the text when it is not a day
   */
  public static Optional<LocalDate> parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : FORMATS) {
      try {
        return Optional.of(LocalDate.parse(t, format.withResolverStyle(ResolverStyle.STRICT)));
      } catch (DateTimeParseException e) {
        // try the next way of writing it
      }
    }
    throw new InvalidInputException(
        "'" + t + "' is not a date: write it like 13/1/2017 or 2017-01-13");
  }
}
