package org.ccrhub.indicators;

/**
 * A plan outcome or action an indicator measures, as shown: its plan, and its ref and title (an
 * outcome may have no ref).
 *
 * @param id the action's or the outcome's id
 * @param action true for an action, false for an outcome
 */
public record IndicatorLink(
    long planId, String planName, boolean action, long id, String ref, String title) {

  /** As plans write it: {@code VAWG Delivery Plan: 1.2.1 Train 300 frontline staff}. */
  public String label() {
    return planName + ": " + (ref.isEmpty() ? title : ref + " " + title);
  }
}
