package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.ccrhub.plans.Due.Kind;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class DueTests {

  private final FinancialYear planYear = new FinancialYear(2016);

  private Due due(String text) {
    return Due.parse(text, planYear);
  }

  private void assertDeadline(String text, LocalDate expected) {
    Due due = due(text);
    assertThat(due.kind()).as(text).isEqualTo(Kind.DEADLINE);
    assertThat(due.deadline()).as(text).contains(expected);
    assertThat(due.text()).as(text).isEqualTo(text.strip());
  }

  private void assertUnrecognised(String text) {
    Due due = due(text);
    assertThat(due.kind()).as(text).isEqualTo(Kind.UNRECOGNISED);
    assertThat(due.deadline()).as(text).isEmpty();
    assertThat(due.text()).as(text).isEqualTo(text.strip());
  }

  @Test
  void readsAQuarterAsTheLastDayOfThatQuarterOfThePlansYear() {
    assertDeadline("Q1", LocalDate.of(2016, 6, 30));
    assertDeadline("Q2", LocalDate.of(2016, 9, 30));
    assertDeadline("Q3", LocalDate.of(2016, 12, 31));
    assertDeadline("q2", LocalDate.of(2016, 9, 30));
  }

  @Test
  void readsTheFourthQuarterAsTheEndOfMarchInTheFollowingCalendarYear() {
    assertDeadline("Q4", LocalDate.of(2017, 3, 31));
    assertThat(Due.parse("Q4", new FinancialYear(2015)).deadline())
        .contains(LocalDate.of(2016, 3, 31));
  }

  @Test
  void readsAQuarterRangeAsTheEndOfItsLastQuarter() {
    assertDeadline("Q1-Q4", LocalDate.of(2017, 3, 31));
    assertDeadline("Q2 – Q4", LocalDate.of(2017, 3, 31));
    assertDeadline("Q2 — Q4", LocalDate.of(2017, 3, 31));
    assertDeadline("Q2 - Q4", LocalDate.of(2017, 3, 31));
    assertDeadline("Q2 to Q4", LocalDate.of(2017, 3, 31));
    assertDeadline("Q1-4", LocalDate.of(2017, 3, 31));
    assertDeadline("Q2-Q3", LocalDate.of(2016, 12, 31));
    assertDeadline("Q1–Q1", LocalDate.of(2016, 6, 30));
  }

  @Test
  void readsTwoQuartersWrittenTogetherAsTheEndOfTheLaterOne() {
    LocalDate endOfQ4 = LocalDate.of(2017, 3, 31);
    assertDeadline("Q3/4", endOfQ4);
    assertDeadline("Q3/Q4", endOfQ4);
    assertDeadline("Q3-Q4", endOfQ4);
    assertDeadline("Q3 & Q4", endOfQ4);
    assertDeadline("Q3&Q4", endOfQ4);
    assertDeadline("Q3 and Q4", endOfQ4);
    assertDeadline("Q3 + Q4", endOfQ4);
    assertDeadline("Q2, Q3 and Q4", endOfQ4);
    assertDeadline("q3 / q4", endOfQ4);
    assertDeadline("Q2 and Q3", LocalDate.of(2016, 12, 31));
    assertDeadline("Q1/2", LocalDate.of(2016, 9, 30));
    assertDeadline("Q3/4 2017/18", LocalDate.of(2018, 3, 31));
    assertDeadline("Quarter 3", LocalDate.of(2016, 12, 31));
    assertDeadline("Qtr 3-4", endOfQ4);
  }

  @Test
  void leavesABackwardsQuarterRangeUnrecognised() {
    assertUnrecognised("Q4-Q1");
    assertUnrecognised("Q4/3");
    assertUnrecognised("Q3 & Q2");
  }

  @Test
  void readsAQuarterOfANamedYear() {
    LocalDate endOfQ2 = LocalDate.of(2017, 9, 30);
    assertDeadline("Q2 2017/18", endOfQ2);
    assertDeadline("2017/18 Q2", endOfQ2);
    assertDeadline("Q2 2017/2018", endOfQ2);
    assertDeadline("Q1-Q2 2017/18", endOfQ2);
    assertDeadline("Q4 2017/18", LocalDate.of(2018, 3, 31));
  }

  @Test
  void readsARescheduledQuarterAsTheNewDeadline() {
    Due moved = due("Moved to Q2 2017/2018");
    assertThat(moved.kind()).isEqualTo(Kind.DEADLINE);
    assertThat(moved.deadline()).contains(LocalDate.of(2017, 9, 30));
    assertThat(moved.text()).isEqualTo("Moved to Q2 2017/2018");
    assertDeadline("moved to Q3", LocalDate.of(2016, 12, 31));
  }

  @Test
  void leavesAQuarterOfAnImpossibleYearUnrecognised() {
    assertUnrecognised("Q2 2017/19");
    assertUnrecognised("2016/17 Q2 2017/18");
  }

  @Test
  void readsAMonthAsItsLastDay() {
    LocalDate endOfMarch = LocalDate.of(2017, 3, 31);
    assertDeadline("March 2017", endOfMarch);
    assertDeadline("Mar 2017", endOfMarch);
    assertDeadline("end of March 2017", endOfMarch);
    assertDeadline("by March 2017", endOfMarch);
    assertDeadline("By the end of March 2017", endOfMarch);
    assertDeadline("MARCH 2017", endOfMarch);
    assertDeadline("February 2016", LocalDate.of(2016, 2, 29));
    assertDeadline("Sept 2016", LocalDate.of(2016, 9, 30));
    assertDeadline("December 2017", LocalDate.of(2017, 12, 31));
  }

  @Test
  void readsAFirstDeliveryFollowedByOngoingWorkAsADeadline() {
    Due due = due("April 2015 and then ongoing");
    assertThat(due.kind()).isEqualTo(Kind.DEADLINE);
    assertThat(due.deadline()).contains(LocalDate.of(2015, 4, 30));
    assertThat(due.text()).isEqualTo("April 2015 and then ongoing");
  }

  @Test
  void readsAFullDateWrittenInAnyCommonWay() {
    LocalDate date = LocalDate.of(2017, 3, 31);
    assertDeadline("2017-03-31", date);
    assertDeadline("31/03/2017", date);
    assertDeadline("31.03.2017", date);
    assertDeadline("31 March 2017", date);
    assertDeadline("31st March 2017", date);
    assertDeadline("1/4/2017", LocalDate.of(2017, 4, 1));
    assertDeadline("2nd Feb 2017", LocalDate.of(2017, 2, 2));
    assertDeadline("31-Mar-17", date);
    assertDeadline("by 31/03/2017", date);
  }

  @Test
  void readsADateTheUkWayRoundNeverTheAmericanWay() {
    assertDeadline("30/11/2016", LocalDate.of(2016, 11, 30));
    assertDeadline("30 Nov 2016", LocalDate.of(2016, 11, 30));
    assertDeadline("30 November 2016", LocalDate.of(2016, 11, 30));
    assertDeadline("2016-11-30", LocalDate.of(2016, 11, 30));
    assertDeadline("01/12/2016", LocalDate.of(2016, 12, 1));
    assertUnrecognised("11/30/2016");
  }

  @Test
  void readsANumericMonthAsItsLastDay() {
    assertDeadline("11/2016", LocalDate.of(2016, 11, 30));
    assertDeadline("Nov-16", LocalDate.of(2016, 11, 30));
  }

  @Test
  void leavesAnImpossibleDateUnrecognisedRatherThanFailing() {
    assertUnrecognised("31/02/2017");
    assertUnrecognised("2017-13-01");
    assertUnrecognised("32 March 2017");
    assertUnrecognised("29/02/2017");
    assertUnrecognised("31/03/3017");
  }

  @Test
  void toleratesCaseExtraSpacesAndATrailingFullStop() {
    assertDeadline("  q2   -   q4 .", LocalDate.of(2017, 3, 31));
    assertDeadline("End Of  March   2017.", LocalDate.of(2017, 3, 31));
    assertThat(due("Ongoing.").kind()).isEqualTo(Kind.ONGOING);
  }

  @Test
  void keepsTheTextExactlyAsWrittenApartFromSurroundingSpace() {
    assertThat(due("  Q2 – Q4. ").text()).isEqualTo("Q2 – Q4.");
  }

  @Test
  void readsContinuingWorkAsOngoingWithNoDeadline() {
    for (String text :
        new String[] {
          "Business as usual",
          "BAU",
          "Ongoing",
          "ONGOING",
          "Quarterly",
          "Review quarterly",
          "Monthly",
          "Annually",
          "Annual",
          "Throughout",
          "Throughout the year",
          "On-going",
          "Yearly",
          "business  as usual"
        }) {
      Due due = due(text);
      assertThat(due.kind()).as(text).isEqualTo(Kind.ONGOING);
      assertThat(due.deadline()).as(text).isEmpty();
      assertThat(due.text()).as(text).isEqualTo(text);
    }
  }

  @Test
  void keepsAnythingElseAsWrittenWithoutGuessingADeadline() {
    for (String text :
        new String[] {
          "Baselines to be agreed",
          "JQ1-4",
          "November 2016 – March 2017",
          "Spring 2017",
          "TBC",
          "From April 2015",
          "Q5",
          "2017",
          "March",
          "2016-2018",
          "2015 - 2017",
          "Moved to",
          "Review in March 2017",
          "March 2017 onwards"
        }) {
      assertUnrecognised(text);
    }
  }

  @Test
  void readsBlankTextAsNoDueDate() {
    for (String text : new String[] {"", "   ", "\t"}) {
      Due due = due(text);
      assertThat(due.kind()).isEqualTo(Kind.NONE);
      assertThat(due.deadline()).isEmpty();
      assertThat(due.text()).isEmpty();
    }
    assertThat(Due.parse(null, planYear)).isEqualTo(Due.none());
  }

  @Test
  void isOverdueOnlyAfterItsDeadline() {
    Due q2 = due("Q2");
    assertThat(q2.isOverdueAt(LocalDate.of(2016, 9, 29))).isFalse();
    assertThat(q2.isOverdueAt(LocalDate.of(2016, 9, 30))).isFalse();
    assertThat(q2.isOverdueAt(LocalDate.of(2016, 10, 1))).isTrue();
  }

  @Test
  void isNeverOverdueWithoutADeadline() {
    LocalDate farFuture = LocalDate.of(2099, 1, 1);
    assertThat(due("Ongoing").isOverdueAt(farFuture)).isFalse();
    assertThat(due("TBC").isOverdueAt(farFuture)).isFalse();
    assertThat(due("").isOverdueAt(farFuture)).isFalse();
  }

  @Test
  void refusesADeadlineThatDisagreesWithItsKind() {
    assertThatThrownBy(
            () -> new Due("Ongoing", Optional.of(LocalDate.of(2017, 3, 31)), Kind.ONGOING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Ongoing'");
    assertThatThrownBy(() -> new Due("Q2", Optional.empty(), Kind.DEADLINE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'Q2'");
  }
}
