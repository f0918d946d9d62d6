package org.ccrhub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code bank-holidays list} and {@code bank-holidays import}, as an operator runs them. */
@CcrHubTest
class BankHolidayCommandsIntegrationTests {

  /** GOV.UK's bank-holidays.json for 2032, with the early May bank holiday moved to a Friday. */
  static final String GOV_UK_JSON_WITH_A_MOVED_DAY =
      """
      {"england-and-wales":{"division":"england-and-wales","events":[
      {"title":"New Year’s Day","date":"2032-01-01","notes":"","bunting":true},
      {"title":"Good Friday","date":"2032-03-26","notes":"","bunting":false},
      {"title":"Easter Monday","date":"2032-03-29","notes":"","bunting":true},
      {"title":"Early May bank holiday","date":"2032-05-07","notes":"","bunting":true},
      {"title":"Spring bank holiday","date":"2032-05-31","notes":"","bunting":true},
      {"title":"Summer bank holiday","date":"2032-08-30","notes":"","bunting":true},
      {"title":"Christmas Day","date":"2032-12-27","notes":"Substitute day","bunting":true},
      {"title":"Boxing Day","date":"2032-12-28","notes":"Substitute day","bunting":true}]},
      "scotland":{"division":"scotland","events":[
      {"title":"2nd January","date":"2032-01-02","notes":"","bunting":true}]}}
      """;

  @Autowired AdminCommands commands;
  @Autowired BankHolidays bankHolidays;
  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @AfterEach
  void forget2032And2033() {
    jdbc.sql("delete from bank_holiday where day between '2032-01-01' and '2033-12-31'").update();
    jdbc.sql("delete from bank_holiday_year where year in (2032, 2033)").update();
  }

  @Test
  void importsGovUksFileWithAMovedDayAndSaysWhatChanged() throws Exception {
    Path json = dir.resolve("bank-holidays.json");
    Files.writeString(json, GOV_UK_JSON_WITH_A_MOVED_DAY);

    AdminCommands.Result imported =
        commands.run("bank-holidays", "import", "--file", json.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out().lines())
        .containsExactly(
            "Imported the bank holidays of England and Wales from bank-holidays.json:",
            "2032: 1 added, 1 removed, 7 unchanged"
                + " (not loaded before: compared with the rules it was counted with)",
            "  + 2032-05-07 Early May bank holiday",
            "  - 2032-05-03 Early May bank holiday");
    assertThat(bankHolidays.calendar().isWorkingDay(LocalDate.of(2032, 5, 3))).isTrue();
    assertThat(bankHolidays.calendar().isWorkingDay(LocalDate.of(2032, 5, 7))).isFalse();
    assertThat(bankHolidays.calendar().isWorkingDay(LocalDate.of(2032, 1, 2)))
        .isTrue(); // Scotland's
    assertThat(
            jdbc.sql("select source from bank_holiday_year where year = 2032")
                .query(String.class)
                .single())
        .isEqualTo("bank-holidays.json");
    assertThat(
            jdbc.sql(
                    "select actor || ' | ' || object_id || ' | ' || summary from audit_event"
                        + " where action = 'IMPORT' and object_type = 'Bank holidays'"
                        + " and partnership_id is null order by id desc limit 1")
                .query(String.class)
                .single())
        .startsWith("command line (")
        .endsWith(
            " | 2032 | Imported the bank holidays of England and Wales from bank-holidays.json:"
                + " 2032: 1 added, 1 removed, 7 unchanged"
                + " (not loaded before: compared with the rules it was counted with)");

    AdminCommands.Result list = commands.run("bank-holidays", "list", "--year", "2032");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.err()).isEmpty();
    assertThat(list.out().lines())
        .containsExactly(
            "date,title",
            "2032-01-01,New Year’s Day",
            "2032-03-26,Good Friday",
            "2032-03-29,Easter Monday",
            "2032-05-07,Early May bank holiday",
            "2032-05-31,Spring bank holiday",
            "2032-08-30,Summer bank holiday",
            "2032-12-27,Christmas Day (substitute day)",
            "2032-12-28,Boxing Day (substitute day)");

    AdminCommands.Result again = commands.run("bank-holidays", "import", "--file", json.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("2032: unchanged, 8 days");
  }

