package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.Overlapping;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Importing indicator definitions and values: all or nothing, every problem listed with its row and
 * column, and importing the same file again changes nothing.
 */
@CcrHubTest
class IndicatorImportIntegrationTests {

  /** Five indicators: a total (listed before its parts), a change target, a percentage. */
  static final String DEFINITIONS_CSV =
      """
      Reference,Indicator,Unit,Polarity,Frequency,Source,Baseline period,Baseline value,Target period,Target value,Target change %,Description,Sum of,Owner,Population,Tolerance (%),Published
      DA4,Incidents and crimes,number,neither,monthly,Police,,,,,,All domestic abuse recorded,"DA1; DA2",,,,
      DA1,Domestic abuse incidents,count,lower,monthly,Police,2015/16,,2016/17,,-20%,Incidents reported to police,,Community Safety,,,yes
      DA2,Domestic abuse crimes,count,lower,monthly,Police,,"1,200",2016/17,"1,000",,,,,,,no
      DA3,Repeat victims at MARAC,%,lower,quarterly,MARAC,,28,,25,,,,MARAC chair,,10,
      DA5,Spend on refuges,£,neither,yearly,Council,,"£18,000",,,,,,,,,
      """;

  @Autowired IndicatorImport imports;
  @Autowired Indicators indicators;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  Partnership partnership;

  @BeforeEach
  void aPartnership() {
    partnership = fixtures.partnership();
  }

  /**
   * 24 months of DA1 to October 2016 for the partnership (100 a month, then 90 a month) and for
   * England (1,000 then 1,100); two quarters of DA3 as numerator and denominator; and a quarter of
   * the monthly DA2, which is warned about. 51 rows; the DA2 row is row 52.
   */
  static String valuesCsv() {
    StringBuilder csv =
        new StringBuilder("Indicator,Month,Value,Numerator,Denominator,Comparator\n");
    YearMonth month = YearMonth.of(2014, 11);
    for (int i = 0; i < 24; i++, month = month.plusMonths(1)) {
      csv.append("DA1,").append(month).append(',').append(i < 12 ? "100" : "90").append(",,,\n");
      csv.append("DA1,")
          .append(month)
          .append(',')
          .append(i < 12 ? "\"1,000\"" : "\"1,100\"")
          .append(",,,England\n");
    }
    csv.append("DA3,2016/17 Q1,,14,50,\n");
    csv.append("DA3,2016/17 Q2,30%,15,50,\n");
    csv.append("DA2,2016/17 Q1,300,,,\n");
    return csv.toString();
  }

