package org.ccrhub.partnership;

/** The kind of group: the statutory board, the groups under it, and others. */
public enum GroupType {
  CSP_BOARD("Community Safety Partnership board"),
  VAWG_STRATEGIC_GROUP("VAWG strategic group"),
  MARAC("MARAC"),
  MARAC_STEERING_GROUP("MARAC steering group"),
  ADVISORY_GROUP("Advisory group"),
  COMMISSIONING_GROUP("Commissioning group"),
  WORKING_GROUP("Working group"),
  OTHER("Other");

  private final String label;

  GroupType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
