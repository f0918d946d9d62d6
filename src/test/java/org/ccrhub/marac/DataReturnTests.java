package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.SmallNumbers;
import org.junit.jupiter.api.Test;

class DataReturnTests {

  private static final long POPULATION = 112_350;
  private static final ReportingPeriod Q1 = ReportingPeriod.parse("2016/17 Q1");

  /** A case built up field by field; by default a police referral of an adult White woman. */
  private static final class CaseBuilder {
    LocalDate referral;
    Optional<LocalDate> meeting;
    boolean repeat;
    int children;
    boolean police = true;
    DateOfBirthOrAge victim = DateOfBirthOrAge.born(LocalDate.of(1980, 1, 1));
    Gender gender = Gender.FEMALE;
    String ethnicity = "White: English, Welsh, Scottish, Northern Irish or British";
    Answer lgbt = Answer.NO;
    Answer disabled = Answer.NO;
    List<DateOfBirthOrAge> perpetrators = List.of(DateOfBirthOrAge.born(LocalDate.of(1978, 1, 1)));

    CaseBuilder(LocalDate referral, LocalDate meeting) {
      this.referral = referral;
      this.meeting = Optional.ofNullable(meeting);
    }

    DataReturnCase build() {
      return new DataReturnCase(
          referral,
          meeting,
          repeat,
          children,
          police,
          victim,
          gender,
          Ethnicity.parse(ethnicity).ethnicity(),
          lgbt,
          disabled,
          perpetrators);
    }
  }

  private static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  private static List<DataReturnCase> quarterOfCases() {
    List<DataReturnCase> cases = new ArrayList<>();

    CaseBuilder first = new CaseBuilder(day(2016, 3, 20), day(2016, 4, 7));
    first.repeat = true;
    first.children = 2;
    first.ethnicity = "White: Irish";
    first.disabled = Answer.YES;
    cases.add(first.build());

    CaseBuilder second = new CaseBuilder(day(2016, 4, 1), day(2016, 4, 7));
    second.police = false;
    second.ethnicity = "Asian, Asian British or Asian Welsh: Indian";
    second.lgbt = Answer.YES;
    second.victim = DateOfBirthOrAge.aged(17);
    second.perpetrators = List.of(DateOfBirthOrAge.aged(17));
    cases.add(second.build());

    CaseBuilder third = new CaseBuilder(day(2016, 5, 1), day(2016, 5, 5));
    third.police = false;
    third.children = 3;
    third.ethnicity = "Not known";
    third.gender = Gender.MALE;
    cases.add(third.build());

    CaseBuilder fourth = new CaseBuilder(day(2016, 6, 1), day(2016, 6, 30));
    fourth.ethnicity = "Black, Black British, Black Welsh, Caribbean or African";
    fourth.victim = DateOfBirthOrAge.born(day(2000, 2, 29)); // 16 on the referral date
    fourth.perpetrators =
        List.of(
            DateOfBirthOrAge.born(day(1970, 1, 1)),
            DateOfBirthOrAge.born(day(1998, 6, 2))); // 18 the day after the referral
    cases.add(fourth.build());

    cases.add(new CaseBuilder(day(2016, 6, 20), day(2016, 7, 1)).build()); // heard in Q2
    cases.add(new CaseBuilder(day(2016, 6, 25), null).build()); // not heard: not a case
    cases.add(new CaseBuilder(day(2016, 3, 1), day(2016, 3, 31)).build()); // 2015/16 Q4
    return cases;
  }

  @Test
  void hasTheReturnsColumnsInItsOrder() {
    assertThat(String.join(",", DataReturn.COLUMNS))
        .isEqualTo(
            "period,meetings,cases,repeat_cases,repeat_rate_pct,children,police_referrals,"
                + "partner_agency_referrals,partner_agency_pct,bame_pct,lgbt_pct,disabled_pct,"
                + "male_pct,victims_16_17,perpetrators_under_18,cases_12m_per_10k_adult_females,"
                + "recommended_cases_12m");
  }

