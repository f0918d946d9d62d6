package org.ccrhub.sharing;

/** The categories of information a protocol covers and a request asks for. */
public enum InformationCategory {
  PERSONAL("Personal information"),
  SPECIAL_CATEGORY("Special category information (health, ethnicity, sexuality and the like)"),
  CRIMINAL_OFFENCE("Criminal offence information"),
  DEPERSONALISED("Depersonalised information"),
  NON_PERSONAL("Non-personal information");

  private final String label;

  InformationCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether it is about people who can be identified, so needs a lawful basis and subjects. */
  public boolean identifiesPeople() {
    return this == PERSONAL || this == SPECIAL_CATEGORY || this == CRIMINAL_OFFENCE;
  }
}
