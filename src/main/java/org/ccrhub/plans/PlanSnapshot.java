package org.ccrhub.plans;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;

/**
 * A plan as it stood in a reporting period: its outcomes, areas and actions (those archived from
 * that period or an earlier one left out: {@link ActionArchive}), each action's update for the
 * period and for the period before, and its latest update up to the end of the period. Reports,
 * exports and overview pages are all derived from one snapshot. Its actions are in ref order.
 */
public record PlanSnapshot(
    DeliveryPlan plan,
    RagScheme scheme,
    ReportingPeriod period,
    LocalDate asOf,
    List<PlanOutcome> outcomes,
    List<DeliveryArea> areas,
    List<PlanAction> actions,
    Map<Long, ProgressUpdate> thisPeriod,
    Map<Long, ProgressUpdate> previousPeriod,
    Map<Long, ProgressUpdate> latestSoFar) {

  /** Keeps the actions in ref order, sorted once: every report and page reads them so. */
  public PlanSnapshot {
    actions =
        actions.stream().sorted(Comparator.comparing(PlanAction::ref, Refs.NATURAL_ORDER)).toList();
  }

  /** Actions in ref order, 2.9 before 2.10. */
  public List<PlanAction> actionsInRefOrder() {
    return actions;
  }

  public Optional<ProgressUpdate> update(PlanAction action) {
    return Optional.ofNullable(thisPeriod.get(action.id()));
  }

  public Optional<ProgressUpdate> previousUpdate(PlanAction action) {
    return Optional.ofNullable(previousPeriod.get(action.id()));
  }

  /** Completed by the end of the period, by its latest update so far. */
  public boolean isCompleted(PlanAction action) {
    ProgressUpdate latest = latestSoFar.get(action.id());
    return latest != null && latest.rating() == RagRating.COMPLETED;
  }

  /**
   * The deadline has passed by the end of the period (or today, while the period runs) and the
   * action is not completed.
   */
  public boolean isOverdue(PlanAction action) {
    return action.due().isOverdueAt(asOf) && !isCompleted(action);
  }

  /** The rating in this period, or NOT_RATED when the action has no update for it. */
  public RagRating rating(PlanAction action) {
    return update(action).map(ProgressUpdate::rating).orElse(RagRating.NOT_RATED);
  }

  public PlanOutcome outcome(PlanAction action) {
    return outcomes.stream().filter(o -> o.id() == action.outcomeId()).findFirst().orElseThrow();
  }

  public Optional<DeliveryArea> area(PlanAction action) {
    return action.areaId().flatMap(id -> areas.stream().filter(a -> a.id() == id).findFirst());
  }

  public List<PlanAction> actionsOf(PlanOutcome outcome) {
    return actionsInRefOrder().stream().filter(a -> a.outcomeId() == outcome.id()).toList();
  }
}
