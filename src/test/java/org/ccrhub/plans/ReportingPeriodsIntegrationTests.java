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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Due dates of reporting periods count the bank holidays as loaded. */
@CcrHubTest
class ReportingPeriodsIntegrationTests {

  @Autowired AdminCommands commands;
  @Autowired Fixtures fixtures;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @AfterEach
  void forget2032() {
    jdbc.sql("delete from bank_holiday where day between '2032-01-01' and '2032-12-31'").update();
    jdbc.sql("delete from bank_holiday_year where year = 2032").update();
  }

  @Test
  void defaultDueDatesFollowABankHolidayImportedWhileTheServerRuns() throws Exception {
    Partnership partnership = fixtures.partnership();
    DeliveryPlan plan =
        plans.create(
            partnership,
            "VAWG plan",
            FinancialYear.parse("2031/32"),
            FinancialYear.parse("2031/32"));
    ReportingPeriod q4 = ReportingPeriod.parse("2031/32 Q4"); // ends Wednesday 31 March 2032
    // 2032 is not loaded: the rules' bank holidays (Easter was 26 and 29 March), none in April
    assertThat(periods.defaultDueDate(q4)).isEqualTo(LocalDate.of(2032, 4, 14));
    periods.open(partnership, plan, q4, Optional.empty(), Optional.empty());

    Path csv = dir.resolve("2032.csv");
    Files.writeString(
        csv,
        """
        date,title
        2032-01-01,New Year’s Day
        2032-03-26,Good Friday
        2032-03-29,Easter Monday
        2032-04-09,Bank holiday for a royal occasion
        2032-05-03,Early May bank holiday
        2032-05-31,Spring bank holiday
        2032-08-30,Summer bank holiday
        2032-12-27,Christmas Day (substitute day)
        2032-12-28,Boxing Day (substitute day)
        """);
    AdminCommands.Result imported =
        commands.run("bank-holidays", "import", "--file", csv.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains(
            "2032: 1 added, 0 removed, 8 unchanged",
            "  + 2032-04-09 Bank holiday for a royal occasion");

    // the command ran in a process of its own: this application counts its change at once
    assertThat(periods.defaultDueDate(q4)).isEqualTo(LocalDate.of(2032, 4, 15));
    // a period opened before keeps the due date everyone was told
    assertThat(periods.find(plan, q4).orElseThrow().dueBy()).isEqualTo(LocalDate.of(2032, 4, 14));
  }
}
