package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.SmallNumbers;

/**
 * The quarterly MARAC data return sent to SafeLives, counted from the cases, never typed: one row
 * per financial-year quarter with exactly the {@link #COLUMNS}, in their order. A case belongs to
 * the quarter of the meeting at which it was heard; a referral not yet heard is not a case. The
 * counts are exact; {@link QuarterFigures#values(SmallNumbers)} hides small numbers for screens and
 * board papers.
 *
 * @param quarters the quarters asked for, oldest first
 */
public record DataReturn(List<QuarterFigures> quarters) {

  /** The return's columns, in the order SafeLives and the {@code marac dataset} command use. */
  public static final List<String> COLUMNS =
      List.of(
          "period",
          "meetings",
          "cases",
          "repeat_cases",
          "repeat_rate_pct",
          "children",
          "police_referrals",
          "partner_agency_referrals",
          "partner_agency_pct",
          "bame_pct",
          "lgbt_pct",
          "disabled_pct",
          "male_pct",
          "victims_16_17",
          "perpetrators_under_18",
          "cases_12m_per_10k_adult_females",
          "recommended_cases_12m");

  /** More quarters than anyone asks for at once: a hundred years. */
  static final int MOST_QUARTERS = 400;

  public DataReturn {
    quarters = List.copyOf(quarters);
  }

  /**
   * Counts the return for the quarters from {@code from} to {@code to}.
   *
   * @param cases the MARAC's referrals; those not heard are left out, and those heard outside the
   *     quarters (and the year before the first, for the 12-month rate) are not counted
   * @param meetingsHeld the dates of meetings held, with or without cases; the cases' meeting dates
   *     count as meetings too (imported records have nothing else)
   * @param adultFemalePopulation the MARAC's adult (16+) female population
   */
  public static DataReturn count(
      Collection<DataReturnCase> cases,
      Collection<LocalDate> meetingsHeld,
      long adultFemalePopulation,
      ReportingPeriod from,
      ReportingPeriod to) {
    if (from.compareTo(to) > 0) {
      throw new InvalidInputException("The first quarter must be the same as or before the last");
    }
    if (adultFemalePopulation < 1) {
      throw new InvalidInputException("The adult female population must be more than 0");
    }
    Map<ReportingPeriod, Tally> tallies = new HashMap<>();
    Map<ReportingPeriod, Set<LocalDate>> meetings = new HashMap<>();
    for (LocalDate day : meetingsHeld) {
      meetings.computeIfAbsent(ReportingPeriod.containing(day), p -> new HashSet<>()).add(day);
    }
    for (DataReturnCase c : cases) {
      if (c.meetingDate().isEmpty()) {
        continue;
      }
      LocalDate heard = c.meetingDate().get();
      ReportingPeriod quarter = ReportingPeriod.containing(heard);
      meetings.computeIfAbsent(quarter, p -> new HashSet<>()).add(heard);
      tallies.computeIfAbsent(quarter, p -> new Tally()).add(c);
    }

    List<QuarterFigures> rows = new ArrayList<>();
    ReportingPeriod quarter = from;
    while (quarter.compareTo(to) <= 0) {
      if (rows.size() == MOST_QUARTERS) {
        throw new InvalidInputException(
            "A data return covers at most " + MOST_QUARTERS + " quarters: choose fewer");
      }
      Tally t = tallies.getOrDefault(quarter, new Tally());
      int cases12Months = 0;
      ReportingPeriod back = quarter;
      for (int i = 0; i < 4; i++) {
        cases12Months += tallies.getOrDefault(back, new Tally()).cases;
        back = back.previous();
      }
      rows.add(
          new QuarterFigures(
              quarter,
              meetings.getOrDefault(quarter, Set.of()).size(),
              t.cases,
              t.repeats,
              t.children,
              t.police,
              t.cases - t.police,
              t.bame,
              t.lgbt,
              t.disabled,
              t.male,
              t.victims16To17,
              t.perpetratorsUnder18,
              cases12Months,
              adultFemalePopulation));
      quarter = quarter.next();
    }
    return new DataReturn(rows);
  }

  /** The rows as sent to SafeLives: exact, in the order of {@link #COLUMNS}. */
  public List<List<String>> rows() {
    return rows(SmallNumbers.NONE);
  }

  /** The rows with small numbers hidden ({@link QuarterFigures#values(SmallNumbers)}). */
  public List<List<String>> rows(SmallNumbers small) {
    return quarters.stream().map(q -> q.values(small)).toList();
  }

  /** The counts of one quarter's cases. */
  private static final class Tally {
    int cases;
    int repeats;
    int children;
    int police;
    int bame;
    int lgbt;
    int disabled;
    int male;
    int victims16To17;
    int perpetratorsUnder18;

    void add(DataReturnCase c) {
      cases++;
      repeats += c.repeat() ? 1 : 0;
      children += c.children();
      police += c.policeReferral() ? 1 : 0;
      bame += c.victimEthnicity().countsAsBame() ? 1 : 0;
      lgbt += c.victimLgbt() == Answer.YES ? 1 : 0;
      disabled += c.victimDisabled() == Answer.YES ? 1 : 0;
      male += c.victimGender() == Gender.MALE ? 1 : 0;
      victims16To17 += c.victimAged16Or17() ? 1 : 0;
      perpetratorsUnder18 += c.hasPerpetratorUnder18() ? 1 : 0;
    }
  }
}
