package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class EthnicityTests {

  private static void readsWithoutWarning(String text, String label) {
    Ethnicity.Reading reading = Ethnicity.parse(text);
    assertThat(reading.ethnicity().label()).as(text).isEqualTo(label);
    assertThat(reading.warning()).as(text).isEmpty();
  }

  private static void readsWithWarning(String text, String label) {
    Ethnicity.Reading reading = Ethnicity.parse(text);
    assertThat(reading.ethnicity().label()).as(text).isEqualTo(label);
    assertThat(reading.warning()).as(text).contains("Read as " + label + ", as ONS 2021 writes it");
  }

  @Test
  void readsEveryCategoryAsOns2021WritesIt() {
    for (EthnicCategory category : EthnicCategory.values()) {
      readsWithoutWarning(category.fullLabel(), category.fullLabel());
    }
    assertThat(EthnicCategory.values()).hasSize(19);
    readsWithoutWarning("White: Irish", "White: Irish");
    readsWithoutWarning(
        "Asian, Asian British or Asian Welsh: Indian",
        "Asian, Asian British or Asian Welsh: Indian");
    readsWithoutWarning(
        "White: English, Welsh, Scottish, Northern Irish or British",
        "White: English, Welsh, Scottish, Northern Irish or British");
  }

  @Test
  void readsAGroupAloneAndNotKnown() {
    for (EthnicGroup group : EthnicGroup.values()) {
      readsWithoutWarning(group.label(), group.label());
    }
    readsWithoutWarning("Not known", "Not known");
    readsWithoutWarning("Other ethnic group", "Other ethnic group");
    assertThat(Ethnicity.parse("White").ethnicity().category()).isEmpty();
  }

  @Test
  void toleratesCaseAndSpacing() {
    readsWithoutWarning("white:irish", "White: Irish");
    readsWithoutWarning("  WHITE :  IRISH ", "White: Irish");
    readsWithoutWarning(
        "asian,asian british or asian welsh : pakistani",
        "Asian, Asian British or Asian Welsh: Pakistani");
    readsWithoutWarning("NOT KNOWN", "Not known");
    readsWithoutWarning("White – Irish", "White: Irish");
    readsWithoutWarning(
        "Mixed or multiple ethnic groups: White & Black Caribbean",
        "Mixed or Multiple ethnic groups: White and Black Caribbean");
  }

  @Test
  void acceptsOddButMeaningfulTextWithAWarning() {
    readsWithWarning(
        "Asian or Asian British: Indian", "Asian, Asian British or Asian Welsh: Indian");
    readsWithWarning(
        "Black/African/Caribbean/Black British: Caribbean",
        "Black, Black British, Black Welsh, Caribbean or African: Caribbean");
    readsWithWarning("Mixed/Multiple ethnic groups", "Mixed or Multiple ethnic groups");
    readsWithWarning("Indian", "Asian, Asian British or Asian Welsh: Indian");
    readsWithWarning("White British", "White: English, Welsh, Scottish, Northern Irish or British");
    readsWithWarning(
        "White: British", "White: English, Welsh, Scottish, Northern Irish or British");
    readsWithWarning("White Irish", "White: Irish");
    readsWithWarning(
        "Black African", "Black, Black British, Black Welsh, Caribbean or African: African");
    readsWithWarning("White: Other", "White: Other White");
    readsWithWarning("Gypsy", "White: Gypsy or Irish Traveller");
    readsWithWarning("Unknown", "Not known");
    readsWithWarning("Prefer not to say", "Not known");
    assertThat(Ethnicity.parse("").ethnicity()).isEqualTo(Ethnicity.NOT_KNOWN);
    assertThat(Ethnicity.parse("").warning()).contains("No ethnicity given: read as Not known");
  }

  @Test
  void refusesTextThatNamesNoCategoryWithoutRepeatingIt() {
    assertThatThrownBy(() -> Ethnicity.parse("Martian"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "The ethnicity is not an ONS 2021 category: write it like White: Irish, or its group"
                + " alone, like White, or Not known");
    assertThatThrownBy(() -> Ethnicity.parse("British"))
        .hasMessageStartingWith("The ethnicity is not an ONS 2021 category");
    assertThatThrownBy(() -> Ethnicity.parse("White: Indian"))
        .hasMessage(
            "The ethnicity's category is not one of the ONS 2021 categories of White: write it"
                + " like White: Irish, or the group alone, like White")
        .hasMessageNotContaining("Indian");
  }

  @Test
  void countsTowardsBamePctOutsideTheWhiteGroupsOnly() {
    assertThat(Ethnicity.parse("White: Irish").ethnicity().countsAsBame()).isFalse();
    assertThat(Ethnicity.parse("White: Roma").ethnicity().countsAsBame()).isFalse();
    assertThat(Ethnicity.parse("White").ethnicity().countsAsBame()).isFalse();
    assertThat(Ethnicity.parse("Not known").ethnicity().countsAsBame()).isFalse();
    assertThat(
            Ethnicity.parse("Mixed or Multiple ethnic groups: White and Asian")
                .ethnicity()
                .countsAsBame())
        .isTrue();
    assertThat(Ethnicity.parse("Other ethnic group: Arab").ethnicity().countsAsBame()).isTrue();
    assertThat(
            Ethnicity.parse("Black, Black British, Black Welsh, Caribbean or African")
                .ethnicity()
                .countsAsBame())
        .isTrue();
    assertThat(Ethnicity.of(EthnicCategory.CHINESE).countsAsBame()).isTrue();
  }
}
