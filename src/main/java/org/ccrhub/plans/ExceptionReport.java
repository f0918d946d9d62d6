package org.ccrhub.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
  public record Movement(PlanAction action, RagRating from, RagRating to) {

    public Direction direction() {
      return Direction.of(from, to);
    }
  }

  /**
   * Which way a rating moved: worse or better between two ratings (Red is worse than Amber/Red),
   * and worse too when an action not rated before (not started, completed or not rated) is now
   * rated Red or Amber/Red; completed; started (from Not started to Green, Amber/Green or Amber);
   * or another change (such as Completed back to Green, or a rating to Not rated). In this order
   * the board reads them.
   */
  public enum Direction {
    WORSE("worse", "worse"),
    BETTER("better", "better"),
    COMPLETED("completed", "completed"),
    STARTED("started", "started"),
    OTHER("other change", "other changes");

    private final String one;
    private final String many;

    Direction(String one, String many) {
      this.one = one;
      this.many = many;
    }

    /** E.g. "1 other change", "1,086 worse". */
    public String count(long count) {
      return String.format(Locale.UK, "%,d %s", count, count == 1 ? one : many);
    }

    static Direction of(RagRating from, RagRating to) {
      if (from.isRating() && to.isRating()) {
        return to.severity() > from.severity() ? WORSE : BETTER;
      }
      if (to.isRating() && to.severity() >= RagRating.AMBER_RED.severity()) {
        return WORSE;
      }
      if (to == RagRating.COMPLETED) {
        return COMPLETED;
      }
      if (from == RagRating.NOT_STARTED && to.isRating()) {
        return STARTED;
      }
      return OTHER;
    }
  }

  /**
   * The actions that made the same change, e.g. every action that went from Amber/Green to
   * Amber/Red, in ref order.
   */
  public record MovementGroup(RagRating from, RagRating to, List<PlanAction> actions) {

    public Direction direction() {
      return Direction.of(from, to);
    }

    /**
     * Order within a direction: worse by the rating reached, most serious first, then by the
     * biggest fall; better by the rating left, most serious first, then by the biggest rise; the
     * rest by rating.
     */
    private int rank() {
      return switch (direction()) {
        case WORSE -> -to.severity() * 10 + from.severity();
        case BETTER -> -from.severity() * 10 + to.severity();
        default -> from.ordinal() * 10 + to.ordinal();
      };
    }

    /** E.g. "(1 action)", "(1,086 actions)". */
    public String countText() {
      return String.format(
          Locale.UK, "(%,d %s)", actions.size(), actions.size() == 1 ? "action" : "actions");
    }

    /** The actions' refs, e.g. "1.2, 1.10, 3.1". */
    public String refs() {
      return actions.stream().map(PlanAction::ref).collect(Collectors.joining(", "));
    }
  }

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
        .sorted(Comparator.comparing(l -> l.action().ref(), Refs.NATURAL_ORDER))
        .toList();
  }

  /**
   * How many exceptions are rated this, by its label (e.g. {@code Red}), for the report's counts at
   * a glance.
   */
  public long exceptionsRated(String rating) {
    return exceptions.values().stream()
        .flatMap(List::stream)
        .filter(line -> line.rating().equals(rating))
        .count();
  }

  /** How many exceptions are overdue. */
  public long overdueCount() {
    return exceptions.values().stream().flatMap(List::stream).filter(Line::overdue).count();
  }

  /** How many exceptions there are. */
  public long exceptionCount() {
    return exceptions.values().stream().mapToLong(List::size).sum();
  }

  /**
   * The movements grouped by change: worse first (the most serious rating reached first), then
   * better, completed, started and other changes. The board paper lists these rather than one row
   * per action: a long plan can have more than a thousand movements in a quarter, and the
   * spreadsheet form lists each one.
   */
  public List<MovementGroup> movementGroups() {
    Map<List<RagRating>, List<PlanAction>> byChange = new LinkedHashMap<>();
    for (Movement movement : movements) {
      byChange
          .computeIfAbsent(List.of(movement.from(), movement.to()), k -> new ArrayList<>())
          .add(movement.action());
    }
    Comparator<MovementGroup> order =
        Comparator.comparing(MovementGroup::direction).thenComparingInt(MovementGroup::rank);
    return byChange.entrySet().stream()
        .map(
            e ->
                new MovementGroup(
                    e.getKey().get(0),
                    e.getKey().get(1),
                    e.getValue().stream()
                        .sorted(Comparator.comparing(PlanAction::ref, Refs.NATURAL_ORDER))
                        .toList()))
        .sorted(order)
        .toList();
  }

  /** Up to this many movements, the board paper names each moved action; beyond, their refs. */
  static final int MOVEMENTS_IN_FULL = 40;

  /**
   * Whether the board paper lists each moved action with its words: a few changes read best that
   * way, but a long plan can have more than a thousand in a quarter, which would run to dozens of
   * pages, so then it gives the refs (the spreadsheet form always lists each action).
   */
  public boolean movementsInFull() {
    return movements.size() <= MOVEMENTS_IN_FULL;
  }

  /**
   * The movements in a sentence, e.g. "12 actions changed rating: 5 worse, 4 better, 3 completed."
   */
  public String movementSummary() {
    Map<Direction, Long> counts =
        movements.stream()
            .collect(
                Collectors.groupingBy(
                    Movement::direction,
                    () -> new EnumMap<>(Direction.class),
                    Collectors.counting()));
    String parts =
        counts.entrySet().stream()
            .map(e -> e.getKey().count(e.getValue()))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.UK,
        "%,d %s changed rating: %s.",
        movements.size(),
        movements.size() == 1 ? "action" : "actions",
        parts);
  }

  /** The ratings the counts are shown for: the scheme's levels and the states in use. */
  public List<RagRating> ratingsShown() {
    return snapshot.scheme().allowed();
  }

  public int total(RagRating rating) {
    return totals.getOrDefault(rating, 0);
  }
}
