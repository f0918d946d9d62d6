package org.ccrhub.indicators.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccrhub.CcrHubTest;
import org.ccrhub.api.ApiCallers;
import org.ccrhub.api.ApiCallers.Caller;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.PerformanceReports;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators' endpoints as a script calls them with a token: definitions in ref order, values
 * recorded by the values import's rules and read back, and the performance table equal to the CSV
 * file's, figures worked out by hand.
 */
@CcrHubTest
class IndicatorsApiIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Five indicators, refs out of natural order: 10 and 2 are counts (2 with a target of -10% on its
   * 2014/15 baseline of 1,300, published), 9 a small count, 3 a percentage; 12 is the total of 2
   * and 10.
   */
  static final String DEFINITIONS_CSV =
      """
      Reference,Indicator,Unit,Polarity,Frequency,Source,Owner,Baseline period,Baseline value,Target period,Target change %,Sum of,Published
      10,Burglaries,count,lower,monthly,Police,Community safety,,,,,,no
      2,Domestic abuse incidents,count,lower,monthly,Police,Community safety,2014/15,1300,2016/17,-10%,,yes
      9,Arson attacks,count,lower,monthly,Fire service,,,,,,,yes
      3,Repeat victims,%,lower,monthly,MARAC,,,,,,,no
      12,Incidents and burglaries,count,lower,monthly,,,,,,,2; 10,no
      """;

  @Autowired MockMvc mvc;
  @Autowired ApiCallers callers;
  @Autowired IndicatorImport imports;
  @Autowired PerformanceReports reports;
  @Autowired JdbcClient jdbc;

  Caller analyst;
  Partnership partnership;
  String base;

  @BeforeEach
  void anAnalystWithIndicators() {
    analyst = callers.caller(Role.ANALYST);
    partnership = analyst.partnership();
    base = "/api/v1/partnerships/" + partnership.slug();
    imports.importDefinitions(partnership, DEFINITIONS_CSV.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"period": "2014-11", "value": v, "area": area}} for each value, month after month. */
  static List<Map<String, Object>> monthly(YearMonth first, List<Integer> values, String area) {
    List<Map<String, Object>> items = new ArrayList<>();
    YearMonth month = first;
    for (int v : values) {
      items.add(
          area.isEmpty()
              ? Map.of("period", month.toString(), "value", v)
              : Map.of("period", month.toString(), "value", v, "area", area));
      month = month.plusMonths(1);
    }
    return items;
  }

  /** 100, 101 ... 111, then 90, 91 ... 101: 24 months from November 2014 to October 2016. */
  static List<Integer> twoYears(int previousStart, int currentStart) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      values.add(previousStart + i);
    }
    for (int i = 0; i < 12; i++) {
      values.add(currentStart + i);
    }
    return values;
  }

  private ResultActions putValues(Caller caller, String ref, Object body) throws Exception {
    return mvc.perform(
        caller
            .bearer(put(base + "/indicators/" + ref + "/values"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body instanceof String s ? s : JSON.writeValueAsString(body)));
  }

  private JsonNode getJson(String path) throws Exception {
    return ApiCallers.json(
        mvc.perform(analyst.bearer(get(path))).andExpect(status().isOk()).andReturn());
  }

  /** Two years of values for 2 (and London's) and 9, as a script would send them. */
  private void twoYearsOfValues() throws Exception {
    List<Map<String, Object>> own = monthly(YearMonth.of(2014, 11), twoYears(100, 90), "");
    List<Map<String, Object>> london =
        monthly(YearMonth.of(2014, 11), twoYears(1000, 1100), "London");
    List<Map<String, Object>> both = new ArrayList<>(own);
    both.addAll(london);
    putValues(analyst, "2", both)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows").value(48))
        .andExpect(jsonPath("$.recorded").value(48))
        .andExpect(jsonPath("$.unchanged").value(0));
    // 9: 2 a month in the previous 12 months (24), then 1 in each of three months (3)
    List<Integer> small = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      small.add(i < 12 ? 2 : i >= 21 ? 1 : 0);
    }
    putValues(analyst, "9", monthly(YearMonth.of(2014, 11), small, ""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recorded").value(24));
  }

  @Test
  void listsTheIndicatorsInNaturalRefOrderPageByPage() throws Exception {
    MvcResult first =
        mvc.perform(analyst.bearer(get(base + "/indicators").param("size", "2")))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/json")))
            .andExpect(header().string("X-Total-Count", "5"))
            .andReturn();
    JsonNode page1 = ApiCallers.json(first);
    assertThat(page1.size()).isEqualTo(2);
    assertThat(page1.get(0).get("ref").asString()).isEqualTo("2");
    assertThat(page1.get(1).get("ref").asString()).isEqualTo("3");
    assertThat(first.getResponse().getHeader(HttpHeaders.LINK))
        .contains("<" + base + "/indicators?page=2&size=2>; rel=\"next\"")
        .contains("<" + base + "/indicators?page=3&size=2>; rel=\"last\"");
    JsonNode page3 = getJson(base + "/indicators?size=2&page=3");
    assertThat(page3.size()).isEqualTo(1);
    JsonNode page2 = getJson(base + "/indicators?size=2&page=2");
    assertThat(page2.get(0).get("ref").asString()).isEqualTo("9");
    assertThat(page2.get(1).get("ref").asString()).isEqualTo("10");
    assertThat(page3.get(0).get("ref").asString()).isEqualTo("12");

    JsonNode two = page1.get(0);
    assertThat(two.get("name").asString()).isEqualTo("Domestic abuse incidents");
    assertThat(two.get("unit").asString()).isEqualTo("COUNT");
    assertThat(two.get("polarity").asString()).isEqualTo("LOWER_IS_BETTER");
    assertThat(two.get("frequency").asString()).isEqualTo("MONTHLY");
    assertThat(two.get("source").asString()).isEqualTo("Police");
    assertThat(two.get("owner").asString()).isEqualTo("Community safety");
    assertThat(two.get("baseline_period").asString()).isEqualTo("2014/15");
    assertThat(two.get("target_change_pct").decimalValue()).isEqualByComparingTo("-10");
    assertThat(two.get("target").asString()).isEqualTo("-10% by 2016/17 from 2014/15");
    assertThat(two.get("target_value").isNull()).isTrue();
    assertThat(two.get("tolerance_pct").decimalValue()).isEqualByComparingTo("5");
    assertThat(two.get("published").asBoolean()).isTrue();
    assertThat(page3.get(0).get("sum_of").toString()).isEqualTo("[\"2\",\"10\"]");
  }

  @Test
  void showsOneIndicatorAndNotAnotherPartnerships() throws Exception {
    mvc.perform(analyst.bearer(get(base + "/indicators/10")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ref").value("10"))
        .andExpect(jsonPath("$.name").value("Burglaries"))
        .andExpect(jsonPath("$.published").value(false));
    mvc.perform(analyst.bearer(get(base + "/indicators/11")))
        .andExpect(status().isNotFound())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/problem")));

    Caller other = callers.caller(Role.PARTNERSHIP_ADMIN);
    imports.importDefinitions(
        other.partnership(),
        "Reference,Indicator\nOTHER1,Their own indicator\n".getBytes(StandardCharsets.UTF_8));
    mvc.perform(analyst.bearer(get(base + "/indicators/OTHER1"))).andExpect(status().isNotFound());
    putValues(analyst, "OTHER1", List.of(Map.of("period", "2016-10", "value", 1)))
        .andExpect(status().isNotFound());
    String theirs = "/api/v1/partnerships/" + other.partnership().slug();
    for (String path : List.of("/indicators", "/indicators/OTHER1", "/indicators/OTHER1/values")) {
      mvc.perform(analyst.bearer(get(theirs + path))).andExpect(status().isNotFound());
    }
    mvc.perform(analyst.bearer(get(theirs + "/reports/performance")))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/indicators")).andExpect(status().isUnauthorized());
    mvc.perform(get(base + "/reports/performance")).andExpect(status().isUnauthorized());
  }

  @Test
  void answersThePerformanceTableWithFiguresWorkedOutByHand() throws Exception {
    twoYearsOfValues();
    JsonNode report = getJson(base + "/reports/performance?to=2016-10");
    assertThat(report.get("month").asString()).isEqualTo("2016-10");
    assertThat(report.get("comparator").asString()).isEqualTo("London");
    assertThat(report.get("suppression_threshold").asInt()).isEqualTo(5);
    JsonNode two = row(report, "2");
    // previous: 100 + 101 + ... + 111 = 1,266; current: 90 + ... + 101 = 1,146
    assertThat(two.get("name").asString()).isEqualTo("Domestic abuse incidents");
    assertThat(two.get("previous_12_months").decimalValue()).isEqualByComparingTo("1266");
    assertThat(two.get("current_12_months").decimalValue()).isEqualByComparingTo("1146");
    // (1,146 - 1,266) / 1,266 = -9.48%
    assertThat(two.get("change_pct").decimalValue()).isEqualByComparingTo("-9.5");
    // London: 12,066 (1,000 ... 1,011) to 13,266 (1,100 ... 1,111): +9.95%
    assertThat(two.get("comparator_change_pct").decimalValue()).isEqualByComparingTo("9.9");
    // baseline 1,300: (1,146 - 1,300) / 1,300 = -11.85%; target 1,300 - 10% = 1,170
    assertThat(two.get("baseline").decimalValue()).isEqualByComparingTo("1300");
    assertThat(two.get("change_vs_baseline_pct").decimalValue()).isEqualByComparingTo("-11.8");
    assertThat(two.get("target").decimalValue()).isEqualByComparingTo("1170");
    // 1,146 is below (better than) anywhere on the path from 1,300 to 1,170
    assertThat(two.get("rating").asString()).isEqualTo("Green");
    assertThat(two.get("suppressed").size()).isZero();
    assertThat(two.get("change_points").isNull()).isTrue();

    // 9: 24 before, then 3 (1 in each of the last three months): small, so suppressed
    JsonNode nine = row(report, "9");
    assertThat(nine.get("previous_12_months").decimalValue()).isEqualByComparingTo("24");
    assertThat(nine.get("current_12_months").isNull()).isTrue();
    assertThat(nine.get("change_pct").isNull()).isTrue();
    assertThat(nine.get("suppressed").toString())
        .isEqualTo("[\"current_12_months\",\"change_pct\"]");

    // 3 and 10 have no values, nor so their total 12: missing, not rows
    assertThat(report.get("missing").findValuesAsString("ref")).containsExactly("3", "10", "12");
    assertThat(report.get("missing").get(0).get("latest_period").isNull()).isTrue();
    assertThat(report.get("rows").findValuesAsString("ref")).containsExactly("2", "9");

    assertEqualsTheCsv(report, YearMonth.of(2016, 10));
  }

  @Test
  void answersLikeTheCsvForAComparatorAndRefusesOneThatDoesNotExist() throws Exception {
    twoYearsOfValues();
    JsonNode report = getJson(base + "/reports/performance?to=2016-09&comparator=london");
    assertThat(report.get("comparator").asString()).isEqualTo("London");
    assertEqualsTheCsv(report, YearMonth.of(2016, 9));

    mvc.perform(analyst.bearer(get(base + "/reports/performance?to=2016-10&comparator=Paris")))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value("There is no comparator area 'Paris': the comparators are London"));
    for (String to : List.of("2016-13", "2016/17 Q2", "soon")) {
      mvc.perform(analyst.bearer(get(base + "/reports/performance").param("to", to)))
          .andExpect(status().isBadRequest())
          .andExpect(
              jsonPath("$.detail")
                  .value("'" + to + "' is not a month for 'to': write a month like 2016-10"));
    }
    // without a month: the latest with a figure for every indicator that has values, as on screen
    JsonNode latest = getJson(base + "/reports/performance");
    assertThat(latest.get("month").asString()).isEqualTo("2016-10");
  }

  /** Every row of the answer says what the CSV file's row says, field by field. */
  private void assertEqualsTheCsv(JsonNode report, YearMonth month) {
    String comparator =
        report.get("comparator").isNull() ? null : report.get("comparator").asString();
    var table = reports.table(partnership, month, comparator, true);
    String csv =
        new String(reports.render(partnership, table, ReportFormat.CSV), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1));
    assertThat(header).contains("previous_12_months", "change_pct", "rating");
    JsonNode rows = report.get("rows");
    assertThat(rows.size()).isEqualTo(lines.size() - 1);
    for (int r = 0; r < rows.size(); r++) {
      String[] cells = lines.get(r + 1).split(",", -1);
      JsonNode row = rows.get(r);
      List<String> suppressed = new ArrayList<>();
      row.get("suppressed").forEach(n -> suppressed.add(n.asString()));
      for (int c = 0; c < header.size(); c++) {
        String field = header.get(c);
        String cell = cells[c];
        JsonNode value = row.get(field);
        assertThat(value).as(field).isNotNull();
        if (cell.equals("<5") || cell.equals("[c]")) {
          assertThat(value.isNull()).as(field).isTrue();
          assertThat(suppressed).as(field).contains(field);
        } else if (cell.isEmpty()) {
          assertThat(value.isNull()).as(field).isTrue();
          assertThat(suppressed).as(field).doesNotContain(field);
        } else if (value.isNumber()) {
          assertThat(value.decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(cell));
        } else {
          assertThat(value.asString()).as(field).isEqualTo(cell);
        }
      }
    }
  }

  private static JsonNode row(JsonNode report, String ref) {
    for (JsonNode row : report.get("rows")) {
      if (row.get("ref").asString().equals(ref)) {
        return row;
      }
    }
    throw new AssertionError("No row for " + ref + " in " + report);
  }

  @Test
  void recordsTheSameValuesTwiceOnceAndKeepsARevisionWhenOneChanges() throws Exception {
    List<Map<String, Object>> values = monthly(YearMonth.of(2015, 11), twoYears(100, 90), "");
    putValues(analyst, "10", values).andExpect(status().isOk());
    putValues(analyst, "10", values)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recorded").value(0))
        .andExpect(jsonPath("$.unchanged").value(24))
        .andExpect(jsonPath("$.summary").value("Values: 0 recorded, 24 unchanged (24 rows)."));

    List<Map<String, Object>> changed = new ArrayList<>(values);
    changed.set(23, Map.of("period", "2017-10", "value", 77));
    putValues(analyst, "10", changed)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recorded").value(1))
        .andExpect(jsonPath("$.unchanged").value(23));

    JsonNode october = getJson(base + "/indicators/10/values?area=&from=2017-10&to=2017-10");
    assertThat(october.size()).isEqualTo(1);
    JsonNode value = october.get(0);
    assertThat(value.get("period").asString()).isEqualTo("2017-10");
    assertThat(value.get("label").asString()).isEqualTo("Oct 2017");
    assertThat(value.get("value").decimalValue()).isEqualByComparingTo("77");
    assertThat(value.get("figure").decimalValue()).isEqualByComparingTo("77");
    assertThat(value.get("numerator").isNull()).isTrue();
    assertThat(value.get("area").asString()).isEmpty();
    assertThat(value.get("revisions").asInt()).isEqualTo(2);
    assertThat(value.get("recorded_by").asString())
        .isEqualTo(analyst.member().displayName() + " (API)");
    assertThat(value.get("recorded_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");

    List<Integer> kept =
        jdbc.sql(
                "select count(*)::int from indicator_value v join indicator i on i.id ="
                    + " v.indicator_id where i.partnership_id = :p and i.ref = '10' and"
                    + " v.period = '2017-10'")
            .param("p", partnership.id())
            .query(Integer.class)
            .list();
    assertThat(kept).containsExactly(2);

    List<String> audit =
        jdbc.sql(
                "select actor || ' | ' || summary from audit_event where partnership_id = :p"
                    + " and action = 'IMPORT' order by id")
            .param("p", partnership.id())
            .query(String.class)
            .list();
    // the definitions, then two recordings: the second, which changed nothing, is not recorded
    assertThat(audit).hasSize(3);
    assertThat(audit.get(1))
        .isEqualTo(
            analyst.member().email()
                + " (API token 'Test script') | Imported 24 rows of indicator values."
                + " Values: 24 recorded, 0 unchanged (24 rows).");
  }

  @Test
  void readsValuesByAreaAndPeriodsWrittenAsThePagesWriteThem() throws Exception {
    twoYearsOfValues();
    putValues(
            analyst,
            "3",
            "[{\"period\": \"Oct 2016\", \"numerator\": 15, \"denominator\": 50},"
                + " {\"period\": \"2016-09\", \"value\": 28.5, \"area\": null}]")
        .andExpect(status().isOk());
    JsonNode percentages = getJson(base + "/indicators/3/values");
    assertThat(percentages.findValuesAsString("period")).containsExactly("2016-09", "2016-10");
    assertThat(percentages.get(1).get("value").decimalValue()).isEqualByComparingTo("30.0");
    assertThat(percentages.get(1).get("numerator").decimalValue()).isEqualByComparingTo("15");
    assertThat(percentages.get(1).get("denominator").decimalValue()).isEqualByComparingTo("50");
    assertThat(percentages.get(1).get("figure").decimalValue()).isEqualByComparingTo("30.0");
    assertThat(percentages.get(0).get("value").decimalValue()).isEqualByComparingTo("28.5");

    MvcResult all =
        mvc.perform(analyst.bearer(get(base + "/indicators/2/values?size=30")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Total-Count", "48"))
            .andReturn();
    JsonNode firstPage = ApiCallers.json(all);
    mvc.perform(analyst.bearer(get(base + "/indicators/2/values?area=")))
        .andExpect(header().string("X-Total-Count", "24"));
    mvc.perform(analyst.bearer(get(base + "/indicators/2/values?area=Paris")))
        .andExpect(header().string("X-Total-Count", "0"));
    assertThat(firstPage.get(0).get("area").asString()).isEmpty();
    assertThat(firstPage.get(0).get("period").asString()).isEqualTo("2014-11");
    assertThat(firstPage.get(24).get("area").asString()).isEqualTo("London");

    JsonNode london = getJson(base + "/indicators/2/values?area=london&from=2016/17&to=2016-10");
    assertThat(london.findValuesAsString("period"))
        .containsExactly(
            "2016-04", "2016-05", "2016-06", "2016-07", "2016-08", "2016-09", "2016-10");
    assertThat(london.get(0).get("value").decimalValue()).isEqualByComparingTo("1105");

    // a total's values are worked out from its parts': none of its own recorded
    putValues(analyst, "10", List.of(Map.of("period", "2016-10", "value", 5)))
        .andExpect(status().isOk());
    JsonNode total = getJson(base + "/indicators/12/values?area=&from=2016-10");
    assertThat(total.get(0).get("value").decimalValue()).isEqualByComparingTo("106");
    assertThat(total.get(0).get("recorded_by").isNull()).isTrue();

    mvc.perform(analyst.bearer(get(base + "/indicators/2/values?from=2016-13")))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "'2016-13' is not a period for 'from': write a month like 2016-10, a quarter"
                        + " like 2016/17 Q2 or a year like 2016/17"));
    mvc.perform(analyst.bearer(get(base + "/indicators/2/values?from=2016-10&to=2016-01")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("'from' must not be after 'to'"));
  }

  @Test
  void listsEveryProblemWithItsRowAndRecordsNothing() throws Exception {
    MvcResult refused =
        putValues(
                analyst,
                "2",
                "[{\"period\": \"2016-09\", \"value\": 12},"
                    + " {\"period\": \"2016-13\", \"value\": 5},"
                    + " {\"period\": \"2016-10\", \"value\": \"abc\"},"
                    + " {\"period\": 5, \"value\": 1},"
                    + " 7,"
                    + " {\"period\": \"2016-11\", \"value\": -1, \"comment\": \"late\"},"
                    + " {\"period\": \"2016-09\", \"value\": 12}]")
            .andExpect(status().isUnprocessableContent())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/problem")))
            .andExpect(
                jsonPath("$.detail")
                    .value("There are 7 problems in the request: nothing was changed"))
            .andReturn();
    JsonNode errors = ApiCallers.json(refused).get("errors");
    List<String> found = new ArrayList<>();
    errors.forEach(
        e ->
            found.add(
                e.get("row").asInt()
                    + " "
                    + (e.has("field") ? e.get("field").asString() : "-")
                    + " "
                    + e.get("value").asString()));
    assertThat(found)
        .containsExactly(
            "2 period 2016-13",
            "3 value abc",
            "4 period 5",
            "5 - 7",
            "6 comment late",
            "6 value -1",
            "7 period 2016-09");
    assertThat(errors.get(0).get("reason").asString()).contains("2016-13").contains("period");
    assertThat(errors.get(1).get("reason").asString())
        .isEqualTo("The value must be a JSON number, like 12 or 12.5 (not in quotes), or null");
    assertThat(errors.get(2).get("reason").asString()).startsWith("The period must be text");
    assertThat(errors.get(3).get("reason").asString()).startsWith("Each value must be an object");
    assertThat(errors.get(5).get("reason").asString()).isEqualTo("A count cannot be negative");
    assertThat(errors.get(6).get("reason").asString())
        .isEqualTo("The value of 2 for 2016-09 is already on row 1");

    // nothing was recorded, not even the first, good, value
    assertThat(getJson(base + "/indicators/2/values").size()).isZero();
  }

  @Test
  void refusesABodyThatIsNotAListOfValues() throws Exception {
    putValues(analyst, "2", "{\"period\": \"2016-10\", \"value\": 1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].reason", startsWith("The body must be a JSON array")));
    putValues(analyst, "2", "[]")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[0].reason")
                .value("The array is empty: give at least one value to record"));
    putValues(
            analyst, "2", "[{\"period\": \"2016-10\"}, {\"period\": \"2016-11\", \"value\": true}]")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[0].row").value(1))
        .andExpect(
            jsonPath("$.errors[0].reason").value("Give a value, or a numerator and a denominator"))
        .andExpect(jsonPath("$.errors[1].row").value(2))
        .andExpect(jsonPath("$.errors[1].value").value("true"));
    // a total takes no values of its own
    putValues(analyst, "12", List.of(Map.of("period", "2016-10", "value", 3)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("indicator"));
    putValues(analyst, "2", "[{\"period\": \"2016-10\", \"value\": 1")
        .andExpect(status().isBadRequest());
  }

  @Test
  void letsOnlyThoseWhoImportValuesOnScreenRecordThem() throws Exception {
    List<Map<String, Object>> one = List.of(Map.of("period", "2016-10", "value", 3));
    for (Role role : List.of(Role.VIEWER, Role.ACTION_LEAD)) {
      Caller reader = callers.caller(partnership, role);
      putValues(reader, "2", one)
          .andExpect(status().isForbidden())
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "Only administrators, strategic leads and analysts record indicator values"));
      mvc.perform(reader.bearer(get(base + "/indicators/2"))).andExpect(status().isOk());
      mvc.perform(reader.bearer(get(base + "/reports/performance"))).andExpect(status().isOk());
    }
    for (Role role : List.of(Role.PARTNERSHIP_ADMIN, Role.STRATEGIC_LEAD)) {
      putValues(callers.caller(partnership, role), "2", one).andExpect(status().isOk());
    }
    mvc.perform(
            put(base + "/indicators/2/values")
                .contentType(MediaType.APPLICATION_JSON)
                .content("[]"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void recordsTenYearsOfMonthlyValuesInOneRequest() throws Exception {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      values.add(50 + i % 7);
    }
    List<Map<String, Object>> body = monthly(YearMonth.of(2007, 4), values, "");
    long started = System.nanoTime();
    putValues(analyst, "10", body).andExpect(jsonPath("$.recorded").value(120));
    long first = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    putValues(analyst, "10", body).andExpect(jsonPath("$.unchanged").value(120));
    long again = (System.nanoTime() - started) / 1_000_000;
    System.out.println("PUT of 120 values: " + first + " ms; again, unchanged: " + again + " ms");
    assertThat(getJson(base + "/indicators/10/values?size=500").size()).isEqualTo(120);
  }
}
