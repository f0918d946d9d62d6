package org.ccrhub.indicators.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published indicators and performance table for anyone, without a token: only what the public
 * performance page shows, small numbers always suppressed.
 */
@CcrHubTest
class PublicIndicatorsApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiCallers callers;
  @Autowired IndicatorImport imports;
  @Autowired PerformanceReports reports;
  @Autowired Fixtures fixtures;

  Partnership partnership;
  String base;

  /** 2 and 9 are published, with two years of values to October 2016; 10 is not. */
  @BeforeEach
  void publishedIndicatorsWithValues() throws Exception {
    Caller analyst = callers.caller(Role.ANALYST);
    partnership = analyst.partnership();
    base = "/api/v1/public/" + partnership.slug();
    imports.importDefinitions(
        partnership,
        IndicatorsApiIntegrationTests.DEFINITIONS_CSV.getBytes(StandardCharsets.UTF_8));
    List<Integer> small = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      small.add(i < 12 ? 2 : i >= 21 ? 1 : 0);
    }
    JsonMapper json = JsonMapper.builder().build();
    for (var values :
        Map.of(
                "2", IndicatorsApiIntegrationTests.twoYears(100, 90),
                "9", small,
                "10", IndicatorsApiIntegrationTests.twoYears(40, 30))
            .entrySet()) {
      mvc.perform(
              analyst
                  .bearer(
                      put(
                          "/api/v1/partnerships/"
                              + partnership.slug()
                              + "/indicators/"
                              + values.getKey()
                              + "/values"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      json.writeValueAsString(
                          IndicatorsApiIntegrationTests.monthly(
                              YearMonth.of(2014, 11), values.getValue(), ""))))
          .andExpect(status().isOk());
    }
  }

  @Test
  void listsOnlyThePublishedIndicatorsAndWhatThePublicPageSays() throws Exception {
    JsonNode list =
        ApiCallers.json(
            mvc.perform(get(base + "/indicators"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "2"))
                .andReturn());
    assertThat(list.findValuesAsString("ref")).containsExactly("2", "9");
    assertThat(list.get(0).propertyNames())
        .containsExactlyInAnyOrder("ref", "name", "unit", "polarity", "frequency");
    assertThat(list.get(1).get("name").asString()).isEqualTo("Arson attacks");
  }

  @Test
  void answersThePublishedTableSuppressedAsThePublicPageIs() throws Exception {
    JsonNode report =
        ApiCallers.json(
            mvc.perform(get(base + "/reports/performance")).andExpect(status().isOk()).andReturn());
    assertThat(report.get("month").asString()).isEqualTo("2016-10");
    assertThat(report.get("suppression_threshold").asInt()).isEqualTo(5);
    assertThat(report.get("rows").findValuesAsString("ref")).containsExactly("2", "9");
    assertThat(report.get("missing").size()).isZero();
    JsonNode nine = report.get("rows").get(1);
    assertThat(nine.get("previous_12_months").asInt()).isEqualTo(24);
    assertThat(nine.get("current_12_months").isNull()).isTrue();
    assertThat(nine.get("suppressed").toString())
        .isEqualTo("[\"current_12_months\",\"change_pct\"]");
    JsonNode two = report.get("rows").get(0);
    assertThat(two.get("current_12_months").asInt()).isEqualTo(1146);

    // the same as the published table's CSV, row by row
    String csv =
        new String(
            reports.render(
                partnership,
                reports.publishedTable(partnership, YearMonth.of(2016, 10)),
                ReportFormat.CSV),
            StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).isEqualTo("9,Arson attacks,24,<5,[c],,,,,,");

    // only the page's month: neither a later one nor an earlier one
    mvc.perform(get(base + "/reports/performance?to=2016-10")).andExpect(status().isOk());
    for (String other : new String[] {"2016-09", "2016-11"}) {
      mvc.perform(get(base + "/reports/performance?to=" + other))
          .andExpect(status().isBadRequest())
          .andExpect(
              jsonPath("$.detail")
                  .value(
                      "Figures are published for October 2016 only: leave out 'to', or give"
                          + " 2016-10"));
    }
    mvc.perform(get(base + "/reports/performance?to=next")).andExpect(status().isBadRequest());
  }

  @Test
  void findsNoPartnershipThatDoesNotExistOrPublishesNothing() throws Exception {
    mvc.perform(get("/api/v1/public/no-such-partnership/indicators"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/public/no-such-partnership/reports/performance"))
        .andExpect(status().isNotFound());
    Partnership quiet = fixtures.partnership();
    imports.importDefinitions(
        quiet,
        "Reference,Indicator,Published\nQ1,Not for the public,no\n"
            .getBytes(StandardCharsets.UTF_8));
    mvc.perform(get("/api/v1/public/" + quiet.slug() + "/indicators"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/public/" + quiet.slug() + "/reports/performance"))
        .andExpect(status().isNotFound());
  }

  @Test
  void opensThePublishedFiguresToOtherWebsites() throws Exception {
    mvc.perform(
            get(base + "/reports/performance")
                .header(HttpHeaders.ORIGIN, "https://council.example"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
  }
}
