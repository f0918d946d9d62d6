package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.ccrhub.plans.PublicText.ReviewStep;
import org.junit.jupiter.api.Test;

class PublicTextTests {

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");
  static final Instant AT = Instant.parse("2016-10-03T10:00:00Z");

  static PublicText waiting(String text, int version) {
    return new PublicText(
        7, Q2, text, "Sam Jones", AT, Optional.empty(), Optional.empty(), version);
  }

  static PublicText approved(String text, int version) {
    return new PublicText(
        7, Q2, text, "Sam Jones", AT, Optional.of("Claire Osei"), Optional.of(AT), version);
  }

  @Test
  void showsOnlyApprovedWordsToThePublic() {
    assertThat(approved("Directory online", 1).shownPublicly()).hasValue("Directory online");
    assertThat(waiting("Directory online", 1).shownPublicly()).isEmpty();
    assertThat(waiting("", 1).isWaiting()).isFalse();
    assertThat(waiting("Directory online", 1).isWaiting()).isTrue();
    assertThat(approved("Directory online", 1).isWaiting()).isFalse();
  }

  @Test
  void refusesMoreThanTwoThousandCharactersAfterSpacesAtEitherEndAreRemoved() {
    assertThat(PublicText.problem("a".repeat(2000))).isEmpty();
    assertThat(PublicText.problem("  " + "a".repeat(2000) + "\n")).isEmpty();
    assertThat(PublicText.problem("a".repeat(2001)))
        .hasValue("Public text must be 2,000 characters or fewer");
    assertThat(PublicText.clean(null)).isEmpty();
  }

  @Test
  void approvesWordsTheApproverSawAndSavesNewWordsOnlyAgainstTheVersionTheySaw() {
    Optional<PublicText> none = Optional.empty();
    assertThat(PublicText.reviewStep(none, "  ", true, 0)).isEqualTo(ReviewStep.NOTHING);
    assertThat(PublicText.reviewStep(none, "New", false, 0)).isEqualTo(ReviewStep.SAVE);
    assertThat(PublicText.reviewStep(none, "New", true, 0)).isEqualTo(ReviewStep.SAVE_AND_APPROVE);

    Optional<PublicText> written = Optional.of(waiting("Directory online", 2));
    assertThat(PublicText.reviewStep(written, "Directory online ", false, 2))
        .isEqualTo(ReviewStep.NOTHING);
    assertThat(PublicText.reviewStep(written, "Directory online", true, 2))
        .isEqualTo(ReviewStep.APPROVE);
    assertThat(PublicText.reviewStep(written, "Directory online", true, 1))
        .isEqualTo(ReviewStep.CONFLICT);
    assertThat(PublicText.reviewStep(written, "Directory in March", false, 1))
        .isEqualTo(ReviewStep.CONFLICT);
    assertThat(PublicText.reviewStep(written, "Directory in March", true, 2))
        .isEqualTo(ReviewStep.SAVE_AND_APPROVE);
    // clearing a text saves it blank, and a blank text is not approved
    assertThat(PublicText.reviewStep(written, "", true, 2)).isEqualTo(ReviewStep.SAVE);
  }

  @Test
  void leavesAnApprovedTextAsItIsUnlessItsWordsChange() {
    Optional<PublicText> ok = Optional.of(approved("Directory online", 3));
    assertThat(PublicText.reviewStep(ok, "Directory online", true, 3))
        .isEqualTo(ReviewStep.NOTHING);
    assertThat(PublicText.reviewStep(ok, "Directory online", true, 1))
        .as("nothing to do, so nothing to conflict with")
        .isEqualTo(ReviewStep.NOTHING);
    assertThat(PublicText.reviewStep(ok, "Directory offline", false, 3)).isEqualTo(ReviewStep.SAVE);
  }
}
