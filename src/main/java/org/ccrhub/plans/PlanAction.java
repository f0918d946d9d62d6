package org.ccrhub.plans;

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
}
