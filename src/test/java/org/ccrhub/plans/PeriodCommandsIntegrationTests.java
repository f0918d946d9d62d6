package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code period open}, {@code period close} and {@code period list}, as an operator runs them. */
@CcrHubTest
class PeriodCommandsIntegrationTests {

  @Autowired AdminCommands commands;
  @Autowired Fixtures fixtures;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;

  @TempDir Path dir;
  Partnership partnership;
  DeliveryPlan plan;

  @BeforeEach
  void aPlan() throws Exception {
    partnership = fixtures.partnership();
    Path csv = dir.resolve("plan.csv");
    Files.writeString(
        csv,
        """
        outcome,ref,action,due,lead
        1 Prevention,1.1,Run a campaign in schools,Q3,Council
        """);
    AdminCommands.Result imported =
        commands.run(
            "plan",
            "import",
            "--partnership",
            partnership.slug(),
            "--plan",
            "VAWG plan",
            "--year",
            "2016/17",
            "--file",
            csv.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    plan = plans.named(partnership, "VAWG plan");
  }

  @Test
  void opensAPeriodWithTheDueDateGivenOrTheTenthWorkingDayAfterTheQuarter() {
    AdminCommands.Result q3 = open("2016/17 Q3", "--due", "13/01/2017");
    assertThat(q3.exitCode()).as(q3.err()).isZero();
    assertThat(q3.out())
        .contains("Opened 2016/17 Q3 of VAWG plan: updates due by 13 January 2017.");
    assertThat(periods.find(plan, ReportingPeriod.parse("2016/17 Q3")).orElseThrow().dueBy())
        .isEqualTo(LocalDate.of(2017, 1, 13));

    AdminCommands.Result q4 = open("2016/17 Q4", "--closes", "2017-05-01");
    assertThat(q4.exitCode()).as(q4.err()).isZero();
    assertThat(q4.out())
        .contains(
            "Opened 2016/17 Q4 of VAWG plan: updates due by 18 April 2017, closes on 1 May 2017.");
    assertThat(periods.current(plan)).isEqualTo(ReportingPeriod.parse("2016/17 Q4"));

    AdminCommands.Result list =
        commands.run("period", "list", "--partnership", partnership.slug(), "--plan", "VAWG plan");
    assertThat(list.out().lines())
        .containsExactly(
            "period,due,closes,status",
            "2016/17 Q4,2017-04-18,2017-05-01,open",
            "2016/17 Q3,2017-01-13,,open");
  }

  @Test
  void closingAPeriodMakesItReadOnlyAndReopeningKeepsOtherPlansApart() {
    open("2016/17 Q3");
    AdminCommands.Result closed =
        commands.run(
            "period",
            "close",
            "--partnership",
            partnership.slug(),
            "--plan",
            "VAWG plan",
            "--period",
            "2016/17 Q3");
    assertThat(closed.exitCode()).as(closed.err()).isZero();
    assertThat(closed.out()).contains("Closed 2016/17 Q3 of VAWG plan.");
    assertThat(periods.isClosed(plan, ReportingPeriod.parse("2016/17 Q3"))).isTrue();
    assertThat(periods.refusal(plan, ReportingPeriod.parse("2016/17 Q3")))
        .contains("The period 2016/17 Q3 is closed: its updates can no longer change");

    DeliveryPlan other =
        plans.create(
            partnership,
            "Accommodation plan",
            FinancialYear.parse("2016/17"),
            FinancialYear.parse("2016/17"));
    assertThat(periods.find(other, ReportingPeriod.parse("2016/17 Q3"))).isEmpty();
    periods.open(
        partnership,
        other,
        ReportingPeriod.parse("2016/17 Q3"),
        Optional.empty(),
        Optional.empty());
    assertThat(periods.isClosed(plan, ReportingPeriod.parse("2016/17 Q3"))).isTrue();
    assertThat(periods.isOpen(other, ReportingPeriod.parse("2016/17 Q3"))).isTrue();
  }

  @Test
  void badDatesAndUnknownPlansAreRefusedWithAPlainMessage() {
    AdminCommands.Result notADate = open("2016/17 Q3", "--due", "13th Jan");
    assertThat(notADate.exitCode()).isEqualTo(1);
    assertThat(notADate.err()).contains("'13th Jan' is not a date");

    AdminCommands.Result beforeQuarter = open("2016/17 Q3", "--due", "2016-09-30");
    assertThat(beforeQuarter.exitCode()).isEqualTo(1);
    assertThat(beforeQuarter.err())
        .contains("The due date must be on or after the first day of 2016/17 Q3 (1 October 2016)");

    AdminCommands.Result closesFirst =
        open("2016/17 Q3", "--due", "2017-01-13", "--closes", "2017-01-12");
    assertThat(closesFirst.exitCode()).isEqualTo(1);
    assertThat(closesFirst.err())
        .contains("The period cannot close before its updates are due (13 January 2017)");
    assertThat(periods.all(plan)).isEmpty();

    AdminCommands.Result unknown =
        commands.run(
            "period",
            "open",
            "--partnership",
            partnership.slug(),
            "--plan",
            "No such plan",
            "--period",
            "2016/17 Q3");
    assertThat(unknown.exitCode()).isEqualTo(1);
  }

  private AdminCommands.Result open(String period, String... more) {
    String[] args = {
      "period",
      "open",
      "--partnership",
      partnership.slug(),
      "--plan",
      "VAWG plan",
      "--period",
      period
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return commands.run(all);
  }
}
