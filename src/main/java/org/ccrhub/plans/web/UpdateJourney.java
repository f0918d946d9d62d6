package org.ccrhub.plans.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.Refs;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.springframework.stereotype.Component;

/**
 * The way through a quarter's updates: the earlier updates the form shows beside an action, and the
 * next action the person has to update after saving one.
 */
@Component
class UpdateJourney {

  /** An action to update next, with its plan and the period to update it for. */
  record Next(DeliveryPlan plan, PlanAction action, ReportingPeriod period) {}

  private record Step(Next next, boolean needsUpdate) {}

  private final ActionProgress progress;
  private final DeliveryPlans plans;

  UpdateJourney(ActionProgress progress, DeliveryPlans plans) {
    this.progress = progress;
    this.plans = plans;
  }

  /**
   * The update that counted for each of the latest {@code count} periods before this one, newest
   * first (a correction replaces the update it corrects).
   *
   * @param history every update of the action, newest first, as {@link DeliveryPlans#history}
   */
  static List<ProgressUpdate> earlierUpdates(
      List<ProgressUpdate> history, ReportingPeriod period, int count) {
    List<ProgressUpdate> earlier = new ArrayList<>();
    Set<ReportingPeriod> seen = new HashSet<>();
    history.stream()
        .filter(u -> u.period().compareTo(period) < 0)
        .sorted(
            Comparator.comparing(ProgressUpdate::period)
                .thenComparingLong(ProgressUpdate::id)
                .reversed())
        .forEach(
            u -> {
              if (earlier.size() < count && seen.add(u.period())) {
                earlier.add(u);
              }
            });
    return earlier;
  }

  /**
   * The next action after {@code current} that the person may update and that needs an update: in
   * the order of My actions (every plan of the partnership, each in the period it collects updates
   * for) for someone assigned actions, else, for an administrator or strategic lead, in the plan's
   * order for this period.
   */
  Optional<Next> next(
      Partnership partnership,
      Reporter reporter,
      CurrentRoles roles,
      DeliveryPlan plan,
      PlanAction current,
      ReportingPeriod period) {
    List<Step> order =
        progress.assignments(partnership, reporter.accountId()).stream()
            .map(a -> new Step(new Next(a.plan(), a.action(), a.period()), a.needsUpdate()))
            .toList();
    if (order.isEmpty() && PlanPages.managesPlans(roles)) {
      Map<Long, ProgressUpdate> updates = plans.updatesIn(plan, period);
      Map<Long, ProgressUpdate> earlier = plans.latestUpTo(plan, period.previous());
      order =
          plans.actions(plan).stream()
              .sorted(Comparator.comparing(PlanAction::ref, Refs.NATURAL_ORDER))
              .map(
                  a ->
                      new Step(
                          new Next(plan, a, period),
                          !updates.containsKey(a.id())
                              && !(earlier.containsKey(a.id())
                                  && earlier.get(a.id()).rating() == RagRating.COMPLETED)))
              .toList();
    }
    int at = -1;
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).next().action().id() == current.id()) {
        at = i;
      }
    }
    for (int i = 1; i <= order.size(); i++) {
      Step candidate = order.get(Math.floorMod(at + i, order.size()));
      if (candidate.next().action().id() != current.id()
          && candidate.needsUpdate()
          && progress.mayUpdate(reporter, candidate.next().action())) {
        return Optional.of(candidate.next());
      }
    }
    return Optional.empty();
  }

  /** Whether the person has actions assigned to them, as My actions lists them. */
  boolean hasAssignments(Partnership partnership, long accountId) {
    return !progress.assignments(partnership, accountId).isEmpty();
  }
}
