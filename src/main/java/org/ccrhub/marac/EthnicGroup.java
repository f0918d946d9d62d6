package org.ccrhub.marac;

import java.util.List;

/**
 * The five ethnic groups of the ONS 2021 census classification for England and Wales, and {@link
 * #NOT_KNOWN}. The data return's {@code bame_pct} counts victims outside the White group; "Not
 * known" counts as not.
 */
public enum EthnicGroup {
  ASIAN(
      "Asian, Asian British or Asian Welsh",
      List.of("Asian or Asian British", "Asian", "Asian British", "Asian/Asian British")),
  BLACK(
      "Black, Black British, Black Welsh, Caribbean or African",
      List.of(
          "Black/African/Caribbean/Black British",
          "Black, African, Caribbean or Black British",
          "Black or Black British",
          "Black British",
          "Black")),
  MIXED(
      "Mixed or Multiple ethnic groups",
      List.of(
          "Mixed/Multiple ethnic groups",
          "Mixed or Multiple ethnic group",
          "Mixed ethnic group",
          "Mixed ethnic groups",
          "Multiple ethnic groups",
          "Mixed",
          "Dual heritage")),
  WHITE("White", List.of()),
  OTHER("Other ethnic group", List.of("Other ethnic groups", "Other")),
  NOT_KNOWN(
      "Not known",
      List.of(
          "Unknown", "Not stated", "Prefer not to say", "Not disclosed", "Declined", "Refused"));

  private final String label;
  private final List<String> otherNames;

  EthnicGroup(String label, List<String> otherNames) {
    this.label = label;
    this.otherNames = otherNames;
  }

  /** As ONS 2021 writes it: "Asian, Asian British or Asian Welsh". */
  public String label() {
    return label;
  }

  /** Names other than ONS 2021's that mean this group, such as the 2011 census's. */
  List<String> otherNames() {
    return otherNames;
  }

  /**
   * Whether a victim of this group counts towards {@code bame_pct}: outside the White group, known.
   */
  public boolean countsAsBame() {
    return this != WHITE && this != NOT_KNOWN;
  }
}
