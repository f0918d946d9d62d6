package org.ccrhub.marac;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data return's figures as the partnership's indicators, for the dashboard and the board pack:
 * quarterly indicators whose values are recorded from the counted return (never typed), so that
 * they carry the indicators' revisions, rolling twelve months and small-number suppression.
 * Recording the same figures again changes nothing.
 */
@Service
public class MaracIndicators {

  /** One figure of the return as an indicator: its ref's ending, name, unit and counts. */
  record Figure(
      String code,
      String name,
      String description,
      Unit unit,
      ToIntFunction<QuarterFigures> numerator,
      ToIntFunction<QuarterFigures> denominator) {}

  static final List<Figure> FIGURES =
      List.of(
          new Figure(
              "CASES",
              "cases heard",
              "Cases heard at the MARAC in the quarter, counted from the cases.",
              Unit.COUNT,
              QuarterFigures::cases,
              f -> 1),
          new Figure(
              "REPEATS",
              "repeat cases",
              "Cases heard in the quarter that were referred again within the repeat window.",
              Unit.COUNT,
              QuarterFigures::repeatCases,
              f -> 1),
          new Figure(
              "REPEAT-PCT",
              "repeat rate",
              "Repeat cases as a percentage of the cases heard.",
              Unit.PERCENTAGE,
              QuarterFigures::repeatCases,
              QuarterFigures::cases),
          new Figure(
              "PARTNER-PCT",
              "referrals from partner agencies",
              "Cases referred by agencies other than the police, as a percentage of the cases.",
              Unit.PERCENTAGE,
              QuarterFigures::partnerAgencyReferrals,
              QuarterFigures::cases),
          new Figure(
              "BAME-PCT",
              "victims from Black, Asian and minority ethnic groups",
              "Victims outside the White groups, as a percentage of the cases (not known counts"
                  + " as not).",
              Unit.PERCENTAGE,
              QuarterFigures::bameVictims,
              QuarterFigures::cases),
          new Figure(
              "CHILDREN",
              "children in the households",
              "Children in the households of the cases heard.",
              Unit.COUNT,
              QuarterFigures::children,
              f -> 1));

  /** How many completed quarters are recorded each time: two years, for rolling comparisons. */
  static final int QUARTERS = 8;

  private final Indicators indicators;
  private final DataReturns returns;

  MaracIndicators(Indicators indicators, DataReturns returns) {
    this.indicators = indicators;
    this.returns = returns;
  }

  /**
   * Records the last {@link #QUARTERS} completed quarters before {@code today} (a quarter in
   * progress would show a part as if it were the whole).
   */
  @Transactional
  public Indicators.Recorded publish(
      Partnership partnership, Marac marac, LocalDate today, String recordedBy) {
    ReportingPeriod last = ReportingPeriod.containing(today).previous();
    ReportingPeriod first = last;
    for (int i = 1; i < QUARTERS; i++) {
      first = first.previous();
    }
    return publish(partnership, marac, returns.count(marac, first, last, today), recordedBy);
  }

  /** The ref of a figure's indicator: "MARAC7-CASES" for the MARAC with id 7. */
  static String ref(Marac marac, Figure figure) {
    return "MARAC" + marac.id() + "-" + figure.code();
  }

  /**
   * Makes the MARAC's indicators if needed and records the return's quarters as their values.
   *
   * @return how many values were recorded and how many were unchanged
   */
  @Transactional
  public Indicators.Recorded publish(
      Partnership partnership, Marac marac, DataReturn figures, String recordedBy) {
    List<ValueEntry> entries = new ArrayList<>();
    for (Figure figure : FIGURES) {
      long id = definition(partnership, marac, figure).id();
      for (QuarterFigures quarter : figures.quarters()) {
        int denominator = figure.denominator().applyAsInt(quarter);
        if (figure.unit() == Unit.PERCENTAGE && denominator == 0) {
          continue; // no cases: no percentage, as the return leaves it blank
        }
        int numerator = figure.numerator().applyAsInt(quarter);
        entries.add(
            figure.unit() == Unit.PERCENTAGE
                ? new ValueEntry(
                    id,
                    "",
                    IndicatorPeriod.of(quarter.period()),
                    null,
                    BigDecimal.valueOf(numerator),
                    BigDecimal.valueOf(denominator))
                : new ValueEntry(
                    id,
                    "",
                    IndicatorPeriod.of(quarter.period()),
                    BigDecimal.valueOf(numerator),
                    null,
                    null));
      }
    }
    return indicators.record(partnership, entries, recordedBy);
  }

  private Indicator definition(Partnership partnership, Marac marac, Figure figure) {
    String ref = ref(marac, figure);
    return indicators
        .findByRef(partnership, ref)
        .orElseGet(
            () -> {
              indicators.save(
                  partnership,
                  new Indicator(
                      0,
                      ref,
                      marac.name() + ": " + figure.name(),
                      figure.description() + " From the MARAC data return.",
                      figure.unit(),
                      Polarity.NEITHER,
                      Frequency.QUARTERLY,
                      "CCR Hub MARAC data return",
                      marac.name() + " coordinator",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      Indicator.DEFAULT_TOLERANCE,
                      List.of(),
                      false,
                      0));
              return indicators.findByRef(partnership, ref).orElseThrow();
            });
  }
}
