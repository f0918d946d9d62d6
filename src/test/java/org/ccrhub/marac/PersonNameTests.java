package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTests {

  @Test
  void ignoresCaseSpacesAndPunctuation() {
    assertThat(PersonName.keyOf("Mary-Jane O'Brien")).isEqualTo("maryjaneobrien");
    assertThat(PersonName.keyOf("  MARY JANE  OBRIEN ")).isEqualTo("maryjaneobrien");
    assertThat(PersonName.keyOf("Mary Jane O’Brien")).isEqualTo("maryjaneobrien");
    assertThat(PersonName.keyOf("Maryjane O Brien.")).isEqualTo("maryjaneobrien");
  }

  @Test
  void ignoresAccents() {
    assertThat(PersonName.keyOf("Zoë Brontë")).isEqualTo("zoebronte");
    assertThat(PersonName.keyOf("Łucja Wójcik")).isEqualTo("lucjawojcik");
    assertThat(PersonName.keyOf("Siobhán Ní Dhúill")).isEqualTo("siobhannidhuill");
    assertThat(PersonName.keyOf("Jürgen Straße")).isEqualTo("jurgenstrasse");
  }

  @Test
  void splitsWordsAtSpacesAndHyphensButKeepsApostrophesInside() {
    assertThat(PersonName.of("Anne-Marie D'Souza-Smith").words())
        .containsExactly("anne", "marie", "dsouza", "smith");
  }

  @Test
  void aNameOfPunctuationOnlyIsEmpty() {
    assertThat(PersonName.of(" - ' ").isEmpty()).isTrue();
    assertThat(PersonName.of("Jo").isEmpty()).isFalse();
  }
}
