package org.ccrhub.marac;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A SMART action of a case's action plan, assigned to an agency at a meeting with a due date and
 * updated by that agency.
 *
 * @param victimName the case's victim, for lists of actions across cases (empty once removed)
 */
public record MaracAction(
    long id,
    long referralId,
    long meetingId,
    LocalDate meetingDate,
    long agencyId,
    String agency,
    String description,
    LocalDate dueOn,
    ActionStatus status,
    @Nullable String note,
    @Nullable String updatedBy,
    @Nullable Instant updatedAt,
    @Nullable String victimName) {

  /** Still open after its due date. */
  public boolean overdueOn(LocalDate today) {
    return status == ActionStatus.OPEN && dueOn.isBefore(today);
  }

  public String victim() {
    return victimName == null ? "Details removed" : victimName;
  }
}
