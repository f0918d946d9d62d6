package org.ccrhub.marac;

/** Where a MARAC action stands, as its agency last said. */
public enum ActionStatus {
  OPEN("Open"),
  DONE("Done"),
  NOT_DONE("Not done");

  private final String label;

  ActionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
