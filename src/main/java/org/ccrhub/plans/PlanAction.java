package org.ccrhub.plans;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An action of a plan, known by its ref (e.g. {@code 3.1.1}), which is unique in the plan.
 *
 * @param leads who leads it in the plan's words: groups, agencies or a person's role
 */
public record PlanAction(
    long id,
    long planId,
    long outcomeId,
    Optional<Long> areaId,
    String ref,
    String text,
    String expectedOutcome,
    Due due,
    List<String> leads,
    String links,
    String resources,
    String impact,
    int version) {

  public String leadsText() {
    return String.join("; ", leads);
  }

  /**
   * The leads written in one cell or box, as plans write them: separated by semicolons or new
   * lines, blanks left out, e.g. "Police; Health" or one per line.
   */
  public static List<String> parseLeads(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[;\\n\\r]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
