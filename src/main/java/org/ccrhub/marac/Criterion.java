package org.ccrhub.marac;

import java.util.Map;
import org.ccrhub.shared.InvalidInputException;

/**
 * A ground on which a case is referred to the MARAC; a referral meets one or more. Repeats are
 * found by CCR Hub ({@link ReferralIndex}), not claimed by the referrer, so they are not a
 * criterion here.
 */
public enum Criterion {
  /** The DASH score reaches the MARAC's threshold, or the DARA grade is high. */
  VISIBLE_HIGH_RISK("Visible high risk"),
  /** The referrer's serious concern, with the reason recorded, whatever the score. */
  PROFESSIONAL_JUDGEMENT("Professional judgement"),
  /** Enough police-reported incidents within the MARAC's window. */
  POTENTIAL_ESCALATION("Potential escalation");

  private static final Map<String, Criterion> WRITTEN =
      Map.of(
          "visible high risk", VISIBLE_HIGH_RISK,
          "professional judgement", PROFESSIONAL_JUDGEMENT,
          "professional judgment", PROFESSIONAL_JUDGEMENT,
          "potential escalation", POTENTIAL_ESCALATION);

  private final String label;

  Criterion(String label) {
    this.label = label;
  }

  /** As shown: "Visible high risk". */
  public String label() {
    return label;
  }

  /**
   * Reads {@code visible high risk}, {@code professional judgement} or {@code potential escalation}
   * in any case.
   */
  public static Criterion parse(String text) {
    Criterion criterion = WRITTEN.get(Words.key(text));
    if (criterion == null) {
      throw new InvalidInputException(
          "Enter the criterion: visible high risk, professional judgement or potential escalation");
    }
    return criterion;
  }
}
