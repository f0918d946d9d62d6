package org.ccrhub.marac;

import java.util.Locale;
import org.ccrhub.shared.InvalidInputException;

/**
 * The grade of the police's Domestic Abuse Risk Assessment (DARA), which most forces have used at
 * the scene since 2022 in place of the DASH checklist: a grade rather than a score. A police
 * referral graded {@link #HIGH} is at visible high risk.
 */
public enum DaraGrade {
  STANDARD("Standard"),
  MEDIUM("Medium"),
  HIGH("High");

  private final String label;

  DaraGrade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads {@code standard}, {@code medium} or {@code high} in any case. */
  public static DaraGrade parse(String text) {
    String key = Words.key(text);
    for (DaraGrade grade : values()) {
      if (grade.name().toLowerCase(Locale.ROOT).equals(key)) {
        return grade;
      }
    }
    throw new InvalidInputException("Enter the DARA grade: standard, medium or high");
  }
}
