package org.ccrhub.partnership;

/** The kind of organisation an agency is, as partnerships group them in reports. */
public enum AgencyType {
  POLICE("Police"),
  LOCAL_AUTHORITY("Local authority"),
  HEALTH("Health"),
  PROBATION("Probation"),
  FIRE("Fire and rescue"),
  HOUSING("Housing"),
  EDUCATION("Education"),
  VOLUNTARY_COMMUNITY("Voluntary and community sector"),
  OTHER("Other");

  private final String label;

  AgencyType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
