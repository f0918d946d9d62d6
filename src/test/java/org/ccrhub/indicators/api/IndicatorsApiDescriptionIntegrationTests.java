package org.ccrhub.indicators.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.api.ApiCallers;
import org.ccrhub.api.ApiCallers.Caller;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description of the indicators' endpoints says what they answer: the snake_case
 * property names of the real answers, their tags, and the body a PUT of values takes.
 */
@CcrHubTest
class IndicatorsApiDescriptionIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiCallers callers;
  @Autowired IndicatorImport imports;

  private JsonNode description() throws Exception {
    return ApiCallers.json(
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk()).andReturn());
  }

  private static List<String> properties(JsonNode description, String schema) {
    JsonNode found = description.get("components").get("schemas").get(schema);
    assertThat(found).as(schema).isNotNull();
    return new ArrayList<>(found.get("properties").propertyNames());
  }

  @Test
  void describesEachEndpointWithItsTag() throws Exception {
    JsonNode paths = description().get("paths");
    String own = "/api/v1/partnerships/{slug}";
    String open = "/api/v1/public/{slug}";
    assertThat(tag(paths, own + "/indicators", "get")).isEqualTo("Indicators");
    assertThat(tag(paths, own + "/indicators/{ref}", "get")).isEqualTo("Indicators");
    assertThat(tag(paths, own + "/indicators/{ref}/values", "get")).isEqualTo("Indicators");
    assertThat(tag(paths, own + "/indicators/{ref}/values", "put")).isEqualTo("Indicators");
    assertThat(tag(paths, own + "/reports/performance", "get")).isEqualTo("Reports");
    assertThat(tag(paths, open + "/indicators", "get")).isEqualTo("Indicators");
    assertThat(tag(paths, open + "/reports/performance", "get")).isEqualTo("Reports");
    JsonNode body =
        paths
            .get(own + "/indicators/{ref}/values")
            .get("put")
            .get("requestBody")
            .get("content")
            .get("application/json")
            .get("schema");
    assertThat(body.get("type").asString()).isEqualTo("array");
    assertThat(body.get("items").get("$ref").asString()).endsWith("/ValueInput");
    for (JsonNode parameter :
        paths.get(own + "/reports/performance").get("get").get("parameters")) {
      assertThat(parameter.get("name").asString()).isIn("slug", "to", "comparator");
    }
  }

  private static String tag(JsonNode paths, String path, String method) {
    JsonNode operation = paths.get(path).get(method);
    assertThat(operation.get("summary").asString()).isNotBlank();
    return operation.get("tags").get(0).asString();
  }

  @Test
  void namesThePropertiesAsTheAnswersDo() throws Exception {
    JsonNode description = description();
    assertThat(properties(description, "PerformanceRow"))
        .containsExactlyInAnyOrder(
            "ref",
            "name",
            "previous_12_months",
            "current_12_months",
            "change_pct",
            "change_points",
            "baseline",
            "change_vs_baseline_pct",
            "comparator_change_pct",
            "target",
            "rating",
            "suppressed");
    assertThat(properties(description, "PerformanceReport"))
        .containsExactlyInAnyOrder(
            "month", "comparator", "suppression_threshold", "rows", "missing");
    assertThat(properties(description, "MissingFigure")).contains("latest_period");
    assertThat(properties(description, "ValueInput"))
        .containsExactlyInAnyOrder("period", "value", "numerator", "denominator", "area");
    assertThat(properties(description, "ValuesRecorded"))
        .containsExactlyInAnyOrder("rows", "recorded", "unchanged", "summary", "warnings");

    // the real answers have exactly the properties described
    Caller analyst = callers.caller(Role.ANALYST);
    String base = "/api/v1/partnerships/" + analyst.partnership().slug();
    imports.importDefinitions(
        analyst.partnership(),
        IndicatorsApiIntegrationTests.DEFINITIONS_CSV.getBytes(StandardCharsets.UTF_8));
    JsonNode recorded =
        ApiCallers.json(
            mvc.perform(
                    analyst
                        .bearer(put(base + "/indicators/2/values"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"period\": \"2016-10\", \"value\": 7}]"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(recorded.propertyNames())
        .containsExactlyInAnyOrderElementsOf(properties(description, "ValuesRecorded"));
    JsonNode definition = answer(analyst, base + "/indicators/2");
    assertThat(definition.propertyNames())
        .containsExactlyInAnyOrderElementsOf(properties(description, "IndicatorDefinition"))
        .contains("baseline_period", "sum_of", "tolerance_pct", "target_change_pct");
    JsonNode value = answer(analyst, base + "/indicators/2/values").get(0);
    assertThat(value.propertyNames())
        .containsExactlyInAnyOrderElementsOf(properties(description, "IndicatorValue"))
        .contains("recorded_at", "recorded_by");
    JsonNode report = answer(analyst, base + "/reports/performance?to=2016-10");
    assertThat(report.propertyNames())
        .containsExactlyInAnyOrderElementsOf(properties(description, "PerformanceReport"));
    assertThat(report.get("rows").get(0).propertyNames())
        .containsExactlyInAnyOrderElementsOf(properties(description, "PerformanceRow"));
  }

  private JsonNode answer(Caller caller, String path) throws Exception {
    return ApiCallers.json(
        mvc.perform(
                caller.bearer(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)))
            .andExpect(status().isOk())
            .andReturn());
  }
}
