package org.ccrhub.marac;

import java.util.List;

/**
 * The 19 ethnic categories of the ONS 2021 census classification for England and Wales, each in its
 * {@link EthnicGroup}. Written in full as {@code group: category}, such as {@code White: Irish}.
 */
public enum EthnicCategory {
  BANGLADESHI(EthnicGroup.ASIAN, "Bangladeshi", List.of()),
  CHINESE(EthnicGroup.ASIAN, "Chinese", List.of()),
  INDIAN(EthnicGroup.ASIAN, "Indian", List.of()),
  PAKISTANI(EthnicGroup.ASIAN, "Pakistani", List.of()),
  OTHER_ASIAN(
      EthnicGroup.ASIAN,
      "Other Asian",
      List.of("Any other Asian background", "Asian other", "Other Asian background", "Other")),
  AFRICAN(EthnicGroup.BLACK, "African", List.of("Black African")),
  CARIBBEAN(EthnicGroup.BLACK, "Caribbean", List.of("Black Caribbean")),
  OTHER_BLACK(
      EthnicGroup.BLACK,
      "Other Black",
      List.of(
          "Any other Black, African or Caribbean background",
          "Any other Black background",
          "Black other",
          "Other Black background",
          "Other")),
  WHITE_AND_ASIAN(EthnicGroup.MIXED, "White and Asian", List.of()),
  WHITE_AND_BLACK_AFRICAN(EthnicGroup.MIXED, "White and Black African", List.of()),
  WHITE_AND_BLACK_CARIBBEAN(EthnicGroup.MIXED, "White and Black Caribbean", List.of()),
  OTHER_MIXED(
      EthnicGroup.MIXED,
      "Other Mixed or Multiple ethnic groups",
      List.of(
          "Any other Mixed/Multiple ethnic background",
          "Any other Mixed or Multiple ethnic background",
          "Any other mixed background",
          "Other Mixed",
          "Mixed other",
          "Other")),
  ENGLISH_WELSH_SCOTTISH_NORTHERN_IRISH_OR_BRITISH(
      EthnicGroup.WHITE,
      "English, Welsh, Scottish, Northern Irish or British",
      List.of(
          "English/Welsh/Scottish/Northern Irish/British",
          "English, Welsh, Scottish, Northern Irish, British",
          "White British",
          "British",
          "English",
          "Welsh",
          "Scottish",
          "Northern Irish")),
  IRISH(EthnicGroup.WHITE, "Irish", List.of("White Irish")),
  GYPSY_OR_IRISH_TRAVELLER(
      EthnicGroup.WHITE,
      "Gypsy or Irish Traveller",
      List.of(
          "Gypsy",
          "Irish Traveller",
          "Traveller",
          "Gypsy/Irish Traveller",
          "Gypsy, Irish Traveller")),
  ROMA(EthnicGroup.WHITE, "Roma", List.of()),
  OTHER_WHITE(
      EthnicGroup.WHITE,
      "Other White",
      List.of("Any other White background", "White other", "Other White background", "Other")),
  ARAB(EthnicGroup.OTHER, "Arab", List.of()),
  ANY_OTHER(
      EthnicGroup.OTHER,
      "Any other ethnic group",
      List.of("Any other", "Other ethnic group", "Other"));

  private final EthnicGroup group;
  private final String label;
  private final List<String> otherNames;

  EthnicCategory(EthnicGroup group, String label, List<String> otherNames) {
    this.group = group;
    this.label = label;
    this.otherNames = otherNames;
  }

  public EthnicGroup group() {
    return group;
  }

  /** The category's own name as ONS 2021 writes it: "Irish". */
  public String label() {
    return label;
  }

  /** In full as ONS 2021 writes it: "White: Irish". */
  public String fullLabel() {
    return group.label() + ": " + label;
  }

  /**
   * Other names for the category within its group, such as the 2011 census's; some ("Other") are
   * understood only after the group's name.
   */
  List<String> otherNames() {
    return otherNames;
  }
}
