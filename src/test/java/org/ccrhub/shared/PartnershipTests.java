package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartnershipTests {

  @Test
  void acceptsLowerCaseSlugsWithSingleHyphens() {
    assertThat(Partnership.checkSlug("haringey")).isEqualTo("haringey");
    assertThat(Partnership.checkSlug("north-east-lincs")).isEqualTo("north-east-lincs");
  }

  @Test
  void refusesSlugsThatWouldMakeOddAddressesNamingTheBadValue() {
    for (String bad :
        new String[] {"Haringey", "north--east", "-lead", "trail-", "a b", "", "x".repeat(61)}) {
      assertThatThrownBy(() -> Partnership.checkSlug(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void trimsNamesAndRefusesBlankOnes() {
    assertThat(Partnership.checkName("  Haringey CSP ")).isEqualTo("Haringey CSP");
    assertThatThrownBy(() -> Partnership.checkName("   "))
        .isInstanceOf(InvalidInputException.class);
  }
}
