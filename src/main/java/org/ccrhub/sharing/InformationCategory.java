package org.ccrhub.sharing;

/** The kinds of information a protocol covers and a request asks for. */
public enum InformationCategory {
  PERSONAL("Personal information", "Personal", "about someone who can be identified"),
  SPECIAL_CATEGORY(
      "Special category information (health, ethnicity, sexuality and the like)",
      "Special category",
      "health, ethnicity, religion, sex life or sexual orientation, and the like"),
  CRIMINAL_OFFENCE(
      "Criminal offence information",
      "Criminal offence",
      "allegations, proceedings, convictions and cautions"),
  DEPERSONALISED(
      "Depersonalised information",
      "Depersonalised",
      "about people, but nobody can be identified from it"),
  NON_PERSONAL(
      "Non-personal information",
      "Non-personal",
      "about places, services or organisations, not people");

  private final String label;
  private final String name;
  private final String description;

  InformationCategory(String label, String name, String description) {
    this.label = label;
    this.name = name;
    this.description = description;
  }

  /** E.g. "Criminal offence information". */
  public String label() {
    return label;
  }

  /** E.g. "Special category: health, ethnicity, ...", as the protocol's checkbox reads. */
  public String described() {
    return name + ": " + description;
  }

  /** Whether it is about people who can be identified, so needs a lawful basis and subjects. */
  public boolean identifiesPeople() {
    return this == PERSONAL || this == SPECIAL_CATEGORY || this == CRIMINAL_OFFENCE;
  }
}
