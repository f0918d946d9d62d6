package org.ccrhub.marac;

/**
 * The roles of a MARAC's own people (ADR 19), held per MARAC. Only they see its cases; everyone
 * else, partnership administrators included, sees counts.
 */
public enum MaracRole {
  MARAC_COORDINATOR("MARAC coordinator"),
  MARAC_CHAIR("MARAC chair"),
  /** An agency's representative or deputy: the agency is recorded with the role. */
  MARAC_MEMBER("MARAC member"),
  IDVA("IDVA");

  private final String label;

  MaracRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the role needs the agency the person represents. */
  public boolean needsAgency() {
    return this == MARAC_MEMBER;
  }
}
