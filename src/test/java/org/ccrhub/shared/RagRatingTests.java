package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class RagRatingTests {

  @Test
  void labelsEachRatingInTheWordsPlansUse() {
    assertThat(Arrays.stream(RagRating.values()).map(RagRating::label))
        .containsExactly(
            "Green",
            "Amber/Green",
            "Amber",
            "Amber/Red",
            "Red",
            "Not started",
            "Completed",
            "Not rated");
  }

  @Test
  void tellsRatingsFromStatesThatAreNotRatings() {
    assertThat(Arrays.stream(RagRating.values()).filter(RagRating::isRating))
        .containsExactly(
            RagRating.GREEN,
            RagRating.AMBER_GREEN,
            RagRating.AMBER,
            RagRating.AMBER_RED,
            RagRating.RED);
  }

  @Test
  void needsACommentForEveryAmberAndRed() {
    assertThat(Arrays.stream(RagRating.values()).filter(RagRating::needsComment))
        .containsExactly(
            RagRating.AMBER_GREEN, RagRating.AMBER, RagRating.AMBER_RED, RagRating.RED);
  }

  @Test
  void coloursEachTagWithAGovUkTagModifier() {
    assertThat(RagRating.GREEN.cssClass()).isEqualTo("govuk-tag--green");
    assertThat(RagRating.AMBER_GREEN.cssClass()).isEqualTo("govuk-tag--yellow");
    assertThat(RagRating.AMBER.cssClass()).isEqualTo("govuk-tag--orange");
    assertThat(RagRating.AMBER_RED.cssClass()).isEqualTo("govuk-tag--orange");
    assertThat(RagRating.RED.cssClass()).isEqualTo("govuk-tag--red");
    assertThat(RagRating.NOT_STARTED.cssClass()).isEqualTo("govuk-tag--grey");
    assertThat(RagRating.COMPLETED.cssClass()).isEqualTo("govuk-tag--blue");
    assertThat(RagRating.NOT_RATED.cssClass()).isEqualTo("govuk-tag--grey");
  }

  @Test
  void ordersBySeverityWithRedHighest() {
    assertThat(
            Arrays.stream(RagRating.values())
                .filter(RagRating::isRating)
                .sorted(Comparator.comparingInt(RagRating::severity).reversed()))
        .containsExactly(
            RagRating.RED,
            RagRating.AMBER_RED,
            RagRating.AMBER,
            RagRating.AMBER_GREEN,
            RagRating.GREEN);
    for (RagRating state :
        new RagRating[] {RagRating.NOT_STARTED, RagRating.COMPLETED, RagRating.NOT_RATED}) {
      assertThat(state.severity()).isLessThan(RagRating.GREEN.severity());
    }
  }

  @Test
  void takesTheArticleItsLabelIsSaidWith() {
    assertThat(RagRating.RED.withArticle()).isEqualTo("a Red");
    assertThat(RagRating.AMBER.withArticle()).isEqualTo("an Amber");
    assertThat(RagRating.AMBER_RED.withArticle()).isEqualTo("an Amber/Red");
    assertThat(RagRating.GREEN.withArticle()).isEqualTo("a Green");
  }
}