  @Test
  void countsTheCasesHeardInEachQuarter() {
    DataReturn dataReturn =
        DataReturn.count(quarterOfCases(), List.of(day(2016, 4, 21)), POPULATION, Q1, Q1.next());

    assertThat(dataReturn.rows())
        .containsExactly(
            List.of(
                "2016/17 Q1",
                "4",
                "4",
                "1",
                "25.0",
                "5",
                "2",
                "2",
                "50.0",
                "50.0",
                "25.0",
                "25.0",
                "25.0",
                "2",
                "2",
                "0.4",
                "449"),
            List.of(
                "2016/17 Q2",
                "1",
                "1",
                "0",
                "0.0",
                "0",
                "1",
                "0",
                "0.0",
                "0.0",
                "0.0",
                "0.0",
                "0.0",
                "0",
                "0",
                "0.5",
                "449"));
    QuarterFigures q1 = dataReturn.quarters().get(0);
    assertThat(q1.cases12Months()).isEqualTo(5);
    assertThat(q1.bameVictims()).isEqualTo(2);
  }

  @Test
  void aQuarterWithoutCasesHasNoPercentagesButItsTwelveMonthRate() {
    ReportingPeriod q3 = Q1.next().next();
    DataReturn dataReturn = DataReturn.count(quarterOfCases(), List.of(), POPULATION, q3, q3);

    assertThat(dataReturn.rows())
        .containsExactly(
            List.of(
                "2016/17 Q3",
                "0",
                "0",
                "0",
                "",
                "0",
                "0",
                "0",
                "",
                "",
                "",
                "",
                "",
                "0",
                "0",
                "0.5",
                "449"));
    assertThat(dataReturn.quarters().get(0).repeatRatePct()).isEmpty();
  }

  @Test
  void meetingsAreTheDistinctMeetingDates() {
    DataReturn dataReturn =
        DataReturn.count(
            quarterOfCases(), List.of(day(2016, 4, 7), day(2016, 4, 7)), POPULATION, Q1, Q1);
    assertThat(dataReturn.quarters().get(0).meetings()).isEqualTo(3);
  }

  @Test
  void theTwelveMonthsEndOnTheQuartersLastDay() {
    List<DataReturnCase> cases =
        List.of(
            new CaseBuilder(day(2015, 6, 1), day(2015, 6, 30)).build(), // 2015/16 Q1: out
            new CaseBuilder(day(2015, 7, 1), day(2015, 7, 1)).build(), // 2015/16 Q2: in
            new CaseBuilder(day(2016, 6, 1), day(2016, 6, 30)).build(), // in
            new CaseBuilder(day(2016, 6, 1), day(2016, 7, 1)).build()); // 2016/17 Q2: out

    QuarterFigures q1 = DataReturn.count(cases, List.of(), 40_000, Q1, Q1).quarters().get(0);

    assertThat(q1.cases12Months()).isEqualTo(2);
    assertThat(q1.cases12MonthsPer10kAdultFemales()).isEqualByComparingTo("0.5");
  }

  @Test
  void roundsPercentagesAndRatesHalfUpToOneDecimal() {
    QuarterFigures oneIn16 = figures(16, 1, 1, 40_000);
    QuarterFigures oneIn80 = figures(80, 1, 1, 625);

    assertThat(oneIn16.repeatRatePct()).contains(new BigDecimal("6.3")); // 6.25
    assertThat(oneIn80.repeatRatePct()).contains(new BigDecimal("1.3")); // 1.25
    assertThat(oneIn16.cases12MonthsPer10kAdultFemales()).isEqualTo(new BigDecimal("0.3")); // 0.25
    assertThat(figures(3, 1, 1, 40_000).repeatRatePct()).contains(new BigDecimal("33.3"));
    assertThat(figures(3, 2, 1, 40_000).repeatRatePct()).contains(new BigDecimal("66.7"));
  }

  @Test
  void recommendsFortyCasesPer10000AdultWomenAsAWholeNumberHalfUp() {
    assertThat(figures(1, 0, 1, 112_350).recommendedCases12Months()).isEqualTo(449); // 449.4
    assertThat(figures(1, 0, 1, 625).recommendedCases12Months()).isEqualTo(3); // 2.5
    assertThat(figures(1, 0, 1, 375).recommendedCases12Months()).isEqualTo(2); // 1.5
    assertThat(figures(1, 0, 1, 50_000).recommendedCases12Months()).isEqualTo(200);
  }

