package org.ccrhub.marac;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A meeting of a MARAC. It is held once its date has come and it was not cancelled. Its case list
 * is released to the members for research from the MARAC's release date before it ({@link
 * MaracSettings#researchReleaseDate}); before that members see none of its cases.
 *
 * @param cases the cases on its agenda
 */
public record Meeting(
    long id,
    long maracId,
    LocalDate date,
    MeetingKind kind,
    boolean cancelled,
    @Nullable Instant releasedAt,
    int cases) {

  public boolean released() {
    return releasedAt != null;
  }

  public Optional<Instant> releasedOn() {
    return Optional.ofNullable(releasedAt);
  }

  /** Held: its date has come and it was not cancelled. */
  public boolean heldBy(LocalDate today) {
    return !cancelled && !date.isAfter(today);
  }

  /** Upcoming: today or later and not cancelled. */
  public boolean upcoming(LocalDate today) {
    return !cancelled && !date.isBefore(today);
  }
}