  static byte[] bytes(String csv) {
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  Indicator indicator(String ref) {
    return indicators.findByRef(partnership, ref).orElseThrow();
  }

  long storedValues() {
    return jdbc.sql(
            "select count(*) from indicator_value v join indicator i on i.id = v.indicator_id"
                + " where i.partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  long auditEntries(String objectType) {
    return jdbc.sql(
            "select count(*) from audit_event where partnership_id = :p and action = 'IMPORT'"
                + " and object_type = :t")
        .param("p", partnership.id())
        .param("t", objectType)
        .query(Long.class)
        .single();
  }

  @Test
  void importsDefinitionsWithTotalsChangeTargetsAndPercentages() {
    DefinitionImportResult result = imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));

    assertThat(result.summary()).isEqualTo("Indicators: 5 created, 0 changed, 0 unchanged.");
    assertThat(result.rows()).isEqualTo(5);
    assertThat(result.warnings()).isEmpty();
    assertThat(indicators.findAll(partnership))
        .extracting(Indicator::ref)
        .containsExactly("DA1", "DA2", "DA3", "DA4", "DA5");

    Indicator incidents = indicator("DA1");
    assertThat(incidents.name()).isEqualTo("Domestic abuse incidents");
    assertThat(incidents.description()).isEqualTo("Incidents reported to police");
    assertThat(incidents.unit()).isEqualTo(Unit.COUNT);
    assertThat(incidents.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
    assertThat(incidents.baselinePeriod()).hasToString("2015/16");
    assertThat(incidents.baselineValue()).isNull();
    assertThat(incidents.targetPeriod()).hasToString("2016/17");
    assertThat(incidents.targetChangePct()).isEqualByComparingTo("-20");
    assertThat(incidents.targetValue()).isNull();
    assertThat(incidents.targetText()).isEqualTo("-20% by 2016/17 from 2015/16");
    assertThat(incidents.owner()).isEqualTo("Community Safety");
    assertThat(incidents.tolerancePct()).isEqualByComparingTo("5");
    assertThat(incidents.published()).isTrue();

    Indicator crimes = indicator("DA2");
    assertThat(crimes.baselineValue()).isEqualByComparingTo("1200");
    assertThat(crimes.targetValue()).isEqualByComparingTo("1000");
    assertThat(crimes.published()).isFalse();

    Indicator repeats = indicator("DA3");
    assertThat(repeats.unit()).isEqualTo(Unit.PERCENTAGE);
    assertThat(repeats.frequency()).isEqualTo(Frequency.QUARTERLY);
    assertThat(repeats.tolerancePct()).isEqualByComparingTo("10");
    assertThat(repeats.owner()).isEqualTo("MARAC chair");
    assertThat(repeats.targetText()).isEqualTo("25%");

    Indicator total = indicator("DA4");
    assertThat(total.isComposite()).isTrue();
    assertThat(total.sumOf()).containsExactly("DA1", "DA2");
    assertThat(total.polarity()).isEqualTo(Polarity.NEITHER);

    Indicator spend = indicator("DA5");
    assertThat(spend.unit()).isEqualTo(Unit.MONEY);
    assertThat(spend.frequency()).isEqualTo(Frequency.YEARLY);
    assertThat(spend.baselineValue()).isEqualByComparingTo("18000");
    assertThat(auditEntries("Indicator definitions")).isEqualTo(1);
  }

  /**
   * PostgreSQL's numeric holds NaN and ±Infinity, which no figure is: the database refuses them.
   */
  @Test
  void theDatabaseRefusesNumbersThatAreNotFigures() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));
    imports.importValues(partnership, bytes("indicator,period,value\nDA2,2016-09,12\n"));
    List<String> targets = List.of("target_value", "target_change_pct", "target_change_points");
    for (String column :
        List.of("population", "baseline_value", "target_value", "target_change_pct")) {
      for (String number : List.of("NaN", "Infinity", "-Infinity")) {
        StringBuilder set = new StringBuilder(column + " = '" + number + "'::numeric");
        targets.stream()
            .filter(t -> !t.equals(column))
            .forEach(t -> set.append(", ").append(t).append(" = null"));
        assertThatThrownBy(
                () ->
                    jdbc.sql("update indicator set " + set + " where partnership_id = :p")
                        .param("p", partnership.id())
                        .update())
            .as(column + " = " + number)
            // below zero, a population was refused already
            .hasMessageMatching(
                "(?s).*violates check constraint \"indicator_(\\w+_finite|population_check)\".*");
      }
    }
    for (String column : List.of("value", "numerator", "denominator")) {
      assertThatThrownBy(
              () ->
                  jdbc.sql(
                          "update indicator_value set "
                              + column
                              + " = 'NaN'::numeric where indicator_id in"
                              + " (select id from indicator where partnership_id = :p)")
                      .param("p", partnership.id())
                      .update())
          .as(column)
          .hasMessageContaining("_finite");
    }
  }

  @Test
  void importingTheSameDefinitionsAgainChangesNothingAndAChangedRowUpdatesByRef() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));

    DefinitionImportResult again = imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));

    assertThat(again.summary()).isEqualTo("Indicators: 0 created, 0 changed, 5 unchanged.");
    assertThat(again.changesNothing()).isTrue();
    assertThat(auditEntries("Indicator definitions")).isEqualTo(1);

    DefinitionImportResult changed =
        imports.importDefinitions(
            partnership, bytes(DEFINITIONS_CSV.replace("2016/17,\"1,000\"", "2016/17,950")));

    assertThat(changed.summary()).isEqualTo("Indicators: 0 created, 1 changed, 4 unchanged.");
    assertThat(indicator("DA2").targetValue()).isEqualByComparingTo("950");
    assertThat(indicators.findAll(partnership)).hasSize(5);
    assertThat(auditEntries("Indicator definitions")).isEqualTo(2);
  }

  @Test
  void aFileWithoutSomeColumnsKeepsWhatTheIndicatorsHaveInThem() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));

    DefinitionImportResult result =
        imports.importDefinitions(
            partnership,
            bytes("ref,name,target_value\nDA2,Domestic abuse crimes,950\nDA6,Crimes again,\n"));

    assertThat(result.summary()).isEqualTo("Indicators: 1 created, 1 changed, 0 unchanged.");
    Indicator crimes = indicator("DA2");
    assertThat(crimes.targetValue()).isEqualByComparingTo("950");
    assertThat(crimes.baselineValue()).isEqualByComparingTo("1200");
    assertThat(crimes.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
    assertThat(crimes.source()).isEqualTo("Police");
    Indicator created = indicator("DA6");
    assertThat(created.unit()).isEqualTo(Unit.COUNT);
    assertThat(created.polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
    assertThat(created.frequency()).isEqualTo(Frequency.MONTHLY);
    assertThat(created.tolerancePct()).isEqualByComparingTo(Indicator.DEFAULT_TOLERANCE);
  }

  @Test
  void aTotalMayAddUpIndicatorsAlreadyInThePartnership() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));

    DefinitionImportResult result =
        imports.importDefinitions(
            partnership, bytes("ref,name,sum_of\nDA7,\"Crimes, twice\",\"da2\nDA2\"\n"));

    assertThat(result.created()).isEqualTo(1);
    assertThat(indicator("DA7").sumOf()).containsExactly("DA2");
    assertThatThrownBy(
            () ->
                imports.importDefinitions(
                    partnership, bytes("ref,name,sum_of\nDA1,Incidents,DA4\n")))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
                    .containsExactly(
                        tuple(2, "sum_of", "The totals go round in a circle: DA1 → DA4 → DA1")));
    assertThat(indicator("DA1").sumOf()).isEmpty();
  }

  @Test
  void aLongCircleOfTotalsIsReportedOnEveryRowWithoutRunningOutOfStack() {
    StringBuilder csv = new StringBuilder("ref,name,sum_of\n");
    int count = 20_000;
    for (int i = 1; i <= count; i++) {
      csv.append('C').append(i).append(",Total ").append(i).append(",C");
      csv.append(i == count ? 1 : i + 1).append('\n');
    }

    assertThatThrownBy(() -> imports.importDefinitions(partnership, bytes(csv.toString())))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e -> {
              assertThat(ProblemList.total(e.errors())).isEqualTo(count);
              assertThat(e.errors()).hasSize(ProblemList.SHOWN);
              assertThat(e.errors().get(0).reason())
                  .isEqualTo(
                      "The totals go round in a circle: C1 → C2 → C3 → C4 → C5 → … → C1"
                          + " (20,000 indicators)");
            });
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void aPreviewReportsWhatTheImportWouldDoAndChangesNothing() {
    DefinitionImportResult preview =
        imports.previewDefinitions(partnership, bytes(DEFINITIONS_CSV));

    assertThat(preview.summary()).isEqualTo("Indicators: 5 created, 0 changed, 0 unchanged.");
    assertThat(indicators.findAll(partnership)).isEmpty();
    assertThat(auditEntries("Indicator definitions")).isZero();

    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));
    ValueImportResult values = imports.previewValues(partnership, bytes(valuesCsv()));

    assertThat(values.recorded()).isEqualTo(51);
    assertThat(storedValues()).isZero();
    assertThat(imports.previewValues(partnership, bytes("indicator,period,value\nX,2016-10,1\n")))
        .extracting(r -> r.errors().size())
        .isEqualTo(1);
  }

  @Test
  void brokenDefinitionsImportNothingAndListEveryProblemWithRowAndColumn() {
    String broken =
        String.join(
            "\n",
            "ref,name,unit,polarity,frequency,baseline_period,baseline_value,target_period,"
                + "target_value,target_change_pct,sum_of,published",
            "A1,Good one,count,,,,,,,,,",
            ",No ref,,,,,,,,,,",
            "a1,Twice,,,,,,,,,,",
            "A23456789012345678901,Ref too long,,,,,,,,,,",
            "A5,,,,,,,,,,,",
            "A6,Bad choices,furlongs,sideways,hourly,,,,,,,",
            "A7,Bad periods,,,,2016/17 Q5,,someday,,,,",
            "A8,Bad number,,,,,lots,,,,,",
            "A9,Both targets,,,,,100,,90,-10%,,",
            "A10,Change without baseline,,,,,,,,-10%,,",
            "A11,Percentage total,%,,,,,,,,A1,",
            "A12,Unknown part,,,,,,,,,ZZ9,",
            "A13,Itself,,,,,,,,,A13,",
            "A14,Loop one,,,,,,,,,A15,",
            "A15,Loop two,,,,,,,,,A14,",
            "A16,Unsure,,,,,,,,,,maybe",
            "");

    assertThatThrownBy(() -> imports.importDefinitions(partnership, bytes(broken)))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(p -> p.row() + " " + p.column())
                  .containsExactly(
                      "3 ref",
                      "4 ref",
                      "5 ref",
                      "6 name",
                      "7 unit",
                      "7 polarity",
                      "7 frequency",
                      "8 baseline_period",
                      "8 target_period",
                      "9 baseline_value",
                      "10 target_change_pct",
                      "11 target_change_pct",
                      "12 sum_of",
                      "13 sum_of",
                      "14 sum_of",
                      "15 sum_of",
                      "16 sum_of",
                      "17 published");
              assertThat(reason(e.errors(), 4))
                  .isEqualTo(
                      "The ref a1 is already used on row 2: each indicator needs its own ref");
              assertThat(reason(e.errors(), 5)).isEqualTo("A ref must be 20 characters or fewer");
              assertThat(e.errors())
                  .filteredOn(p -> p.row() == 7)
                  .extracting(ImportProblem::value, ImportProblem::reason)
                  .containsExactly(
                      tuple(
                          "furlongs",
                          "'furlongs' is not a unit: use count, percentage, rate per 1000, money"
                              + " or days"),
                      tuple(
                          "sideways", "'sideways' is not a polarity: use higher, lower or neither"),
                      tuple(
                          "hourly",
                          "'hourly' is not a frequency: use monthly, quarterly or yearly"));
              assertThat(reason(e.errors(), 9))
                  .isEqualTo(
                      "'lots' is not a number: write a number like 1200, 1,200, -20% or £18,000");
              assertThat(reason(e.errors(), 10))
                  .isEqualTo(
                      "Give one target: a target value, a target change in % or a target change"
                          + " in points");
              assertThat(reason(e.errors(), 11))
                  .containsIgnoringCase("a change target needs a baseline");
              assertThat(reason(e.errors(), 12))
                  .isEqualTo(
                      "Only count and money indicators can be a total of others: a percentage"
                          + " cannot be added up");
              assertThat(reason(e.errors(), 13))
                  .isEqualTo("There is no indicator ZZ9 in the file or in the partnership");
              assertThat(reason(e.errors(), 14)).isEqualTo("A13 cannot be part of its own total");
              assertThat(reason(e.errors(), 15))
                  .isEqualTo("The totals go round in a circle: A14 → A15 → A14");
              assertThat(reason(e.errors(), 16))
                  .isEqualTo("The totals go round in a circle: A15 → A14 → A15");
              assertThat(reason(e.errors(), 17))
                  .isEqualTo("'maybe' is not yes or no: write yes or no (blank means no)");
            });
    assertThat(indicators.findAll(partnership)).isEmpty();
    assertThat(auditEntries("Indicator definitions")).isZero();
  }

  @Test
  void thePartsOfATotalMustHaveItsUnit() {
    assertThatThrownBy(
            () ->
                imports.importDefinitions(
                    partnership, bytes("ref,name,unit,sum_of\nM1,Spend,money,\nT1,Total,,M1\n")))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
                    .containsExactly(
                        tuple(
                            3,
                            "sum_of",
                            "The parts of a total must have its unit: M1 is a money indicator and"
                                + " this is a count indicator")));
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void twoNodesRecordingTheSameValuesAtOnceRecordThemOnce() throws Exception {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));
    long da1 = indicators.findByRef(partnership, "DA1").orElseThrow().id();
    List<ValueEntry> entries = new java.util.ArrayList<>();
    for (YearMonth month = YearMonth.of(2016, 1);
        month.getYear() == 2016;
        month = month.plusMonths(1)) {
      entries.add(
          new ValueEntry(
              da1, "", IndicatorPeriod.parse(month.toString()), BigDecimal.TEN, null, null));
    }
    long versionBefore = dataVersion();

    Overlapping.Results<Indicators.Recorded> both =
        Overlapping.run(
            transactions,
            jdbc,
            () -> indicators.record(partnership, entries, "Node A"),
            () -> indicators.record(partnership, entries, "Node B"));

    assertThat(both.first()).isEqualTo(new Indicators.Recorded(12, 0));
    assertThat(both.second()).isEqualTo(new Indicators.Recorded(0, 12));
    assertThat(storedValues()).isEqualTo(12);
    assertThat(dataVersion()).isEqualTo(versionBefore + 1);
  }

  long dataVersion() {
    return jdbc.sql(
            "select coalesce(max(version), 0) from indicator_data_version where partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  @Test
  void importsValuesForThePartnershipAndAComparatorAndPercentagesFromTheirParts() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));

    ValueImportResult result = imports.importValues(partnership, bytes(valuesCsv()));

    assertThat(result.summary()).isEqualTo("Values: 51 recorded, 0 unchanged (51 rows).");
    assertThat(result.warnings())
        .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value)
        .containsExactly(tuple(52, "period", "2016/17 Q1"));
    assertThat(result.warnings().get(0).reason())
        .isEqualTo(
            "DA2 is reported monthly but this value is for a quarter: it is recorded as given");
    assertThat(storedValues()).isEqualTo(51);
    assertThat(auditEntries("Indicator values")).isEqualTo(1);

    IndicatorData data = indicators.data(partnership);
    Indicator repeats = data.byRef("DA3").orElseThrow();
    Observation q1 =
        data.series(repeats, IndicatorData.OWN_AREA)
            .at(IndicatorPeriod.parse("2016/17 Q1"))
            .orElseThrow();
    assertThat(q1.value()).isEqualByComparingTo("28.0");
    assertThat(q1.numerator()).isEqualByComparingTo("14");
    assertThat(q1.denominator()).isEqualByComparingTo("50");
    assertThat(
            data.series(repeats, IndicatorData.OWN_AREA)
                .at(IndicatorPeriod.parse("2016/17 Q2"))
                .orElseThrow()
                .value())
        .isEqualByComparingTo("30");
    // Q1 and Q2: (14 + 15) / (50 + 50) = 29.0%
    assertThat(
            data.series(repeats, IndicatorData.OWN_AREA)
                .over(YearMonth.of(2016, 4), YearMonth.of(2016, 9))
                .ratio()
                .rounded(1))
        .isEqualByComparingTo("29.0");
    Indicator incidents = data.byRef("DA1").orElseThrow();
    assertThat(data.comparators(incidents)).containsExactly("England");
    assertThat(
            indicators.revisions(partnership, incidents).stream()
                .map(ValueRevision::recordedBy)
                .distinct())
        .containsExactly("Import from the command line");
  }

  @Test
  void theImportedValuesGiveTheTwelveMonthFiguresOfThePerformanceTable() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));
    imports.importValues(partnership, bytes(valuesCsv()));
    IndicatorData data = indicators.data(partnership);
    Indicator incidents = data.byRef("DA1").orElseThrow();

    Performance performance = data.performance(incidents, YearMonth.of(2016, 10), null);

    // Nov 2015 - Oct 2016: 12 × 90 = 1080; Nov 2014 - Oct 2015: 12 × 100 = 1200: -10.0%
    assertThat(performance.current().ratio().rounded(0)).isEqualByComparingTo("1080");
    assertThat(performance.previous().ratio().rounded(0)).isEqualByComparingTo("1200");
    assertThat(performance.changePct()).isEqualByComparingTo("-10.0");
    // baseline, the 12 months to March 2016: 7 × 100 + 5 × 90 = 1150; 1080 is 6.1% below it
    assertThat(performance.baseline().ratio().rounded(0)).isEqualByComparingTo("1150");
    assertThat(performance.changeVsBaselinePct()).isEqualByComparingTo("-6.1");
    // April to October: 7 × 90 = 630 against 7 × 100 = 700
    assertThat(performance.yearToDate().ratio().rounded(0)).isEqualByComparingTo("630");
    assertThat(performance.yearToDateLastYear().ratio().rounded(0)).isEqualByComparingTo("700");
    assertThat(performance.yearToDateChangePct()).isEqualByComparingTo("-10.0");
    // England: 12 × 1,100 = 13,200 against 12 × 1,000 = 12,000: +10.0%
    assertThat(performance.comparatorArea()).isEqualTo("England");
    assertThat(performance.comparatorCurrent().ratio().rounded(0)).isEqualByComparingTo("13200");
    assertThat(performance.comparatorChangePct()).isEqualByComparingTo("10.0");
    // target: 1150 × 0.8 = 920 by March 2017; 7 of 12 months along: (1150 × 5 + 920 × 7) / 12
    // = 1015.83; 1080 is 6.3% behind it, beyond the 5% tolerance but within 10%
    assertThat(performance.target().rounded(0)).isEqualByComparingTo("920");
    assertThat(performance.trajectory().rounded(2)).isEqualByComparingTo("1015.83");
    assertThat(performance.behindTrajectoryPct()).isEqualByComparingTo("6.3");
    assertThat(performance.rating()).isEqualTo(RagRating.AMBER_RED);
  }

  @Test
  void importingTheSameValuesAgainChangesNothingAndAChangedValueAddsARevision() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));
    imports.importValues(partnership, bytes(valuesCsv()));

    ValueImportResult again = imports.importValues(partnership, bytes(valuesCsv()));

    assertThat(again.summary()).isEqualTo("Values: 0 recorded, 51 unchanged (51 rows).");
    assertThat(storedValues()).isEqualTo(51);
    assertThat(auditEntries("Indicator values")).isEqualTo(1);

    String changed = valuesCsv().replace("DA1,2016-10,90,,,\n", "DA1,2016-10,95,,,\n");
    ValueImportResult result = imports.importValues(partnership, bytes(changed));

    assertThat(result.summary()).isEqualTo("Values: 1 recorded, 50 unchanged (51 rows).");
    Indicator incidents = indicator("DA1");
    assertThat(
            indicators.revisions(partnership, incidents).stream()
                .filter(r -> r.period().equals("2016-10") && r.area().isEmpty()))
        .extracting(ValueRevision::value)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("95"), new BigDecimal("90"));
    assertThat(
            indicators
                .data(partnership)
                .performance(incidents, YearMonth.of(2016, 10), null)
                .current()
                .ratio()
                .rounded(0))
        .isEqualByComparingTo("1085");
  }

  @Test
  void brokenValuesImportNothingAndListEveryProblemWithRowAndColumn() {
    imports.importDefinitions(partnership, bytes(DEFINITIONS_CSV));
    String longArea = "x".repeat(101);
    String broken =
        String.join(
            "\n",
            "indicator,period,value,numerator,denominator,area",
            "NOPE,2016-10,5,,,",
            "DA4,2016-10,5,,,",
            "DA1,2016-13,5,,,",
            "DA1,2016-10,lots,,,",
            "DA1,2016-09,,,,",
            "DA3,2016/17 Q1,,14,,",
            "DA3,2016/17 Q2,,14,0,",
            "DA3,2016/17 Q3,,60,50,",
            "DA1,2016-08,-5,,,",
            "DA1,2016-07,5,,,England",
            "DA1,2016-07,6,,,england",
            ",2016-07,5,,,",
            "DA1,2016-06,=1+2,,,",
            "DA1,2016-05,5,,," + longArea,
            "");

    assertThatThrownBy(() -> imports.importValues(partnership, bytes(broken)))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(p -> p.row() + " " + p.column())
                  .containsExactly(
                      "2 indicator",
                      "3 indicator",
                      "4 period",
                      "5 value",
                      "6 value",
                      "7 denominator",
                      "8 denominator",
                      "9 numerator",
                      "10 value",
                      "12 period",
                      "13 indicator",
                      "14 value",
                      "15 area");
              assertThat(reason(e.errors(), 2))
                  .isEqualTo(
                      "There is no indicator NOPE in this partnership: import its definition first");
              assertThat(reason(e.errors(), 3))
                  .isEqualTo(
                      "DA4 is the total of DA1, DA2: its values are worked out from theirs, so it"
                          + " takes none of its own");
              assertThat(reason(e.errors(), 6))
                  .isEqualTo("Give a value, or a numerator and a denominator");
              assertThat(reason(e.errors(), 7))
                  .isEqualTo(
                      "A percentage needs its denominator with the numerator: give both, or"
                          + " neither");
              assertThat(reason(e.errors(), 8)).isEqualTo("The denominator must be more than 0");
              assertThat(reason(e.errors(), 9))
                  .isEqualTo(
                      "The numerator (60) cannot be more than the denominator (50): a percentage"
                          + " is a part of the whole");
              assertThat(reason(e.errors(), 10)).isEqualTo("A count cannot be negative");
              assertThat(reason(e.errors(), 12))
                  .isEqualTo("The value of DA1 for 2016-07 in England is already on row 11");
              assertThat(e.errors().get(11).value()).isEqualTo("=1+2");
            });
    assertThat(storedValues()).isZero();
    assertThat(indicators.data(partnership).series(indicator("DA1"), "").isEmpty()).isTrue();
    assertThat(auditEntries("Indicator values")).isZero();
  }

  @Test
  void aRateNeedsADenominatorOrThePopulationOfItsIndicator() {
    imports.importDefinitions(
        partnership,
        bytes(
            "ref,name,unit,population\n"
                + "R1,Incidents per 1000,rate,\"250,000\"\n"
                + "R2,Crimes per 1000,rate,\n"));

    ValueImportResult ok =
        imports.importValues(
            partnership,
            bytes(
                "ref,quarter,numerator,population\n"
                    + "R1,2016/17 Q1,500,\n"
                    + "R1,2016/17 Q2,400,\"200,000\"\n"));

    assertThat(ok.recorded()).isEqualTo(2);
    Series rates = indicators.data(partnership).series(indicator("R1"), "");
    // Q2: 400 × 1000 / 200,000 = 2.0; Q1 has no denominator: the indicator's population is used
    assertThat(rates.at(IndicatorPeriod.parse("2016/17 Q2")).orElseThrow().value())
        .isEqualByComparingTo("2.0");
    assertThat(rates.at(IndicatorPeriod.parse("2016/17 Q1")).orElseThrow().value()).isNull();
    assertThatThrownBy(
            () ->
                imports.importValues(
                    partnership, bytes("ref,quarter,numerator\nR2,2016/17 Q1,500\n")))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
                    .containsExactly(
                        tuple(
                            2,
                            "denominator",
                            "A rate needs a denominator (the population): R2 has no population of"
                                + " its own")));
  }

  @Test
  void unreadableEmptyAndOversizedFilesAreProblemsOnRowOneNeverExceptions() {
    byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, (byte) 0xff};
    byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
    assertRejected(
        new byte[0],
        p -> assertThat(p).isEqualTo(new ImportProblem(1, "(file)", "", "The file is empty")));
    assertRejected(binary, p -> assertThat(p.reason()).contains("not a CSV or XLSX"));
    assertRejected(brokenZip, p -> assertThat(p.reason()).contains("could not be read"));
    assertRejected(
        new byte[50 * 1024 * 1024],
        p -> {
          assertThat(p.row()).isEqualTo(1);
          assertThat(p.reason())
              .isEqualTo("The file is 50 MB: files of up to 25 MB can be imported");
        });
    assertRejected(
        bytes("ref,name\n\n"),
        p -> {
          assertThat(p.row()).isEqualTo(2);
          assertThat(p.reason()).contains("no rows");
        });
    assertRejected(
        bytes("ref,label\nA1,Something\n"),
        p ->
            assertThat(p)
                .isEqualTo(
                    new ImportProblem(
                        1, "name", "", "The header row has no 'name' column; found: ref, label")));

    assertThatThrownBy(
            () -> imports.importValues(partnership, bytes("indicator,period\nDA1,2016-10\n")))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportProblem::row, ImportProblem::column)
                    .containsExactly(tuple(1, "value")));
    assertThatThrownBy(() -> imports.importValues(partnership, bytes("indicator,period,value\n")))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e -> assertThat(e.errors().get(0).reason()).contains("no rows"));
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  void assertRejected(byte[] content, Consumer<ImportProblem> problem) {
    assertThatThrownBy(() -> imports.importDefinitions(partnership, content))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              problem.accept(e.errors().get(0));
            });
    assertThatThrownBy(() -> imports.importValues(partnership, content))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class, e -> assertThat(e.errors()).isNotEmpty());
  }

  @Test
  void formulaLikeCellsAreKeptAsTextAndUnknownColumnsAreWarnedAbout() {
    DefinitionImportResult result =
        imports.importDefinitions(
            partnership,
            bytes(
                "ref,name,description,notes\nF1,\"=HYPERLINK(\"\"http://x\"\")\",@cmd,ignored\n"));

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.warnings())
        .extracting(ImportProblem::row, ImportProblem::column)
        .containsExactly(tuple(1, "notes"));
    Indicator f1 = indicator("F1");
    assertThat(f1.name()).isEqualTo("=HYPERLINK(\"http://x\")");
    assertThat(f1.description()).isEqualTo("@cmd");
  }

  @Test
  void readsDefinitionsAndValuesFromXlsx() throws IOException {
    byte[] definitions =
        xlsx(
            sheet -> {
              row(sheet, 0, "Ref", "Name", "Unit", "Baseline value");
              Row r = row(sheet, 1, "X1", "Calls to the helpline", "count");
              r.createCell(3).setCellValue(1200);
            });
    byte[] values =
        xlsx(
            sheet -> {
              row(sheet, 0, "Indicator ref", "Period", "Value");
              row(sheet, 1, "X1", "2016-10").createCell(2).setCellValue(42);
              row(sheet, 2, "X1", "Nov 2016").createCell(2).setCellValue(43.5);
            });

    assertThat(imports.importDefinitions(partnership, definitions).created()).isEqualTo(1);
    assertThat(imports.importValues(partnership, values).recorded()).isEqualTo(2);

    assertThat(indicator("X1").baselineValue()).isEqualByComparingTo("1200");
    Series series = indicators.data(partnership).series(indicator("X1"), "");
    assertThat(series.observations())
        .extracting(o -> o.period().toString(), o -> o.value().toPlainString())
        .containsExactly(tuple("2016-10", "42"), tuple("2016-11", "43.5"));
    assertThat(imports.importValues(partnership, values).unchanged()).isEqualTo(2);
  }

  @Test
  void readsAMonthWrittenAsAUkDateAsThatMonth() throws IOException {
    imports.importDefinitions(partnership, bytes("ref,name\nX1,Calls to the helpline\n"));
    String csv =
        """
        indicator,period,value
        X1,30/11/2026,40
        X1,31 Oct 2026,41
        X1,01/09/2026,42
        X1,31 December 2026,43
        """;

    assertThat(imports.importValues(partnership, bytes(csv)).recorded()).isEqualTo(4);

    // a date cell that Excel shows as 31/01/2027 (its built-in short date) is January 2027
    byte[] values =
        xlsx(
            sheet -> {
              row(sheet, 0, "Indicator", "Period", "Value");
              Row r = row(sheet, 1, "X1");
              var shortDate = sheet.getWorkbook().createCellStyle();
              shortDate.setDataFormat((short) 14);
              r.createCell(1).setCellValue(java.time.LocalDate.of(2027, 1, 31));
              r.getCell(1).setCellStyle(shortDate);
              r.createCell(2).setCellValue(44);
            });
    assertThat(imports.importValues(partnership, values).recorded()).isEqualTo(1);

    assertThat(indicators.data(partnership).series(indicator("X1"), "").observations())
        .extracting(o -> o.period().toString(), o -> o.value().toPlainString())
        .containsExactly(
            tuple("2026-09", "42"),
            tuple("2026-10", "41"),
            tuple("2026-11", "40"),
            tuple("2026-12", "43"),
            tuple("2027-01", "44"));
  }

  static byte[] xlsx(Consumer<Sheet> content) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      content.accept(workbook.createSheet("Indicators"));
      workbook.write(out);
      return out.toByteArray();
    }
  }

  static Row row(Sheet sheet, int index, String... cells) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < cells.length; i++) {
      row.createCell(i).setCellValue(cells[i]);
    }
    return row;
  }

  static String reason(List<ImportProblem> problems, int row) {
    return problems.stream().filter(p -> p.row() == row).findFirst().orElseThrow().reason();
  }
}
