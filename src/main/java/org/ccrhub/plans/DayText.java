package org.ccrhub.plans;

import java.time.LocalDate;
import java.util.Optional;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.UkDates;

/**
 * A day typed by a person, the UK way: 13/1/2017, 13-01-2017, 13 Jan 2017, 13 January 2017 or
 * 2017-01-13 ({@link UkDates}).
 */
public final class DayText {

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
    return Optional.of(
        UkDates.day(t)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "'" + t + "' is not a date: write it like 13/1/2017 or 13 January 2017")));
  }
}
