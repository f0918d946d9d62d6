package org.ccrhub.sharing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a protocol stands on a day, worked out from its dates and never typed (ADR 20): a
 * <em>draft</em> until it has an in-force date, and before that date; <em>in force</em> from it;
 * <em>under review</em> while in force once a review has started, until the next version is
 * recorded (recording a version ends the review); <em>expired</em> or <em>withdrawn</em> after its
 * last day in force, as its end was recorded. A protocol under review is still in force: it takes
 * requests.
 */
public enum ProtocolStatus {
  DRAFT("Draft", "govuk-tag--grey"),
  IN_FORCE("In force", "govuk-tag--green"),
  UNDER_REVIEW("Under review", "govuk-tag--yellow"),
  EXPIRED("Expired", "govuk-tag--orange"),
  WITHDRAWN("Withdrawn", "govuk-tag--red");

  private final String label;
  private final String tagClass;

  ProtocolStatus(String label, String tagClass) {
    this.label = label;
    this.tagClass = tagClass;
  }

  /**
   * The status on the day.
   *
   * @param inForceFrom its first day in force, or null while it has none
   * @param inForceUntil its last day in force, or null while it has no end
   * @param ending how it ended, when it has a last day
   * @param reviewStartedOn the day a review started, or null when none is running
   */
  public static ProtocolStatus of(
      @Nullable LocalDate inForceFrom,
      @Nullable LocalDate inForceUntil,
      @Nullable ProtocolEnding ending,
      @Nullable LocalDate reviewStartedOn,
      LocalDate day) {
    if (inForceFrom == null || day.isBefore(inForceFrom)) {
      return DRAFT;
    }
    if (inForceUntil != null && day.isAfter(inForceUntil)) {
      return ending == ProtocolEnding.WITHDRAWN ? WITHDRAWN : EXPIRED;
    }
    return reviewStartedOn == null ? IN_FORCE : UNDER_REVIEW;
  }

  /** What people read, e.g. "Under review". */
  public String label() {
    return label;
  }

  /** The GOV.UK tag colour that shows it. */
  public String tagClass() {
    return tagClass;
  }

  /** Whether it takes requests: in force, under review or not. */
  public boolean inForce() {
    return this == IN_FORCE || this == UNDER_REVIEW;
  }

  /** Whether its time in force is over. */
  public boolean ended() {
    return this == EXPIRED || this == WITHDRAWN;
  }
}
