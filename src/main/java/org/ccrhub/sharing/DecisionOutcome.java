package org.ccrhub.sharing;

/** What the asked agency decided: to share, to share in part, or to refuse. */
public enum DecisionOutcome {
  SHARE("Share"),
  SHARE_IN_PART("Share in part"),
  REFUSE("Refuse");

  private final String label;

  DecisionOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether information goes to the requester: sharing in full or in part. */
  public boolean shares() {
    return this != REFUSE;
  }
}
