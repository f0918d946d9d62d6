package org.ccrhub.plans;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An action added to a plan on screen, with the import's rules: a ref (unique in the plan, which
 * the plan checks), the area of its outcome it belongs to if any, its due date in the plan's words
 * (read as an import reads it: {@code Q4}, {@code March 2017}, {@code Ongoing}...), and the words,
 * leads, links and notes a change to an action can hold.
 */
public record NewAction(String ref, Optional<Long> areaId, String due, ActionChange details) {

  static final int DUE_LIMIT = 200;

  public NewAction {
    ref = NewPlan.oneLine(ref);
    due = NewPlan.oneLine(due);
  }

  /** Each problem with what was typed, by the form field it is about. */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (ref.isEmpty()) {
      problems.put("ref", "Enter the action's ref, for example 1.1.3");
    } else if (!Refs.isValid(ref)) {
      problems.put("ref", "A ref is 1 to 20 letters, digits, dots or hyphens, with no spaces");
    }
    problems.putAll(details.problems());
    if (due.length() > DUE_LIMIT) {
      problems.put("due", "Due must be 200 characters or fewer");
    }
    return problems;
  }

  /** The due date as the plan reads it, in the plan's first year where no year is written. */
  public Due dueIn(DeliveryPlan plan) {
    return Due.parse(due, plan.firstYear());
  }
}
