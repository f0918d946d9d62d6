package org.ccrhub.marac;

/** How a sampled case measured up against the MARAC's agreed outcomes. */
public enum AuditOutcome {
  MET("Met"),
  PARTLY_MET("Partly met"),
  NOT_MET("Not met");

  private final String label;

  AuditOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
