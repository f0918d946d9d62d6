package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ImportedNumbersTests {

  @Test
  void readsNumbersAsPeopleWriteThemInSpreadsheets() {
    assertThat(ImportedNumbers.parse("1200")).isEqualByComparingTo("1200");
    assertThat(ImportedNumbers.parse("1,200")).isEqualByComparingTo("1200");
    assertThat(ImportedNumbers.parse(" 1,234,567.5 ")).isEqualByComparingTo("1234567.5");
    assertThat(ImportedNumbers.parse("-20")).isEqualByComparingTo("-20");
    assertThat(ImportedNumbers.parse("-20%")).isEqualByComparingTo("-20");
    assertThat(ImportedNumbers.parse("\u221220%")).isEqualByComparingTo("-20");
    assertThat(ImportedNumbers.parse("£18,000")).isEqualByComparingTo("18000");
    assertThat(ImportedNumbers.parse("-£5.50")).isEqualByComparingTo("-5.5");
    assertThat(ImportedNumbers.parse("£-5.50")).isEqualByComparingTo("-5.5");
    assertThat(ImportedNumbers.parse("45.2%")).isEqualByComparingTo("45.2");
    assertThat(ImportedNumbers.parse(".5")).isEqualByComparingTo("0.5");
    assertThat(ImportedNumbers.parse("+3")).isEqualByComparingTo(BigDecimal.valueOf(3));
  }

  @Test
  void refusesWordsFormulasAndBadlyGroupedDigitsWithAReason() {
    for (String text :
        new String[] {
          "lots",
          "n/a",
          "=1+2",
          "SUM(A1:A3)",
          "1,2",
          "12,34,567",
          "1.2.3",
          "1e5",
          "£",
          "%",
          "-",
          "--5",
          "-£-5",
          "5-",
          "20%%"
        }) {
      assertThatThrownBy(() -> ImportedNumbers.parse(text))
          .as(text)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "'" + text + "' is not a number: write a number like 1200, 1,200, -20% or £18,000");
    }
  }

  @Test
  void refusesNumbersTooLargeToBeMeant() {
    assertThatThrownBy(() -> ImportedNumbers.parse("1234567890123456"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("too large");
    assertThat(ImportedNumbers.parse("123456789012345")).isEqualByComparingTo("123456789012345");
  }
}