  @Test
  void countsAgesOnTheReferralDate() {
    CaseBuilder eighteen = new CaseBuilder(day(2016, 6, 1), day(2016, 6, 9));
    eighteen.victim = DateOfBirthOrAge.born(day(1998, 6, 1)); // 18 that day
    eighteen.perpetrators = List.of(DateOfBirthOrAge.born(day(1998, 6, 1)));
    CaseBuilder leapling = new CaseBuilder(day(2018, 2, 28), day(2018, 4, 5));
    leapling.victim = DateOfBirthOrAge.born(day(2000, 2, 29)); // still 17 on 28 February 2018
    leapling.perpetrators = List.of(DateOfBirthOrAge.UNKNOWN);

    QuarterFigures first =
        DataReturn.count(List.of(eighteen.build()), List.of(), POPULATION, Q1, Q1)
            .quarters()
            .get(0);
    ReportingPeriod later = ReportingPeriod.parse("2018/19 Q1");
    QuarterFigures second =
        DataReturn.count(List.of(leapling.build()), List.of(), POPULATION, later, later)
            .quarters()
            .get(0);

    assertThat(first.victims16To17()).isZero();
    assertThat(first.perpetratorsUnder18()).isZero();
    assertThat(second.victims16To17()).isEqualTo(1);
    assertThat(second.perpetratorsUnder18()).isZero();
  }

  @Test
  void hidesSmallNumbersForPeopleOutsideTheMaracRoles() {
    QuarterFigures figures =
        new QuarterFigures(Q1, 3, 12, 3, 4, 2, 10, 0, 1, 6, 0, 0, 1, 40, POPULATION);

    assertThat(figures.values(SmallNumbers.STANDARD))
        .containsExactly(
            "2016/17 Q1",
            "3",
            "12",
            "<5",
            "[c]",
            "<5",
            "<5",
            "[c]",
            "[c]",
            "0.0",
            "[c]",
            "50.0",
            "0.0",
            "0",
            "<5",
            "3.6",
            "449");
    assertThat(figures.values())
        .containsExactly(
            "2016/17 Q1",
            "3",
            "12",
            "3",
            "25.0",
            "4",
            "2",
            "10",
            "83.3",
            "0.0",
            "8.3",
            "50.0",
            "0.0",
            "0",
            "1",
            "3.6",
            "449");
  }

  @Test
  void hidesATwelveMonthRateFromAFewCases() {
    QuarterFigures figures = new QuarterFigures(Q1, 1, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 4, 40_000);
    assertThat(figures.values(SmallNumbers.STANDARD).get(15)).isEqualTo("[c]");
    assertThat(figures.values(SmallNumbers.STANDARD).get(2)).isEqualTo("<5");
  }

  @Test
  void smallNumbersAreOneToFour() {
    assertThat(SmallNumbers.STANDARD.count(0)).isEqualTo("0");
    assertThat(SmallNumbers.STANDARD.count(1)).isEqualTo("<5");
    assertThat(SmallNumbers.STANDARD.count(4)).isEqualTo("<5");
    assertThat(SmallNumbers.STANDARD.count(5)).isEqualTo("5");
    assertThat(SmallNumbers.NONE.count(3)).isEqualTo("3");
  }

  @Test
  void refusesAReversedRangeOfQuarters() {
    assertThatThrownBy(() -> DataReturn.count(List.of(), List.of(), POPULATION, Q1.next(), Q1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("The first quarter must be the same as or before the last");
    CaseBuilder negative = new CaseBuilder(day(2016, 6, 1), null);
    negative.children = -1;
    assertThatThrownBy(negative::build)
        .hasMessage("The number of children must be a whole number, 0 or more");
  }

  private static QuarterFigures figures(
      int cases, int repeats, int cases12Months, long population) {
    return new QuarterFigures(
        Q1, 1, cases, repeats, 0, cases, 0, 0, 0, 0, 0, 0, 0, cases12Months, population);
  }
}
