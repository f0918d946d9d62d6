package org.ccrhub.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;

/**
 * The partnership's delivery plans with the refs of their actions and outcomes, to find what an
 * entry of a definitions file's {@code links} column names: {@code Plan name: ref}, or a bare
 * {@code ref} that only one plan has. In a plan an action's ref is matched before an outcome's.
 */
final class LinkablePlans {

  /** What an entry names: an action or an outcome, by id. */
  record Target(boolean action, long id) {}

  /** One plan's refs, keyed in lower case. */
  private record Plan(String name, Map<String, Long> actions, Map<String, Long> outcomes) {

    Optional<Target> find(String ref) {
      String key = key(ref);
      if (actions.containsKey(key)) {
        return Optional.of(new Target(true, actions.get(key)));
      }
      return Optional.ofNullable(outcomes.get(key)).map(id -> new Target(false, id));
    }
  }

  private final List<Plan> plans;

  private LinkablePlans(List<Plan> plans) {
    this.plans = plans;
  }

  /** No plans: for a file without a {@code links} column, which names none. */
  static LinkablePlans none() {
    return new LinkablePlans(List.of());
  }

  static LinkablePlans of(Partnership partnership, DeliveryPlans deliveryPlans) {
    List<Plan> plans = new ArrayList<>();
    for (DeliveryPlan plan : deliveryPlans.findAll(partnership)) {
      Map<String, Long> actions = new HashMap<>();
      for (PlanAction action : deliveryPlans.actions(plan)) {
        actions.putIfAbsent(key(action.ref()), action.id());
      }
      Map<String, Long> outcomes = new HashMap<>();
      for (PlanOutcome outcome : deliveryPlans.outcomes(plan)) {
        outcome.ref().ifPresent(ref -> outcomes.putIfAbsent(key(ref), outcome.id()));
      }
      plans.add(new Plan(plan.name(), actions, outcomes));
    }
    return new LinkablePlans(plans);
  }

  /**
   * The action or outcome the entry names.
   *
   * @throws InvalidInputException saying why it names none, or more than one
   */
  Target find(String entry) {
    int colon = entry.lastIndexOf(':');
    String planName = colon < 0 ? "" : entry.substring(0, colon).strip();
    String ref = entry.substring(colon + 1).strip();
    if (plans.isEmpty()) {
      throw new InvalidInputException(
          "The partnership has no delivery plans: import a plan before linking indicators to it");
    }
    if (ref.isEmpty()) {
      throw new InvalidInputException(
          "Give the ref of an action or outcome after the plan name, e.g. '"
              + (planName.isEmpty() ? plans.get(0).name() : planName)
              + ": 1.2.1'");
    }
    if (!planName.isEmpty()) {
      Plan plan =
          plans.stream()
              .filter(p -> key(p.name()).equals(key(planName)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "There is no plan called '"
                              + planName
                              + "': the partnership's plans are "
                              + names(plans)));
      return plan.find(ref)
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      "The plan '" + plan.name() + "' has no action or outcome " + ref));
    }
    List<Plan> having = plans.stream().filter(p -> p.find(ref).isPresent()).toList();
    if (having.isEmpty()) {
      throw new InvalidInputException(
          "No plan has an action or outcome " + ref + ": the plans are " + names(plans));
    }
    if (having.size() > 1) {
      throw new InvalidInputException(
          ref
              + " is in more than one plan ("
              + names(having)
              + "): write the plan's name before it, e.g. '"
              + having.get(0).name()
              + ": "
              + ref
              + "'");
    }
    return having.get(0).find(ref).orElseThrow();
  }

  private static String names(List<Plan> plans) {
    return String.join(", ", plans.stream().map(p -> "'" + p.name() + "'").toList());
  }

  private static String key(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
