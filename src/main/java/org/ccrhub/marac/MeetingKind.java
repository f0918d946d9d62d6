package org.ccrhub.marac;

/** A meeting scheduled in the MARAC's pattern, an emergency one, or a date of imported records. */
public enum MeetingKind {
  REGULAR("Regular"),
  EMERGENCY("Emergency"),
  IMPORTED("Imported");

  private final String label;

  MeetingKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
