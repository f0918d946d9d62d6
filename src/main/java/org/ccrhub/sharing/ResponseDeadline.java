package org.ccrhub.sharing;

import java.time.LocalDate;
import org.ccrhub.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * When a request for information is due. A request is due on the date the requester needs it by
 * when they gave one, whether that is earlier or later than the standard time: it is the date they
 * asked for, and the asked agency answers to it. Otherwise it is due on the Nth working day after
 * the day it was made, that day never counted (not even when made on a working day, nor when made
 * at a weekend): N is the protocol's standard response time, {@value #STANDARD_WORKING_DAYS} unless
 * the protocol sets another, and {@value #URGENT_WORKING_DAYS} when the request is urgent, whatever
 * the protocol's time.
 *
 * <p>A needed-by date on a weekend or bank holiday is kept as given: the requester chose it. The
 * due date is worked out once, when the request is made, and kept: a later change to the protocol's
 * response time or to the bank holidays does not move it.
 */
public final class ResponseDeadline {

  /** The response time of a protocol that sets none, in working days. */
  public static final int STANDARD_WORKING_DAYS = 10;

  /** The response time of an urgent request, in working days. */
  public static final int URGENT_WORKING_DAYS = 1;

  /** The longest response time a protocol may set, in working days. */
  public static final int LONGEST_WORKING_DAYS = 60;

  private final WorkingCalendar calendar;

  public ResponseDeadline(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * The day a request made on {@code requestedOn} is due.
   *
   * @param responseWorkingDays the protocol's standard response time, 1 to {@value
   *     #LONGEST_WORKING_DAYS}
   * @param urgent whether the requester marked it urgent
   * @param neededBy the date the requester needs it by, or null when they gave none
   * @throws IllegalArgumentException when the response time is out of range or the needed-by date
   *     is before the day the request was made (forms and imports refuse both first)
   */
  public LocalDate dueOn(
      LocalDate requestedOn,
      int responseWorkingDays,
      boolean urgent,
      @Nullable LocalDate neededBy) {
    if (responseWorkingDays < 1 || responseWorkingDays > LONGEST_WORKING_DAYS) {
      throw new IllegalArgumentException(
          "A protocol's response time is 1 to "
              + LONGEST_WORKING_DAYS
              + " working days, not "
              + responseWorkingDays);
    }
    if (neededBy != null) {
      if (neededBy.isBefore(requestedOn)) {
        throw new IllegalArgumentException(
            "The date needed by, "
                + neededBy
                + ", is before the day the request was made, "
                + requestedOn);
      }
      return neededBy;
    }
    return calendar.after(requestedOn, urgent ? URGENT_WORKING_DAYS : responseWorkingDays);
  }
}
