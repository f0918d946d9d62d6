package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;

/**
 * The board's report on a plan for a period, by exception: the actions rated Red or Amber/Red (Red
 * in a three-level scheme) and the overdue ones, grouped by outcome; then counts per rating per
 * outcome and for the plan, the actions not updated in the period, and the movements since the
 * period before. Derived entirely from a {@link PlanSnapshot}.
 */
public record ExceptionReport(
    PlanSnapshot snapshot,
    Map<PlanOutcome, List<Line>> exceptions,
    Map<PlanOutcome, Map<RagRating, Integer>> countsByOutcome,
    Map<RagRating, Integer> totals,
    List<PlanAction> notUpdated,
    List<Movement> movements) {

  /** The columns of the CSV form, in order. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "outcome",
          "ref",
          "action",
          "lead",
          "due",
          "rating",
          "previous_rating",
          "overdue",
          "comment");

  /** One exception: an action with its rating now and before, and whether it is overdue. */
  public record Line(
      PlanOutcome outcome,
      PlanAction action,
      Optional<ProgressUpdate> update,
      Optional<ProgressUpdate> previous,
      boolean overdue) {

    public String rating() {
      return update.map(u -> u.rating().label()).orElse("");
    }

    public String previousRating() {
      return previous.map(u -> u.rating().label()).orElse("");
    }

    public String comment() {
      return update.map(ProgressUpdate::comment).orElse("");
    }

    /** The cells of the CSV form. */
    public List<String> cells() {
      return List.of(
          outcome.label(),
          action.ref(),
          action.text(),
          action.leadsText(),
          action.due().text(),
          rating(),
          previousRating(),
          overdue ? "yes" : "no",
          comment());
    }
  }

  /** An action whose rating changed since the period before, e.g. Amber/Green to Amber/Red. */
  public record Movement(PlanAction action, RagRating from, RagRating to) {}

  public static ExceptionReport of(PlanSnapshot snapshot) {
    RagScheme scheme = snapshot.scheme();
    Map<PlanOutcome, List<Line>> exceptions = new LinkedHashMap<>();
    Map<PlanOutcome, Map<RagRating, Integer>> counts = new LinkedHashMap<>();
    Map<RagRating, Integer> totals = new EnumMap<>(RagRating.class);
    List<PlanAction> notUpdated = new ArrayList<>();
    List<Movement> movements = new ArrayList<>();
    for (PlanOutcome outcome : snapshot.outcomes()) {
      List<PlanAction> actions = snapshot.actionsOf(outcome);
      if (actions.isEmpty()) {
        continue;
      }
      Map<RagRating, Integer> outcomeCounts = new EnumMap<>(RagRating.class);
      for (PlanAction action : actions) {
        Optional<ProgressUpdate> update = snapshot.update(action);
        Optional<ProgressUpdate> previous = snapshot.previousUpdate(action);
        RagRating rating = snapshot.rating(action);
        outcomeCounts.merge(rating, 1, Integer::sum);
        totals.merge(rating, 1, Integer::sum);
        if (update.isEmpty()) {
          notUpdated.add(action);
        }
        if (update.isPresent()
            && previous.isPresent()
            && update.get().rating() != previous.get().rating()) {
          movements.add(new Movement(action, previous.get().rating(), update.get().rating()));
        }
        boolean overdue = snapshot.isOverdue(action);
        if (overdue || (update.isPresent() && scheme.isException(update.get().rating()))) {
          exceptions
              .computeIfAbsent(outcome, o -> new ArrayList<>())
              .add(new Line(outcome, action, update, previous, overdue));
        }
      }
      counts.put(outcome, outcomeCounts);
    }
    return new ExceptionReport(snapshot, exceptions, counts, totals, notUpdated, movements);
  }

  /** Every exception, in ref order (2.10 after 2.9). */
  public List<Line> lines() {
    return exceptions.values().stream()
        .flatMap(List::stream)
        .sorted(java.util.Comparator.comparing(l -> l.action().ref(), Refs.NATURAL_ORDER))
        .toList();
  }

  /** The ratings the counts are shown for: the scheme's levels and the states in use. */
  public List<RagRating> ratingsShown() {
    return snapshot.scheme().allowed();
  }

  public int total(RagRating rating) {
    return totals.getOrDefault(rating, 0);
  }
}
