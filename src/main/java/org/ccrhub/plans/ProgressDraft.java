package org.ccrhub.plans;

import java.time.Instant;
import java.util.Optional;
import org.ccrhub.shared.RagRating;

/**
 * What a person had typed into the update form of an action for a period, kept as they typed so
 * that it can be offered back if their session ended before they saved. A draft is the person's
 * own: nobody else ever sees it.
 */
public record ProgressDraft(
    long actionId,
    ReportingPeriod period,
    Optional<RagRating> rating,
    String comment,
    String publicText,
    Instant savedAt) {

  /** A draft with no public text typed. */
  public ProgressDraft(
      long actionId,
      ReportingPeriod period,
      Optional<RagRating> rating,
      String comment,
      Instant savedAt) {
    this(actionId, period, rating, comment, "", savedAt);
  }

  /**
   * Whether the draft is worth offering back when the form opens: it says something, and it is
   * newer than the update saved for the period (if any) and says something else.
   */
  public boolean isWorthOffering(Optional<ProgressUpdate> current) {
    return isWorthOffering(current, "");
  }

  /**
   * Whether the draft is worth offering back, against the update and the public text saved for the
   * period: as {@link #isWorthOffering(Optional)}, its public text counting as something it says.
   */
  public boolean isWorthOffering(Optional<ProgressUpdate> current, String savedPublicText) {
    boolean saysSomething = rating.isPresent() || !comment.isBlank() || !publicText.isBlank();
    if (current.isEmpty()) {
      return saysSomething;
    }
    ProgressUpdate saved = current.get();
    boolean differs =
        !rating.equals(Optional.of(saved.rating()))
            || !comment.strip().equals(saved.comment())
            || !publicText.strip().equals(savedPublicText.strip());
    return saysSomething && savedAt.isAfter(saved.recordedAt()) && differs;
  }
}
