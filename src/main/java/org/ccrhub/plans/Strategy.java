package org.ccrhub.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A strategy (often 3 to 10 years) with its document control, and the priorities or strategic
 * outcomes its delivery plans turn into actions.
 *
 * @param years as the document states them, e.g. {@code 2016-2026}
 * @param owningGroupId the group that owns it, e.g. the VAWG Strategic Group
 */
public record Strategy(
    long id,
    String name,
    String years,
    Optional<Long> owningGroupId,
    String documentVersion,
    Status status,
    String approvedBy,
    Optional<LocalDate> reviewDate,
    List<Priority> priorities,
    int version) {

  /** Where the document is in its life. */
  public enum Status {
    DRAFT("Draft"),
    APPROVED("Approved"),
    PUBLISHED("Published");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A priority or strategic outcome, with its key targets as the strategy words them. */
  public record Priority(long id, String ref, String title, String keyTargets) {}
}
