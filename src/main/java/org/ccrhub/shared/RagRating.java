package org.ccrhub.shared;

/**
 * The red-amber-green status a lead gives an action each quarter, or a state that is not a rating
 * (not started, completed, not rated). Every amber and red rating needs a comment explaining why,
 * because those are what the strategic group and the board look at. Which ratings a partnership
 * uses depends on its {@link RagScheme}.
 */
public enum RagRating {
  GREEN("Green", "govuk-tag--green", 1),
  AMBER_GREEN("Amber/Green", "govuk-tag--yellow", 2),
  AMBER("Amber", "govuk-tag--orange", 3),
  AMBER_RED("Amber/Red", "govuk-tag--orange", 4),
  RED("Red", "govuk-tag--red", 5),
  NOT_STARTED("Not started", "govuk-tag--grey", 0),
  COMPLETED("Completed", "govuk-tag--blue", 0),
  NOT_RATED("Not rated", "govuk-tag--grey", 0);

  private final String label;
  private final String cssClass;
  private final int severity;

  RagRating(String label, String cssClass, int severity) {
    this.label = label;
    this.cssClass = cssClass;
    this.severity = severity;
  }

  /** The words users see, e.g. "Amber/Green". */
  public String label() {
    return label;
  }

  /** Whether this is a red-amber-green rating rather than a state such as completed. */
  public boolean isRating() {
    return severity > 0;
  }

  /** Every amber and red rating needs a comment explaining why. */
  public boolean needsComment() {
    return this != GREEN && isRating();
  }

  /** The label after "a" or "an" as it is said: "a Red", "an Amber/Green". */
  public String withArticle() {
    return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
  }

  /** The GOV.UK tag modifier class for its colour, e.g. {@code govuk-tag--orange}. */
  public String cssClass() {
    return cssClass;
  }

  /** How serious it is, for ordering: Red is highest, states that are not ratings are 0. */
  public int severity() {
    return severity;
  }
}
