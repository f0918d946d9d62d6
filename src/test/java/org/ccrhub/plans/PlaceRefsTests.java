package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceRefsTests {

  private static Optional<PlanImport.Title> title(String text) {
    return Optional.of(PlanImport.Title.of(text));
  }

  @Test
  void numbersActionsByTheirOutcomeAndTheirPlaceUnderIt() {
    PlaceRefs refs = new PlaceRefs(Set.of());
    assertThat(refs.place(title("Prevention"), Optional.empty(), true)).contains("1.1");
    assertThat(refs.place(title("Prevention"), Optional.empty(), true)).contains("1.2");
    assertThat(refs.place(title("Provision"), Optional.empty(), true)).contains("2.1");
    assertThat(refs.place(title("4 Perpetrators"), Optional.empty(), true)).contains("4.1");
    assertThat(refs.place(title("Provision"), title("Housing"), true)).contains("2.1.1");
    assertThat(refs.place(title("Provision"), title("2.5 Courts"), true)).contains("2.5.1");
  }

  @Test
  void aPlanWithoutOutcomesNumbersItsActionsOneTwoThree() {
    PlaceRefs refs = new PlaceRefs(Set.of());
    assertThat(refs.place(Optional.empty(), Optional.empty(), true)).contains("1");
    assertThat(refs.place(Optional.empty(), Optional.empty(), true)).contains("2");
  }

  @Test
  void countsActionsWithRefsAndNeverGivesARefTheFileUses() {
    PlaceRefs refs = new PlaceRefs(Set.of("3.1", "3.3", "3.4"));
    assertThat(refs.place(title("3. Provision"), Optional.empty(), false)).isEmpty();
    assertThat(refs.place(title("3. Provision"), Optional.empty(), true)).contains("3.2");
    assertThat(refs.place(title("3. Provision"), Optional.empty(), false)).isEmpty();
    assertThat(refs.place(title("3. Provision"), Optional.empty(), true)).contains("3.5");
  }
}
