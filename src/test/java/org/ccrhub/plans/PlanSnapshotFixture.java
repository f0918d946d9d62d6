package org.ccrhub.plans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;

/**
 * A plan as it stood in a period, built in memory: {@code aPlan(FOUR).outcome("1", "Prevention")
 * .action("1.1", "Train GPs", "Q1", "Health").rated(RED, "Slipped").snapshot()}. Ratings given with
 * {@link #rated} are for the report's period, {@link #ratedBefore} for the period before, and
 * {@link #ratedIn} for any other.
 */
final class PlanSnapshotFixture {

  private final RagScheme scheme;
  private final ReportingPeriod period;
  private final List<PlanOutcome> outcomes = new ArrayList<>();
  private final List<PlanAction> actions = new ArrayList<>();
  private final List<ProgressUpdate> updates = new ArrayList<>();
  private String marking = "OFFICIAL";
  private long ids = 1;

  private PlanSnapshotFixture(RagScheme scheme, ReportingPeriod period) {
    this.scheme = scheme;
    this.period = period;
  }

  /** A 2016/17 plan reported on for 2016/17 Q2. */
  static PlanSnapshotFixture aPlan(RagScheme scheme) {
    return new PlanSnapshotFixture(scheme, ReportingPeriod.parse("2016/17 Q2"));
  }

  PlanSnapshotFixture marked(String marking) {
    this.marking = marking;
    return this;
  }

  PlanSnapshotFixture outcome(String ref, String title) {
    outcomes.add(new PlanOutcome(ids++, Optional.of(ref), title, outcomes.size(), 0));
    return this;
  }

  PlanSnapshotFixture action(String ref, String text, String due, String... leads) {
    PlanOutcome outcome = outcomes.get(outcomes.size() - 1);
    actions.add(
        new PlanAction(
            ids++,
            1,
            outcome.id(),
            Optional.empty(),
            ref,
            text,
            "",
            Due.parse(due, new FinancialYear(2016)),
            List.of(leads),
            "",
            "",
            "",
            0));
    return this;
  }

  /** The last action's update for the report's period. */
  PlanSnapshotFixture rated(RagRating rating, String comment) {
    return ratedIn(period, rating, comment);
  }

  /** The last action's update for the period before the report's. */
  PlanSnapshotFixture ratedBefore(RagRating rating, String comment) {
    return ratedIn(period.previous(), rating, comment);
  }

  PlanSnapshotFixture ratedIn(ReportingPeriod when, RagRating rating, String comment) {
    PlanAction action = actions.get(actions.size() - 1);
    updates.add(
        new ProgressUpdate(
            ids++,
            action.id(),
            when,
            rating,
            comment,
            "lead@example.org",
            Instant.parse("2016-06-30T12:00:00Z")));
    return this;
  }

  PlanSnapshot snapshot() {
    Map<Long, ProgressUpdate> now = new HashMap<>();
    Map<Long, ProgressUpdate> before = new HashMap<>();
    Map<Long, ProgressUpdate> latest = new HashMap<>();
    for (ProgressUpdate update : updates) {
      if (update.period().equals(period)) {
        now.put(update.actionId(), update);
      }
      if (update.period().equals(period.previous())) {
        before.put(update.actionId(), update);
      }
      ProgressUpdate known = latest.get(update.actionId());
      if (update.period().compareTo(period) <= 0
          && (known == null || update.period().compareTo(known.period()) >= 0)) {
        latest.put(update.actionId(), update);
      }
    }
    DeliveryPlan plan =
        new DeliveryPlan(
            1,
            1,
            "VAWG Delivery Plan",
            new FinancialYear(2016),
            new FinancialYear(2016),
            marking,
            Optional.empty(),
            0);
    return new PlanSnapshot(
        plan,
        scheme,
        period,
        period.lastDay(),
        List.copyOf(outcomes),
        List.of(),
        List.copyOf(actions),
        now,
        before,
        latest);
  }

  ExceptionReport report() {
    return ExceptionReport.of(snapshot());
  }
}
