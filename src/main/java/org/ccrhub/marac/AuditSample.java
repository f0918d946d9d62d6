package org.ccrhub.marac;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cases drawn at random from those heard at meetings in a period, each audited against the agreed
 * outcomes.
 *
 * @param cases the cases drawn, by meeting date (empty in lists of samples)
 */
public record AuditSample(
    long id,
    LocalDate from,
    LocalDate to,
    String drawnBy,
    Instant drawnAt,
    int drawn,
    int audited,
    List<SampledCase> cases) {

  /** A case of the sample and its audit, if done. */
  public record SampledCase(
      long referralId,
      @Nullable String victimName,
      LocalDate meetingDate,
      @Nullable AuditOutcome outcome,
      @Nullable String notes,
      @Nullable String auditedBy) {

    public String victim() {
      return victimName == null ? "Details removed" : victimName;
    }
  }
}
