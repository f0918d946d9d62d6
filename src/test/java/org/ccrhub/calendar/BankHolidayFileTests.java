package org.ccrhub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankHolidayFileTests {

  @Test
  void readsTheEnglandAndWalesEventsOfGovUksFileKeepingSubstituteDaysInTheTitle() {
    BankHolidayFile.Read read =
        read(BankHolidayCommandsIntegrationTests.GOV_UK_JSON_WITH_A_MOVED_DAY);

    assertThat(read.problems()).isEmpty();
    assertThat(read.days())
        .hasSize(8)
        .startsWith(new BankHoliday(LocalDate.of(2032, 1, 1), "New Year’s Day"))
        .endsWith(
            new BankHoliday(LocalDate.of(2032, 12, 27), "Christmas Day (substitute day)"),
            new BankHoliday(LocalDate.of(2032, 12, 28), "Boxing Day (substitute day)"));
  }

  @Test
  void readsACsvWithItsDaysInEitherFormAndInOrder() {
    BankHolidayFile.Read read =
        read(
            "\uFEFFDate,Title\n28/12/2032, Boxing  Day (substitute day)\n2032-01-01,New Year’s Day\n");

    assertThat(read.problems()).isEmpty();
    assertThat(read.days())
        .containsExactly(
            new BankHoliday(LocalDate.of(2032, 1, 1), "New Year’s Day"),
            new BankHoliday(LocalDate.of(2032, 12, 28), "Boxing Day (substitute day)"));
  }

  @Test
  void listsEveryProblemWithWhereItIs() {
    BankHolidayFile.Read read =
        read(
            """
            {"england-and-wales": {"events": [
              {"title": "New Year’s Day", "date": "1989-01-02"},
              {"title": "", "date": "2032-01-01"},
              {"date": "2032-13-01", "title": "Nothing"},
              "2032-05-03"
            ]}}
            """);

    assertThat(read.problems())
        .extracting(Object::toString)
        .containsExactly(
            "Event 1 of england-and-wales: 1989-01-02 is not in the years CCR Hub keeps bank"
                + " holidays for (1990 to 2100)",
            "Event 2 of england-and-wales: The title is missing",
            "Event 3 of england-and-wales: '2032-13-01' is not a date: write it like 2030-05-06"
                + " or 06/05/2030",
            "Event 4 of england-and-wales: It is not an event with a title and a date");
    assertThat(read("{\"england-and-wales\": ").problems())
        .extracting(Object::toString)
        .singleElement()
        .asString()
        .startsWith("The file: It is not JSON that can be read");
    assertThat(read("date,title\n").problems())
        .extracting(Object::toString)
        .containsExactly("The file: It has no bank holidays");
  }

  private static BankHolidayFile.Read read(String content) {
    return BankHolidayFile.read(content.getBytes(StandardCharsets.UTF_8));
  }
}
