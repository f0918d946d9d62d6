package org.ccrhub.marac;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.SmallNumbers;

/**
 * One quarter of the MARAC data return, counted from the cases heard at a meeting in the quarter.
 * The counts are kept; percentages and rates are worked out from them, each rounded once, half up,
 * to one decimal place. A percentage of a quarter without cases is empty: there is nothing to take
 * a share of.
 *
 * @param period the financial-year quarter
 * @param meetings meetings held in the quarter: the distinct meeting dates
 * @param cases cases heard in the quarter
 * @param repeatCases of them, repeats
 * @param children the children in the cases' households
 * @param policeReferrals cases referred by an agency of the Police type
 * @param partnerAgencyReferrals cases referred by any other agency
 * @param bameVictims victims whose ethnicity is outside the White group (not "Not known")
 * @param lgbtVictims victims who are LGBT+
 * @param disabledVictims victims who are disabled
 * @param maleVictims male victims
 * @param victims16To17 victims aged 16 or 17 on the referral date
 * @param perpetratorsUnder18 cases with a perpetrator under 18 on the referral date
 * @param cases12Months cases heard in the 12 months ending on the quarter's last day
 * @param adultFemalePopulation the MARAC's adult (16+) female population
 */
public record QuarterFigures(
    ReportingPeriod period,
    int meetings,
    int cases,
    int repeatCases,
    int children,
    int policeReferrals,
    int partnerAgencyReferrals,
    int bameVictims,
    int lgbtVictims,
    int disabledVictims,
    int maleVictims,
    int victims16To17,
    int perpetratorsUnder18,
    int cases12Months,
    long adultFemalePopulation) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  /** SafeLives' recommended volume: 40 cases a year per 10,000 adult women. */
  static final int RECOMMENDED_PER_10K = 40;

  public QuarterFigures {
    if (adultFemalePopulation < 1) {
      throw new IllegalArgumentException("The adult female population must be more than 0");
    }
  }

  public Optional<BigDecimal> repeatRatePct() {
    return percentage(repeatCases);
  }

  public Optional<BigDecimal> partnerAgencyPct() {
    return percentage(partnerAgencyReferrals);
  }

  public Optional<BigDecimal> bamePct() {
    return percentage(bameVictims);
  }

  public Optional<BigDecimal> lgbtPct() {
    return percentage(lgbtVictims);
  }

  public Optional<BigDecimal> disabledPct() {
    return percentage(disabledVictims);
  }

  public Optional<BigDecimal> malePct() {
    return percentage(maleVictims);
  }

  /** Cases heard in the 12 months to the quarter's end × 10,000 ÷ the adult female population. */
  public BigDecimal cases12MonthsPer10kAdultFemales() {
    return BigDecimal.valueOf(cases12Months)
        .multiply(TEN_THOUSAND)
        .divide(BigDecimal.valueOf(adultFemalePopulation), 1, RoundingMode.HALF_UP);
  }

  /** SafeLives' 40 cases per 10,000 applied to the population, a whole number, half up. */
  public long recommendedCases12Months() {
    return BigDecimal.valueOf(adultFemalePopulation)
        .multiply(BigDecimal.valueOf(RECOMMENDED_PER_10K))
        .divide(TEN_THOUSAND, 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private Optional<BigDecimal> percentage(int count) {
    if (cases == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(count)
            .multiply(HUNDRED)
            .divide(BigDecimal.valueOf(cases), 1, RoundingMode.HALF_UP));
  }

  /**
   * The row of the return as sent to SafeLives, exact, in the order of {@link DataReturn#COLUMNS}.
   */
  public List<String> values() {
    return values(SmallNumbers.NONE);
  }

  /**
   * The row with small numbers hidden, in the order of {@link DataReturn#COLUMNS}: counts of people
   * from 1 to 4 as {@code <5}; a percentage of such a count, the rate from such a 12-month count,
   * and the other of police and partner agency referrals when one is hidden (since the two add up
   * to the cases) as {@code [c]}. Meetings and the recommended volume describe no one and are
   * shown.
   */
  public List<String> values(SmallNumbers small) {
    boolean policeHidden = small.hides(policeReferrals);
    boolean partnerHidden = small.hides(partnerAgencyReferrals);
    boolean eitherHidden = policeHidden || partnerHidden;
    return List.of(
        period.toString(),
        Integer.toString(meetings),
        small.count(cases),
        small.count(repeatCases),
        percent(small, repeatCases, repeatRatePct(), false),
        small.count(children),
        eitherHidden && !policeHidden ? SmallNumbers.DERIVED : small.count(policeReferrals),
        eitherHidden && !partnerHidden ? SmallNumbers.DERIVED : small.count(partnerAgencyReferrals),
        percent(small, partnerAgencyReferrals, partnerAgencyPct(), eitherHidden),
        percent(small, bameVictims, bamePct(), false),
        percent(small, lgbtVictims, lgbtPct(), false),
        percent(small, disabledVictims, disabledPct(), false),
        percent(small, maleVictims, malePct(), false),
        small.count(victims16To17),
        small.count(perpetratorsUnder18),
        small.hides(cases12Months)
            ? SmallNumbers.DERIVED
            : cases12MonthsPer10kAdultFemales().toPlainString(),
        Long.toString(recommendedCases12Months()));
  }

  private static String percent(
      SmallNumbers small, int count, Optional<BigDecimal> value, boolean hide) {
    if (value.isEmpty()) {
      return "";
    }
    return hide || small.hides(count) ? SmallNumbers.DERIVED : value.get().toPlainString();
  }
}
