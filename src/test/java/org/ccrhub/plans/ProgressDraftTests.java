package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.ccrhub.shared.RagRating;
import org.junit.jupiter.api.Test;

class ProgressDraftTests {

  private static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");
  private static final Instant SAVED = Instant.parse("2016-12-02T14:00:00Z");

  private static ProgressDraft draft(RagRating rating, String comment, Instant at) {
    return new ProgressDraft(7, Q3, Optional.ofNullable(rating), comment, at);
  }

  private static Optional<ProgressUpdate> saved(RagRating rating, String comment) {
    return Optional.of(new ProgressUpdate(1, 7, Q3, rating, comment, "Sam Jones", SAVED));
  }

  @Test
  void isOfferedWhenNothingIsSavedAndItSaysSomething() {
    assertThat(draft(null, "Started on it", SAVED).isWorthOffering(Optional.empty())).isTrue();
    assertThat(draft(RagRating.GREEN, "", SAVED).isWorthOffering(Optional.empty())).isTrue();
    assertThat(draft(null, "  ", SAVED).isWorthOffering(Optional.empty())).isFalse();
  }

  @Test
  void isOfferedOnlyWhenNewerThanTheSavedUpdateAndDifferent() {
    Instant later = SAVED.plusSeconds(60);
    assertThat(
            draft(RagRating.RED, "Provider withdrew", later)
                .isWorthOffering(saved(RagRating.AMBER_RED, "Provider withdrew")))
        .isTrue();
    assertThat(
            draft(RagRating.AMBER_RED, "Provider withdrew ", later)
                .isWorthOffering(saved(RagRating.AMBER_RED, "Provider withdrew")))
        .as("the same words as the saved update")
        .isFalse();
    assertThat(
            draft(RagRating.RED, "Provider withdrew", SAVED.minusSeconds(60))
                .isWorthOffering(saved(RagRating.AMBER_RED, "Provider withdrew")))
        .as("older than the saved update")
        .isFalse();
  }

  @Test
  void countsItsPublicTextAsSomethingItSays() {
    Instant later = SAVED.plusSeconds(60);
    ProgressDraft onlyPublic =
        new ProgressDraft(7, Q3, Optional.empty(), "", "Directory online", SAVED);
    assertThat(onlyPublic.isWorthOffering(Optional.empty())).isTrue();

    ProgressDraft samePlusPublic =
        new ProgressDraft(
            7, Q3, Optional.of(RagRating.GREEN), "Done", "Directory online in March", later);
    assertThat(samePlusPublic.isWorthOffering(saved(RagRating.GREEN, "Done"), ""))
        .as("only the public text differs from what is saved")
        .isTrue();
    assertThat(
            samePlusPublic.isWorthOffering(
                saved(RagRating.GREEN, "Done"), "Directory online in March"))
        .as("the public text is saved already")
        .isFalse();
  }
}
