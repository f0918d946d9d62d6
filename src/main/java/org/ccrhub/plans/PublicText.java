package org.ccrhub.plans;

import java.time.Instant;
import java.util.Optional;

/**
 * What the public reads about an action for a period, apart from the lead's comment, which stays
 * internal. It is blank until someone writes one, and it appears on the plan's public page only
 * when a strategic lead has approved it: residents read words someone in charge agreed to, never a
 * lead's note to the board. Changing the words withdraws the approval until it is given again.
 *
 * @param version moves on at every change, so that an approval is of the words the approver saw
 */
public record PublicText(
    long actionId,
    ReportingPeriod period,
    String text,
    String writtenBy,
    Instant writtenAt,
    Optional<String> approvedBy,
    Optional<Instant> approvedAt,
    int version) {

  /** The most a public text may have: a few short paragraphs. */
  public static final int MAX_LENGTH = 2000;

  /** The public text as it is stored: spaces at either end removed, and never null. */
  public static String clean(String text) {
    return text == null ? "" : text.strip();
  }

  /** Why the words cannot be a public text, if they cannot. */
  public static Optional<String> problem(String text) {
    return clean(text).length() > MAX_LENGTH
        ? Optional.of("Public text must be 2,000 characters or fewer")
        : Optional.empty();
  }

  public boolean isBlank() {
    return text.isBlank();
  }

  public boolean isApproved() {
    return approvedAt.isPresent();
  }

  /** Written, and not approved in its present words. */
  public boolean isWaiting() {
    return !isBlank() && !isApproved();
  }

  /** Whether these words differ from the text's (spaces at either end aside). */
  public boolean differsFrom(String words) {
    return !text.equals(clean(words));
  }

  /** The words residents read: the text when it is approved, else nothing. */
  public Optional<String> shownPublicly() {
    return isApproved() && !isBlank() ? Optional.of(text) : Optional.empty();
  }

  /** What a strategic lead's review does to one action's text. */
  public enum ReviewStep {
    /** Nothing changed and nothing to approve. */
    NOTHING,
    /** Someone else changed the text since the approver saw it: leave it to be checked again. */
    CONFLICT,
    /** Save the new words, not approved. */
    SAVE,
    /** Save the new words, approved by the approver who wrote them. */
    SAVE_AND_APPROVE,
    /** Approve the words as they are. */
    APPROVE
  }

  /**
   * What to do with an action's text (none yet, or {@code current}) when an approver sends these
   * words, having seen the text at {@code seenVersion} (0 when there was none), and asks to approve
   * it or not. A blank text is never approved; an approved text sent unchanged stays as it is.
   */
  public static ReviewStep reviewStep(
      Optional<PublicText> current, String words, boolean approve, int seenVersion) {
    String text = clean(words);
    boolean differs = current.map(t -> t.differsFrom(text)).orElse(!text.isEmpty());
    boolean approving = approve && !text.isEmpty();
    boolean approvesAnew =
        approving && (differs || !current.map(PublicText::isApproved).orElse(false));
    if (!differs && !approvesAnew) {
      return ReviewStep.NOTHING;
    }
    if (current.map(PublicText::version).orElse(0) != seenVersion) {
      return ReviewStep.CONFLICT;
    }
    if (differs) {
      return approving ? ReviewStep.SAVE_AND_APPROVE : ReviewStep.SAVE;
    }
    return ReviewStep.APPROVE;
  }
}
