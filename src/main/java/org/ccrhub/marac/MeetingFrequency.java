package org.ccrhub.marac;

/** How often a MARAC meets regularly; emergency meetings come in between. */
public enum MeetingFrequency {
  WEEKLY("Weekly"),
  FORTNIGHTLY("Fortnightly"),
  MONTHLY("Monthly");

  private final String label;

  MeetingFrequency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
