package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.api.ApiCallers.Caller;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at {@code /api/openapi.json}: a standard validator accepts it, the
 * reference page shows it to people, and real answers of every endpoint match it.
 */
@CcrHubTest
class ApiDescriptionIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiCallers callers;
  @Autowired PlanImport planImport;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired IndicatorImport indicatorImport;

  private String descriptionJson() throws Exception {
    return mvc.perform(get("/api/openapi.json"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theDescriptionIsAValidOpenApi31DocumentAnyoneMayRead() throws Exception {
    String json = descriptionJson();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
    assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("CCR Hub API");

    JsonNode description = new ApiContract(json).description();
    assertThat(description.at("/components/securitySchemes/token/scheme").asString())
        .isEqualTo("bearer");
    assertThat(description.at("/servers/0/url").asString()).isEqualTo("/");
    JsonNode me = description.at("/paths/~1api~1v1~1me/get");
    assertThat(me.path("security").isMissingNode()).as("me needs the token").isTrue();
    assertThat(me.at("/responses/401/content/application~1problem+json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(me.at("/responses/422").isMissingNode()).as("a GET takes no content").isTrue();
  }

  @Test
  void answersMatchTheirDescription() throws Exception {
    ApiContract contract = new ApiContract(descriptionJson());
    Caller caller = callers.caller(Role.VIEWER);
    String slug = caller.partnership().slug();

    contract.check("GET", "/api/v1/me", mvc.perform(caller.bearer(get("/api/v1/me"))).andReturn());
    contract.check("GET", "/api/v1/me", mvc.perform(get("/api/v1/me")).andReturn());
    contract.check(
        "GET",
        "/api/v1/partnerships/{slug}",
        mvc.perform(caller.bearer(get("/api/v1/partnerships/" + slug))).andReturn());
    contract.check(
        "GET",
        "/api/v1/partnerships/{slug}",
        mvc.perform(caller.bearer(get("/api/v1/partnerships/elsewhere"))).andReturn());

    // a field that may be null is described so, by its name in the JSON
    contract.check(
        "GET",
        "/api/v1/partnerships/{slug}/test/maybe",
        mvc.perform(caller.bearer(get("/api/v1/partnerships/" + slug + "/test/maybe")))
            .andReturn());
    JsonNode maybe = contract.description().at("/components/schemas/Maybe/properties");
    assertThat(maybe.at("/comment/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(maybe.at("/change_pct/type").toString()).contains("number", "null");
    assertThat(maybe.at("/name/type").toString()).isEqualTo("\"string\"");

    // the check can fail: a field of the wrong type, a missing one, one the description lacks
    String me = "{\"name\":\"A\",\"email\":\"a@b\",\"partnership\":\"p\",\"roles\":[],";
    assertThat(
            contract.errors("GET", "/api/v1/me", 200, "application/json", me + "\"token\":\"t\"}"))
        .isEmpty();
    assertThat(contract.errors("GET", "/api/v1/me", 200, "application/json", me + "\"token\":7}"))
        .isNotEmpty();
    assertThat(contract.errors("GET", "/api/v1/me", 200, "application/json", me + "\"x\":\"t\"}"))
        .isNotEmpty();
  }

  /**
   * Every endpoint of the description is called, with real data (a published plan imported as a
   * partnership imports one, indicators with two years of values sent through the API), and its
   * answers, successes and refusals, are checked against what the description says.
   */
  @Test
  void everyEndpointAnswersAsItsDescriptionSays() throws Exception {
    ApiContract contract = new ApiContract(descriptionJson());
    Caller admin = callers.caller(Role.PARTNERSHIP_ADMIN);
    Caller viewer = callers.caller(admin.partnership(), Role.VIEWER);
    Partnership p = admin.partnership();
    planImport.run(
        p,
        new PlanImportRequest(
            "VAWG delivery plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    DeliveryPlan plan = plans.named(p, "VAWG delivery plan");
    plans.publish(p, plan.id(), true);
    periods.open(p, plan, ReportingPeriod.parse("2016/17 Q2"), Optional.empty(), Optional.empty());
    indicatorImport.importDefinitions(p, DEFINITIONS_CSV.getBytes(StandardCharsets.UTF_8));

    String own = "/api/v1/partnerships/{slug}";
    String open = "/api/v1/public/{slug}";
    String base = "/api/v1/partnerships/" + p.slug();
    String pub = "/api/v1/public/" + p.slug();
    String period = "2016/17 Q2";

    StringBuilder values = new StringBuilder("[");
    for (int m = 0; m < 24; m++) {
      YearMonth month = YearMonth.of(2014, 11).plusMonths(m);
      values.append(m == 0 ? "" : ",");
      values.append("{\"period\":\"").append(month).append("\",\"value\":").append(80 + m);
      values.append(",\"numerator\":null,\"denominator\":null,\"area\":null}");
    }
    values.append("]");
    check(
        contract,
        "PUT",
        own + "/indicators/{ref}/values",
        admin
            .bearer(put(base + "/indicators/2/values"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(values.toString()),
        200);
    check(
        contract,
        "PUT",
        own + "/indicators/{ref}/values",
        admin
            .bearer(put(base + "/indicators/2/values"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("[{\"period\":\"2016-13\",\"value\":\"many\"}]"),
        422);
    check(
        contract,
        "PUT",
        own + "/indicators/{ref}/values",
        viewer
            .bearer(put(base + "/indicators/2/values"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(values.toString()),
        403);
    check(
        contract,
        "POST",
        own + "/plans/{planId}/actions/{ref}/progress",
        admin
            .bearer(post(base + "/plans/" + plan.id() + "/actions/2.2/progress"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"period\":\"2016/17 Q2\",\"rating\":\"Green\",\"comment\":\"On track\"}"),
        201);
    // 1.1 has an update in the period already, which the body does not say it replaces
    check(
        contract,
        "POST",
        own + "/plans/{planId}/actions/{ref}/progress",
        admin
            .bearer(post(base + "/plans/" + plan.id() + "/actions/1.1/progress"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"period\":\"2016/17 Q2\",\"rating\":\"Green\",\"comment\":\"On track\"}"),
        409);
    check(
        contract,
        "POST",
        own + "/plans/{planId}/actions/{ref}/progress",
        admin
            .bearer(post(base + "/plans/" + plan.id() + "/actions/1.2/progress"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"period\":\"2016/17 Q2\",\"rating\":\"Red\",\"comment\":\"\"}"),
        422);
    check(
        contract,
        "POST",
        own + "/plans/{planId}/actions/{ref}/progress",
        viewer
            .bearer(post(base + "/plans/" + plan.id() + "/actions/1.2/progress"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"period\":\"2016/17 Q2\",\"rating\":\"Green\",\"comment\":\"\"}"),
        403);

    check(contract, "GET", "/api/v1/me", admin.bearer(get("/api/v1/me")), 200);
    check(contract, "GET", "/api/v1/me", get("/api/v1/me"), 401);
    check(contract, "GET", own, admin.bearer(get(base)), 200);
    check(contract, "GET", own, admin.bearer(get("/api/v1/partnerships/elsewhere")), 404);
    check(contract, "GET", own + "/plans", admin.bearer(get(base + "/plans")), 200);
    check(
        contract,
        "GET",
        own + "/plans/{planId}",
        admin.bearer(get(base + "/plans/" + plan.id())),
        200);
    check(
        contract,
        "GET",
        own + "/plans/{planId}",
        admin.bearer(get(base + "/plans/999999999")),
        404);
    check(
        contract,
        "GET",
        own + "/plans/{planId}/actions",
        admin.bearer(get(base + "/plans/" + plan.id() + "/actions").param("period", period)),
        200);
    check(
        contract,
        "GET",
        own + "/plans/{planId}/actions",
        admin.bearer(get(base + "/plans/" + plan.id() + "/actions").param("period", "2016/17 Q9")),
        400);
    check(
        contract,
        "GET",
        own + "/reports/exceptions",
        admin.bearer(
            get(base + "/reports/exceptions")
                .param("plan", String.valueOf(plan.id()))
                .param("period", period)),
        200);
    check(contract, "GET", own + "/indicators", admin.bearer(get(base + "/indicators")), 200);
    check(
        contract, "GET", own + "/indicators/{ref}", admin.bearer(get(base + "/indicators/2")), 200);
    check(
        contract,
        "GET",
        own + "/indicators/{ref}",
        admin.bearer(get(base + "/indicators/no-such")),
        404);
    check(
        contract,
        "GET",
        own + "/indicators/{ref}/values",
        admin.bearer(get(base + "/indicators/2/values")),
        200);
    check(
        contract,
        "GET",
        own + "/reports/performance",
        admin.bearer(get(base + "/reports/performance").param("to", "2016-10")),
        200);
    check(
        contract,
        "GET",
        own + "/reports/performance",
        admin.bearer(get(base + "/reports/performance").param("to", "October")),
        400);
    check(contract, "GET", open + "/plans", get(pub + "/plans"), 200);
    check(contract, "GET", open + "/plans/{planId}", get(pub + "/plans/" + plan.id()), 200);
    check(contract, "GET", open + "/plans", get("/api/v1/public/no-such-partnership/plans"), 404);
    check(contract, "GET", open + "/indicators", get(pub + "/indicators"), 200);
    check(contract, "GET", open + "/reports/performance", get(pub + "/reports/performance"), 200);

    List<String> all =
        contract.operations().stream().filter(operation -> !operation.contains("/test/")).toList();
    assertThat(contract.checked()).containsExactlyInAnyOrderElementsOf(all);
  }

  private void check(
      ApiContract contract,
      String method,
      String template,
      MockHttpServletRequestBuilder request,
      int status)
      throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus())
        .as("%s %s: %s", method, template, result.getResponse().getContentAsString())
        .isEqualTo(status);
    contract.check(method, template, result);
  }

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Prevention,1.1 Awareness,1.1,Run a campaign in schools,Q1,Community Safety Team,Green,Ran in June
      ,,1.2,Train GP practices in IRIS,Q4,Health,Amber/Red,"Funding gap, bid in"
      2 Support,,2.1,Commission refuge spaces,Business as usual,Commissioning Group,Red,Provider left
      ,,2.2,Publish a directory of services,Q3,Council,,
      """;

  static final String DEFINITIONS_CSV =
      """
      Reference,Indicator,Unit,Polarity,Frequency,Source,Baseline period,Baseline value,Target period,Target change %,Published
      2,Domestic abuse incidents,count,lower,monthly,Police,2014/15,1300,2016/17,-10%,yes
      3,Repeat victims,%,lower,monthly,MARAC,,,,,no
      """;

  @Test
  void theReferencePageShowsEveryEndpointToAnyone() throws Exception {
    ApiContract contract = new ApiContract(descriptionJson());
    String page =
        mvc.perform(get("/api-reference"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("CCR Hub API v1", "/api/openapi.json", "Shapes of the data");
    for (String operation : contract.operations()) {
      String path = operation.substring(operation.indexOf(' ') + 1);
      if (!path.contains("/test/")) {
        assertThat(page).as("the page shows %s", operation).contains(path);
      }
    }
    String footer =
        mvc.perform(get("/accessibility")).andReturn().getResponse().getContentAsString();
    assertThat(footer).contains("href=\"/api-reference\"");
  }
}
