package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefsTests {

  private static List<String> sorted(String... refs) {
    List<String> list = new ArrayList<>(List.of(refs));
    list.sort(Refs.NATURAL_ORDER);
    return list;
  }

  private static List<Optional<String>> refs(String... refs) {
    return java.util.Arrays.stream(refs)
        .map(r -> r.isEmpty() ? Optional.<String>empty() : Optional.of(r))
        .toList();
  }

  @Test
  void placesANewRefBeforeTheFirstThatComesAfterIt() {
    assertThat(Refs.placeFor(refs("1.1.2", "1.1.4"), Optional.of("1.1.3"))).isEqualTo(1);
    assertThat(Refs.placeFor(refs("1.1.2", "1.1.10"), Optional.of("1.1.3"))).isEqualTo(1);
    assertThat(Refs.placeFor(refs("2", "10"), Optional.of("1"))).isZero();
    assertThat(Refs.placeFor(refs("1", "2"), Optional.of("10"))).isEqualTo(2);
    assertThat(Refs.placeFor(refs(), Optional.of("1"))).isZero();
  }

  @Test
  void keepsTheWrittenOrderOfItemsWithoutARefAndPutsANewOneWithoutARefLast() {
    assertThat(Refs.placeFor(refs("1", "2", "", "4"), Optional.of("3"))).isEqualTo(3);
    assertThat(Refs.placeFor(refs("", "1", ""), Optional.of("5"))).isEqualTo(3);
    assertThat(Refs.placeFor(refs("1", "3"), Optional.empty())).isEqualTo(2);
  }

  @Test
  void buildsTheNaturalOrderWhateverOrderRefsAreAddedIn() {
    List<Optional<String>> plan = new ArrayList<>();
    for (String ref : new String[] {"1.1.10", "1.1.2", "1.1.4", "1.1.3", "1.1.1"}) {
      plan.add(Refs.placeFor(plan, Optional.of(ref)), Optional.of(ref));
    }
    assertThat(plan)
        .extracting(Optional::get)
        .containsExactly("1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.10");
  }

  @Test
  void comparesNumbersAsNumbers() {
    assertThat(sorted("2.10", "2.9", "2.1")).containsExactly("2.1", "2.9", "2.10");
    assertThat(sorted("3.1.10", "3.1.1", "3.1.2")).containsExactly("3.1.1", "3.1.2", "3.1.10");
    assertThat(sorted("10", "9", "1")).containsExactly("1", "9", "10");
  }

  @Test
  void putsAReferenceBeforeThoseThatExtendIt() {
    assertThat(sorted("3.1.1", "3.2", "3.1", "3")).containsExactly("3", "3.1", "3.1.1", "3.2");
  }

  @Test
  void comparesLettersRegardlessOfCase() {
    assertThat(sorted("A10", "a2", "A1", "b1")).containsExactly("A1", "a2", "A10", "b1");
    assertThat(Refs.NATURAL_ORDER.compare("a1", "B1")).isNegative();
  }

  @Test
  void sortsAWholePlanInTheOrderItIsWritten() {
    assertThat(sorted("2.10", "1.1", "3.1.10", "2.9", "3.1.1", "3.1", "1.2", "10.1"))
        .containsExactly("1.1", "1.2", "2.9", "2.10", "3.1", "3.1.1", "3.1.10", "10.1");
  }

  @Test
  void treatsOnlyIdenticalReferencesAsEqual() {
    assertThat(Refs.NATURAL_ORDER.compare("3.1.1", "3.1.1")).isZero();
    assertThat(Refs.NATURAL_ORDER.compare("A1", "a1")).isNotZero();
    assertThat(Refs.NATURAL_ORDER.compare("2.01", "2.1")).isNotZero();
    assertThat(Integer.signum(Refs.NATURAL_ORDER.compare("A1", "a1")))
        .isEqualTo(-Integer.signum(Refs.NATURAL_ORDER.compare("a1", "A1")));
  }

  @Test
  void comparesVeryLongNumbersWithoutOverflow() {
    assertThat(sorted("99999999999999999999", "100000000000000000000", "2"))
        .containsExactly("2", "99999999999999999999", "100000000000000000000");
  }

  @Test
  void acceptsShortReferencesOfLettersDigitsDotsAndHyphens() {
    for (String ref : new String[] {"1", "3.1.1", "A10", "VAWG-2.3", "x".repeat(20)}) {
      assertThat(Refs.isValid(ref)).as(ref).isTrue();
    }
  }

  @Test
  void refusesBlankLongSpacedOrPunctuatedReferences() {
    for (String ref :
        new String[] {"", " ", "3 1", "3.1 ", "x".repeat(21), "3/1", "3,1", "...", "-", "3.1£"}) {
      assertThat(Refs.isValid(ref)).as(ref).isFalse();
    }
  }
}
