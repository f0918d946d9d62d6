package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccrhub.plans.PlanSnapshotFixture.aPlan;
import static org.ccrhub.shared.RagRating.AMBER;
import static org.ccrhub.shared.RagRating.AMBER_GREEN;
import static org.ccrhub.shared.RagRating.AMBER_RED;
import static org.ccrhub.shared.RagRating.COMPLETED;
import static org.ccrhub.shared.RagRating.GREEN;
import static org.ccrhub.shared.RagRating.NOT_RATED;
import static org.ccrhub.shared.RagRating.NOT_STARTED;
import static org.ccrhub.shared.RagRating.RED;

import java.util.List;
import java.util.Map;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.junit.jupiter.api.Test;

class ExceptionReportTests {

  private static List<String> exceptionRefs(ExceptionReport report) {
    return report.lines().stream().map(l -> l.action().ref()).toList();
  }

  @Test
  void listsActionsRatedAmberRedOrRedInAFourLevelScheme() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.1", "Red action", "Q4", "Police")
            .rated(RED, "Stalled")
            .action("1.2", "Amber/Red action", "Q4", "Health")
            .rated(AMBER_RED, "Behind")
            .action("1.3", "Amber/Green action", "Q4", "Council")
            .rated(AMBER_GREEN, "Slightly behind")
            .action("1.4", "Green action", "Q4", "Council")
            .rated(GREEN, "")
            .report();

