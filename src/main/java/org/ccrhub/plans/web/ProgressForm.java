package org.ccrhub.plans.web;

import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import org.ccrhub.plans.ProgressDraft;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.PublicText;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;

/**
 * The quarterly update form: a rating, a comment (internal), the public text (what residents read
 * once a strategic lead approves it; blank for none), and the id of the update the person saw when
 * they opened the form (blank if there was none), which tells whether someone else saved meanwhile.
 */
class ProgressForm {

  @NotBlank(message = "Select a rating")
  private String rating = "";

  private String comment = "";

  private String publicText = "";

  private String seenUpdateId = "";

  /** The public text saved when the form was shown; null when the form did not say. */
  private @Nullable String publicTextSeen;

  /** Whether the form sent a public text at all. */
  private boolean publicTextSent;

  /** The form filled with the update and the public text saved for the period, if any. */
  static ProgressForm of(Optional<ProgressUpdate> current, Optional<PublicText> text) {
    ProgressForm form = new ProgressForm();
    current.ifPresent(
        u -> {
          form.rating = u.rating().name();
          form.comment = u.comment();
          form.seenUpdateId = String.valueOf(u.id());
        });
    form.publicText = text.map(PublicText::text).orElse("");
    return form;
  }

  /** The form filled from a draft, against the update saved now (if any). */
  static ProgressForm of(ProgressDraft draft, Optional<ProgressUpdate> current) {
    ProgressForm form = new ProgressForm();
    form.rating = draft.rating().map(RagRating::name).orElse("");
    form.comment = draft.comment();
    form.publicText = draft.publicText();
    form.seenUpdateId = current.map(u -> String.valueOf(u.id())).orElse("");
    return form;
  }

  /** The rating chosen, if it is a rating at all; the service refuses one the scheme lacks. */
  Optional<RagRating> ratingChosen() {
    for (RagRating r : RagRating.values()) {
      if (r.name().equals(rating)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The update seen; a value that is not a number can match no update, so it is a conflict. */
  Optional<Long> seenUpdate() {
    if (seenUpdateId == null || seenUpdateId.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        seenUpdateId.strip().matches("\\d{1,18}") ? Long.parseLong(seenUpdateId.strip()) : -1L);
  }

  public String getRating() {
    return rating;
  }

  public void setRating(String rating) {
    this.rating = rating == null ? "" : rating;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment == null ? "" : comment;
  }

  /**
   * Whether the person changed the public text from the one shown: only then is it saved, so that
   * words a strategic lead changed (and approved) meanwhile are not put back by an untouched form,
   * and a form that sent no public text leaves it alone. A form that does not say what it showed (a
   * script) saves what it sends.
   */
  boolean publicTextChanged() {
    return publicTextSent && (publicTextSeen == null || !publicText.equals(publicTextSeen));
  }

  public @Nullable String getPublicTextSeen() {
    return publicTextSeen;
  }

  public void setPublicTextSeen(@Nullable String publicTextSeen) {
    this.publicTextSeen = publicTextSeen;
  }

  public String getPublicText() {
    return publicText;
  }

  public void setPublicText(String publicText) {
    this.publicText = publicText == null ? "" : publicText;
    this.publicTextSent = publicText != null;
  }

  public String getSeenUpdateId() {
    return seenUpdateId;
  }

  public void setSeenUpdateId(String seenUpdateId) {
    this.seenUpdateId = seenUpdateId == null ? "" : seenUpdateId;
  }
}
