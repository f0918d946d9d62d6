package org.ccrhub.marac;

/** How an agency attended a meeting. */
public enum AttendanceStatus {
  PRESENT("Present"),
  APOLOGIES_INFO_SENT("Apologies, information sent"),
  ABSENT("Absent");

  private final String label;

  AttendanceStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