  @Test
  void refusesACsvWithABadDateListingEveryProblemAndChangesNothing() throws Exception {
    Path csv = dir.resolve("holidays.csv");
    Files.writeString(
        csv,
        """
        date,title
        2032-01-01,New Year’s Day
        2032-02-30,Leap day
        2032-05-08,Early May bank holiday
        2032-05-31,
        01/01/2032,New Year’s Day again
        2033-01-03,New Year’s Day (substitute day)
        """);

    AdminCommands.Result refused =
        commands.run("bank-holidays", "import", "--file", csv.toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err().lines())
        .containsExactly(
            "Nothing was imported: the file has 4 problems.",
            "Row 3: '2032-02-30' is not a date: write it like 2030-05-06 or 06/05/2030",
            "Row 4: 2032-05-08 is a Saturday: a bank holiday is a weekday (one that falls at a"
                + " weekend has a substitute day)",
            "Row 5: The title is missing",
            "Row 6: 2032-01-01 is listed twice (also at Row 2)");
    assertThat(
            jdbc.sql("select count(*) from bank_holiday where day >= '2032-01-01'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(bankHolidays.yearsCovered()).doesNotContain(2032, 2033);
    assertThat(bankHolidays.inYear(2032)).isEqualTo(BankHolidayRules.inYear(2032));
  }

  @Test
  void replacesEveryDayOfEachYearTheFileCoversAndWarnsWhenAYearHasFewDays() throws Exception {
    Path csv = dir.resolve("2033.csv");
    Files.writeString(csv, "date,title\n2033-01-03,New Year’s Day (substitute day)\n");

    AdminCommands.Result imported =
        commands.run("bank-holidays", "import", "--file", csv.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains(
            "2033: 0 added, 7 removed, 1 unchanged",
            "  - 2033-04-15 Good Friday",
            "Warning: 2033 has only 1 bank holiday in the file, which replaced all of the year's days:"
                + " check that the file lists the whole year");
    assertThat(bankHolidays.inYear(2033))
        .containsExactly(
            new BankHoliday(LocalDate.of(2033, 1, 3), "New Year’s Day (substitute day)"));
    assertThat(bankHolidays.yearsCovered()).contains(2033).doesNotContain(2032, 2034);
  }

  @Test
  void refusesAFileThatIsNotGovUksOrACsvOfDatesAndTitles() throws Exception {
    Path json = dir.resolve("other.json");
    Files.writeString(json, "{\"scotland\": {\"events\": []}}");
    AdminCommands.Result notGovUk =
        commands.run("bank-holidays", "import", "--file", json.toString());
    assertThat(notGovUk.exitCode()).isEqualTo(1);
    assertThat(notGovUk.err())
        .contains(
            "The file: It has no list of \"events\" in a division \"england-and-wales\", as"
                + " GOV.UK's bank-holidays.json has");

    Path csv = dir.resolve("days.csv");
    Files.writeString(csv, "day,holiday\n2032-01-01,New Year’s Day\n");
    AdminCommands.Result noTitle =
        commands.run("bank-holidays", "import", "--file", csv.toString());
    assertThat(noTitle.exitCode()).isEqualTo(1);
    assertThat(noTitle.err())
        .contains("Row 1: The header row has no 'title' column; found: day, holiday");

    AdminCommands.Result missing =
        commands.run("bank-holidays", "import", "--file", dir.resolve("none.json").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("does not exist");

    assertThat(commands.run("bank-holidays", "import").exitCode()).isEqualTo(2);
    assertThat(bankHolidays.yearsCovered()).doesNotContain(2032);
  }

  @Test
  void listsThisYearAndNextByDefault() {
    int thisYear = LocalDate.now(java.time.ZoneId.of("Europe/London")).getYear();
    List<String> expected = new ArrayList<>(List.of("date,title"));
    for (int year : List.of(thisYear, thisYear + 1)) {
      bankHolidays.inYear(year).forEach(h -> expected.add(h.day() + "," + h.title()));
    }

    AdminCommands.Result list = commands.run("bank-holidays", "list");

    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out().lines()).containsExactlyElementsOf(expected).hasSizeGreaterThan(16);

    AdminCommands.Result tooEarly = commands.run("bank-holidays", "list", "--year", "1989");
    assertThat(tooEarly.exitCode()).isEqualTo(1);
    assertThat(tooEarly.err())
        .contains("CCR Hub keeps the bank holidays of 1990 to 2100, not 1989");
    assertThat(commands.run("bank-holidays", "list", "--year", "next").exitCode()).isEqualTo(2);

    AdminCommands.Result notLoaded = commands.run("bank-holidays", "list", "--year", "2033");
    assertThat(notLoaded.err())
        .contains("2033 is not loaded: its bank holidays are computed from the usual rules");
    assertThat(notLoaded.out().lines()).contains("2033-01-03,New Year’s Day (substitute day)");
  }
}
