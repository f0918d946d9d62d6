package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccrhub.shared.RagRating.AMBER;
import static org.ccrhub.shared.RagRating.AMBER_GREEN;
import static org.ccrhub.shared.RagRating.AMBER_RED;
import static org.ccrhub.shared.RagRating.COMPLETED;
import static org.ccrhub.shared.RagRating.GREEN;
import static org.ccrhub.shared.RagRating.NOT_RATED;
import static org.ccrhub.shared.RagRating.NOT_STARTED;
import static org.ccrhub.shared.RagRating.RED;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RagSchemeTests {

  private static final Map<String, RagRating> COMMON_SPELLINGS =
      Map.ofEntries(
          Map.entry("Green", GREEN),
          Map.entry("G", GREEN),
          Map.entry("GREEN", GREEN),
          Map.entry(" green ", GREEN),
          Map.entry("Red", RED),
          Map.entry("R", RED),
          Map.entry("RED", RED),
          Map.entry("Green - done", COMPLETED),
          Map.entry("Done", COMPLETED),
          Map.entry("Complete", COMPLETED),
          Map.entry("Completed", COMPLETED),
          Map.entry("Fully achieved", COMPLETED),
          Map.entry("Achieved", COMPLETED),
          Map.entry("Not started", NOT_STARTED),
          Map.entry("Not yet commenced", NOT_STARTED),
          Map.entry("NOT YET STARTED", NOT_STARTED),
          Map.entry("Not rated", NOT_RATED),
          Map.entry("N/A", NOT_RATED),
          Map.entry("n/a", NOT_RATED),
          Map.entry("On hold", NOT_RATED));

  @Test
  void usesFourLevelsFromGreenToRed() {
    assertThat(RagScheme.FOUR.levels()).containsExactly(GREEN, AMBER_GREEN, AMBER_RED, RED);
    assertThat(RagScheme.FOUR.allowed())
        .containsExactly(GREEN, AMBER_GREEN, AMBER_RED, RED, NOT_STARTED, COMPLETED, NOT_RATED);
  }

  @Test
  void usesThreeLevelsFromGreenToRed() {
    assertThat(RagScheme.THREE.levels()).containsExactly(GREEN, AMBER, RED);
    assertThat(RagScheme.THREE.allowed())
        .containsExactly(GREEN, AMBER, RED, NOT_STARTED, COMPLETED, NOT_RATED);
  }

  @Test
  void reportsRedAndAmberRedByExceptionInTheFourLevelScheme() {
    assertThat(RagScheme.FOUR.allowed().stream().filter(RagScheme.FOUR::isException))
        .containsExactly(AMBER_RED, RED);
  }

  @Test
  void reportsOnlyRedByExceptionInTheThreeLevelScheme() {
    assertThat(RagScheme.THREE.allowed().stream().filter(RagScheme.THREE::isException))
        .containsExactly(RED);
  }

  @Test
  void definesTheFourLevelsInThePartnershipsOwnWords() {
    assertThat(RagScheme.FOUR.defaultDefinition(GREEN))
        .isEqualTo("On track to be delivered on time / minimal impact: no action");
    assertThat(RagScheme.FOUR.defaultDefinition(AMBER_GREEN))
        .isEqualTo("Slightly off track, moderate impact: need to monitor");
    assertThat(RagScheme.FOUR.defaultDefinition(AMBER_RED))
        .isEqualTo("Predicted to be off track, serious impact: intervention needed");
    assertThat(RagScheme.FOUR.defaultDefinition(RED))
        .isEqualTo("Critical impact, urgent intervention required");
  }

  @Test
  void definesEveryRatingAndStateItAllows() {
    for (RagScheme scheme : RagScheme.values()) {
      for (RagRating rating : scheme.allowed()) {
        assertThat(scheme.defaultDefinition(rating)).as(scheme + " " + rating).isNotBlank();
      }
    }
    assertThat(RagScheme.THREE.defaultDefinition(AMBER)).contains("need to monitor");
  }

  @Test
  void refusesToDefineARatingItDoesNotUse() {
    assertThatThrownBy(() -> RagScheme.FOUR.defaultDefinition(AMBER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Amber'");
    assertThatThrownBy(() -> RagScheme.THREE.defaultDefinition(AMBER_RED))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Amber/Red'");
  }

  @Test
  void readsTheSchemeByNameOrNumber() {
    assertThat(RagScheme.parse("four")).isEqualTo(RagScheme.FOUR);
    assertThat(RagScheme.parse("FOUR")).isEqualTo(RagScheme.FOUR);
    assertThat(RagScheme.parse(" 4 ")).isEqualTo(RagScheme.FOUR);
    assertThat(RagScheme.parse("Three")).isEqualTo(RagScheme.THREE);
    assertThat(RagScheme.parse("3")).isEqualTo(RagScheme.THREE);
    assertThatThrownBy(() -> RagScheme.parse("five"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("'five' is not a RAG scheme: use four or three");
  }

  @Test
  void readsTheSpellingsRealPlansUseInEitherScheme() {
    for (RagScheme scheme : RagScheme.values()) {
      COMMON_SPELLINGS.forEach(
          (text, rating) ->
              assertThat(scheme.parseRating(text)).as(scheme + " " + text).contains(rating));
    }
  }

  @Test
  void readsTheFourLevelSpellings() {
    for (String text : new String[] {"Amber Green", "Amber/Green", "Amber-Green", "AG", "A/G"}) {
      assertThat(RagScheme.FOUR.parseRating(text)).as(text).contains(AMBER_GREEN);
    }
    for (String text :
        new String[] {"Amber Red", "Amber-Red", "Amber/Red", "AR", "A/R", "amber / red"}) {
      assertThat(RagScheme.FOUR.parseRating(text)).as(text).contains(AMBER_RED);
    }
  }

  @Test
  void readsTheThreeLevelSpellings() {
    for (String text : new String[] {"Amber", "A", "AMBER", "amber."}) {
      assertThat(RagScheme.THREE.parseRating(text)).as(text).contains(AMBER);
    }
  }

  @Test
  void readsABlankRatingAsNoRating() {
    assertThat(RagScheme.FOUR.parseRating("")).isEmpty();
    assertThat(RagScheme.THREE.parseRating("   ")).isEmpty();
  }

  @Test
  void refusesAmberInTheFourLevelSchemeSayingWhichRatingsItUses() {
    assertThatThrownBy(() -> RagScheme.FOUR.parseRating("Amber"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "'Amber' is not a rating in this partnership's four-level scheme: use Green,"
                + " Amber/Green, Amber/Red or Red, or Not started, Completed, Not rated");
  }

  @Test
  void refusesAmberGreenInTheThreeLevelSchemeSayingWhichRatingsItUses() {
    assertThatThrownBy(() -> RagScheme.THREE.parseRating("Amber/Green"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "'Amber/Green' is not a rating in this partnership's three-level scheme: use Green,"
                + " Amber or Red, or Not started, Completed, Not rated");
    assertThatThrownBy(() -> RagScheme.THREE.parseRating("A/R"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'A/R'");
  }

  @Test
  void refusesAnUnknownWordSayingWhichRatingsTheSchemeUses() {
    for (String bad : new String[] {"Purple", "Amberish", "-", "Green 2"}) {
      assertThatThrownBy(() -> RagScheme.FOUR.parseRating(bad))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("Green, Amber/Green, Amber/Red or Red");
    }
  }
}