    assertThat(exceptionRefs(report)).containsExactly("1.1", "1.2");
    assertThat(report.lines())
        .extracting(ExceptionReport.Line::rating)
        .containsExactly("Red", "Amber/Red");
  }

  @Test
  void listsOnlyRedActionsInAThreeLevelScheme() {
    ExceptionReport report =
        aPlan(RagScheme.THREE)
            .outcome("1", "Prevention")
            .action("1.1", "Red action", "Q4", "Police")
            .rated(RED, "Stalled")
            .action("1.2", "Amber action", "Q4", "Health")
            .rated(AMBER, "Behind")
            .action("1.3", "Green action", "Q4", "Council")
            .rated(GREEN, "")
            .report();

    assertThat(exceptionRefs(report)).containsExactly("1.1");
  }

  @Test
  void flagsActionsOverdueAtTheEndOfThePeriodUnlessCompleted() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.1", "Due in Q1, still open", "Q1", "Police")
            .rated(GREEN, "Nearly there")
            .action("1.2", "Due in Q2, the period reported", "Q2", "Health")
            .rated(GREEN, "On track")
            .action("1.3", "Due in Q1, completed in Q1", "Q1", "Council")
            .ratedBefore(COMPLETED, "Done")
            .action("1.4", "Due in Q1, completed this period", "Q1", "Council")
            .rated(COMPLETED, "Done late")
            .action("1.5", "Due June 2016, never updated", "June 2016", "Probation")
            .action("1.6", "Business as usual", "Business as usual", "Probation")
            .rated(GREEN, "")
            .report();

    assertThat(exceptionRefs(report)).containsExactly("1.1", "1.5");
    assertThat(report.lines()).allMatch(ExceptionReport.Line::overdue);
  }

  @Test
  void judgesOverdueAtTheEndOfThePeriodReportedNotLater() {
    PlanSnapshot q2 =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.1", "Due in Q2", "Q2", "Police")
            .snapshot();
    PlanSnapshot laterView =
        new PlanSnapshot(
            q2.plan(),
            q2.scheme(),
            q2.period().next(),
            q2.period().next().lastDay(),
            q2.outcomes(),
            q2.areas(),
            q2.actions(),
            Map.of(),
            Map.of(),
            Map.of());

    assertThat(q2.isOverdue(q2.actions().get(0))).isFalse();
    assertThat(laterView.isOverdue(laterView.actions().get(0))).isTrue();
  }

  @Test
  void groupsExceptionsByOutcomeAndListsThemInNaturalRefOrder() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("2", "Provision")
            .action("2.10", "Tenth", "Q4", "Council")
            .rated(RED, "Late")
            .action("2.9", "Ninth", "Q4", "Council")
            .rated(RED, "Late")
            .outcome("1", "Prevention")
            .action("1.1", "First", "Q4", "Police")
            .rated(AMBER_RED, "Behind")
            .report();

    assertThat(report.exceptions().keySet())
        .extracting(PlanOutcome::label)
        .containsExactly("2 Provision", "1 Prevention");
    assertThat(report.exceptions().values().iterator().next())
        .extracting(l -> l.action().ref())
        .containsExactly("2.9", "2.10");
    assertThat(exceptionRefs(report)).containsExactly("1.1", "2.9", "2.10");
  }

  @Test
  void listsActionsNotUpdatedThisPeriod() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.1", "Updated", "Q4", "Police")
            .rated(GREEN, "")
            .action("1.2", "Updated only last period", "Q4", "Health")
            .ratedBefore(GREEN, "")
            .action("1.3", "Never updated", "Q4", "Council")
            .report();

    assertThat(report.notUpdated()).extracting(PlanAction::ref).containsExactly("1.2", "1.3");
  }

  @Test
  void listsMovementsSinceThePreviousPeriod() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.1", "Worse", "Q4", "Police")
            .ratedBefore(AMBER_GREEN, "")
            .rated(AMBER_RED, "Funding delayed")
            .action("1.2", "Same", "Q4", "Health")
            .ratedBefore(GREEN, "")
            .rated(GREEN, "")
            .action("1.3", "Better", "Q4", "Council")
            .ratedBefore(RED, "Stalled")
            .rated(AMBER_GREEN, "Recovering")
            .action("1.4", "New this period", "Q4", "Council")
            .rated(RED, "Not started")
            .report();

    assertThat(report.movements())
        .extracting(m -> m.action().ref() + " " + m.from().label() + " to " + m.to().label())
        .containsExactly("1.1 Amber/Green to Amber/Red", "1.3 Red to Amber/Green");
  }

  @Test
  void groupsMovementsByChangeWorseFirstNewlyRedAmongThemWithRefsInNaturalOrder() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.10", "a", "Q4", "Police")
            .ratedBefore(GREEN, "")
            .rated(RED, "Stalled")
            .action("1.2", "b", "Q4", "Police")
            .ratedBefore(AMBER_RED, "Behind")
            .rated(RED, "Stalled")
            .action("1.9", "c", "Q4", "Police")
            .ratedBefore(GREEN, "")
            .rated(RED, "Stalled")
            .outcome("2", "Provision")
            .action("2.1", "d", "Q4", "Health")
            .ratedBefore(AMBER_GREEN, "Slow")
            .rated(AMBER_RED, "Slower")
            .action("2.2", "e", "Q4", "Health")
            .ratedBefore(RED, "Stalled")
            .rated(AMBER_GREEN, "Recovering")
            .action("2.3", "f", "Q4", "Health")
            .ratedBefore(RED, "Stalled")
            .rated(GREEN, "")
            .action("2.4", "g", "Q4", "Health")
            .ratedBefore(GREEN, "")
            .rated(COMPLETED, "")
            .action("2.5", "h", "Q4", "Health")
            .ratedBefore(NOT_STARTED, "")
            .rated(GREEN, "")
            .action("2.6", "i", "Q4", "Health")
            .ratedBefore(COMPLETED, "")
            .rated(AMBER_RED, "Reopened after review")
            .action("2.7", "j", "Q4", "Health")
            .ratedBefore(COMPLETED, "")
            .rated(GREEN, "Reopened, on track")
            .action("2.8", "k", "Q4", "Health")
            .ratedBefore(NOT_STARTED, "")
            .rated(RED, "Started late and stalled")
            .report();

    assertThat(report.movementGroups())
        .extracting(g -> g.from().label() + " to " + g.to().label() + ": " + g.refs())
        .containsExactly(
            "Not started to Red: 2.8",
            "Green to Red: 1.9, 1.10",
            "Amber/Red to Red: 1.2",
            "Completed to Amber/Red: 2.6",
            "Amber/Green to Amber/Red: 2.1",
            "Red to Green: 2.3",
            "Red to Amber/Green: 2.2",
            "Green to Completed: 2.4",
            "Not started to Green: 2.5",
            "Completed to Green: 2.7");
    assertThat(report.movementSummary())
        .isEqualTo(
            "11 actions changed rating: 6 worse, 2 better, 1 completed, 1 started, 1 other change.");
    assertThat(report.movementGroups().get(1).countText()).isEqualTo("(2 actions)");
    assertThat(report.movementGroups().get(0).countText()).isEqualTo("(1 action)");
  }

  @Test
  void namesEachMovedActionUpToFortyMovementsAndGivesRefsBeyond() {
    PlanSnapshotFixture forty = aPlan(RagScheme.FOUR).outcome("1", "Prevention");
    for (int i = 1; i <= 40; i++) {
      forty.action("1." + i, "a", "Q4", "Police").ratedBefore(GREEN, "").rated(RED, "Stalled");
    }
    PlanSnapshotFixture fortyOne = aPlan(RagScheme.FOUR).outcome("1", "Prevention");
    for (int i = 1; i <= 41; i++) {
      fortyOne.action("1." + i, "a", "Q4", "Police").ratedBefore(GREEN, "").rated(RED, "Stalled");
    }

    assertThat(forty.report().movementsInFull()).isTrue();
    assertThat(fortyOne.report().movementsInFull()).isFalse();
    assertThat(fortyOne.report().movementGroups().get(0).refs()).startsWith("1.1, 1.2, 1.3,");
  }

  @Test
  void summarisesASingleMovement() {
    ExceptionReport report =
        aPlan(RagScheme.THREE)
            .outcome("1", "Prevention")
            .action("1.1", "a", "Q4", "Police")
            .ratedBefore(AMBER, "Slow")
            .rated(GREEN, "")
            .report();

    assertThat(report.movementSummary()).isEqualTo("1 action changed rating: 1 better.");
  }

  @Test
  void countsActionsPerRatingPerOutcomeAndForThePlan() {
    ExceptionReport report =
        aPlan(RagScheme.FOUR)
            .outcome("1", "Prevention")
            .action("1.1", "a", "Q4", "Police")
            .rated(RED, "x")
            .action("1.2", "b", "Q4", "Police")
            .rated(GREEN, "")
            .outcome("2", "Provision")
            .action("2.1", "c", "Q4", "Police")
            .rated(RED, "x")
            .action("2.2", "d", "Q4", "Police")
            .report();

    Map<RagRating, Integer> provision = report.countsByOutcome().values().stream().toList().get(1);
    assertThat(provision).containsOnly(Map.entry(RED, 1), Map.entry(NOT_RATED, 1));
    assertThat(report.total(RED)).isEqualTo(2);
    assertThat(report.total(GREEN)).isEqualTo(1);
    assertThat(report.total(NOT_RATED)).isEqualTo(1);
    assertThat(report.total(AMBER_RED)).isZero();
  }
}
