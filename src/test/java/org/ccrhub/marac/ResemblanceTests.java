package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResemblanceTests {

  private static PersonName name(String written) {
    return PersonName.of(written);
  }

  @Test
  void countsLettersAddedRemovedChangedOrSwapped() {
    assertThat(Resemblance.distance("jonsmith", "johnsmith", 2)).isEqualTo(1);
    assertThat(Resemblance.distance("janesmith", "jnaesmith", 2)).isEqualTo(1);
    assertThat(Resemblance.distance("smith", "smyth", 2)).isEqualTo(1);
    assertThat(Resemblance.distance("abc", "abc", 1)).isZero();
    assertThat(Resemblance.distance("ann", "bob", 1)).isEqualTo(2); // more than the limit
    assertThat(Resemblance.distance("a", "abcd", 1)).isEqualTo(2);
  }

  @Test
  void allowsTwoLettersInALongNameAndOneInAShortOne() {
    assertThat(Resemblance.spelledDifferently(name("Katharine Jonas"), name("Catherine Jones")))
        .isTrue();
    assertThat(Resemblance.spelledDifferently(name("Ann Lo"), name("Amy Lo"))).isFalse();
    assertThat(Resemblance.spelledDifferently(name("Ann Lo"), name("Anne Lo"))).isTrue();
  }

  @Test
  void hearsNamesThatSoundTheSame() {
    assertThat(Resemblance.spelledDifferently(name("Anne Leigh"), name("Ann Lee"))).isTrue();
    assertThat(Resemblance.spelledDifferently(name("Stephen Philips"), name("Steven Phillips")))
        .isTrue();
    assertThat(Resemblance.spelledDifferently(name("Mary Brown"), name("Susan Brown"))).isFalse();
  }

  @Test
  void turnsNamesRoundAtAnyWord() {
    assertThat(Resemblance.inAnotherOrder(name("Smith Jane"), name("Jane Smith"))).isTrue();
    assertThat(Resemblance.inAnotherOrder(name("Smith Mary-Jane"), name("Mary Jane Smith")))
        .isTrue();
    assertThat(Resemblance.inAnotherOrder(name("Jane Smith"), name("Jane Smith"))).isFalse();
    assertThat(Resemblance.inAnotherOrder(name("Smith Jane"), name("Jane Smithe"))).isFalse();
  }

  @Test
  void findsAWordMoreOnlyWithTwoWordsInCommon() {
    assertThat(Resemblance.oneWordMore(name("Jane Ann Smith"), name("Jane Smith"))).isTrue();
    assertThat(Resemblance.oneWordMore(name("Mrs Jane Smith"), name("Jane Smith"))).isTrue();
    assertThat(Resemblance.oneWordMore(name("Jane Smith"), name("Smith"))).isFalse();
    assertThat(Resemblance.oneWordMore(name("Jane Ann Smith"), name("Smith Jane"))).isFalse();
  }

  @Test
  void findsOneDigitOrTwoNeighboursSwapped() {
    assertThat(Resemblance.typo("01051990", "01051991")).isTrue();
    assertThat(Resemblance.typo("01051989", "01051998")).isTrue();
    assertThat(Resemblance.typo("12051990", "21051990")).isTrue();
    assertThat(Resemblance.typo("01051990", "01051990")).isFalse();
    assertThat(Resemblance.typo("01051990", "02061990")).isFalse();
    assertThat(Resemblance.typo("01051989", "01051999")).isTrue();
    assertThat(Resemblance.typo("01051989", "01051897")).isFalse();
  }
}
