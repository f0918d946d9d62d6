package org.ccrhub.plans.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccrhub.api.ApiCallers.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.api.ApiCallers;
import org.ccrhub.api.ApiCallers.Caller;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.ExceptionReportDocuments;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.Tables;
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

/**
 * The plans endpoints as a script uses them, with real tokens on a plan imported as a partnership
 * imports one: the values the plan's pages show, ref order, pages of actions, progress sent by
 * whoever may and refused for whoever may not, the exception report's CSV rows, and the published
 * plans.
 */
@CcrHubTest
class PlanApiIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Prevention,1.1 Awareness,1.1,Run a campaign in schools,Q1,Community Safety Team,Green,Campaign ran in June
      ,,1.10,Train pharmacists,30/06/2016,Health; Council,,
      ,,1.2,Train GP practices in IRIS,Q4,Health,Amber/Red,"Funding gap, bid in"
      2 Support,,2.1,Commission refuge spaces,Business as usual,Commissioning Group,Red,Provider withdrew
      ,,2.2,Publish a directory of services,Q3,Council,,
      """;

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");
  static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");
  static final String PROBLEM = "application/problem+json";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired ApiCallers callers;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ReportingPeriods periods;
  @Autowired ExceptionReportDocuments documents;
  @Autowired JdbcClient jdbc;

  Caller admin;
  Partnership partnership;
  DeliveryPlan plan;
  String base;

  @BeforeEach
  void aPartnershipWithAnImportedPlanOpenInQ2AndQ3() {
    admin = callers.caller(Role.PARTNERSHIP_ADMIN);
    partnership = admin.partnership();
    plan = importPlan("VAWG delivery plan", PLAN_CSV);
    periods.open(partnership, plan, Q2, Optional.empty(), Optional.empty());
    periods.open(partnership, plan, Q3, Optional.empty(), Optional.empty());
    base = "/api/v1/partnerships/" + partnership.slug();
  }

  @Test
  void listsThePlansByNameAPageAtATime() throws Exception {
    importPlan("Anti-social behaviour plan", "Outcome,Ref,Action\n1 Safer streets,A1,Patrol\n");
    importPlan("Youth plan", "Outcome,Ref,Action\n1 Diversion,Y1,Run clubs\n");
    plans.publish(partnership, plan.id(), true);

    MvcResult first =
        mvc.perform(admin.bearer(get(base + "/plans").param("size", "2")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Total-Count", "3"))
            .andExpect(jsonPath("$.length()").value(2))
            .andExpect(jsonPath("$[0].name").value("Anti-social behaviour plan"))
            .andExpect(jsonPath("$[0].published").value(false))
            .andExpect(jsonPath("$[0].published_at").isEmpty())
            .andExpect(jsonPath("$[1].name").value("VAWG delivery plan"))
            .andExpect(jsonPath("$[1].id").value(plan.id()))
            .andExpect(jsonPath("$[1].years").value("2016/17"))
            .andExpect(jsonPath("$[1].first_year").value("2016/17"))
            .andExpect(jsonPath("$[1].published").value(true))
            .andReturn();
    assertThat(json(first).get(0).has("published_at")).isTrue();
    assertThat(json(first).get(1).get("published_at").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(first.getResponse().getHeader(HttpHeaders.LINK))
        .contains(
            "<"
                + base
                + "/plans?size=2&page=2>; rel=\"next\"".replace("?size=2&page=2", "?page=2&size=2"))
        .contains("rel=\"last\"");
    mvc.perform(admin.bearer(get(base + "/plans").param("page", "2").param("size", "2")))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].name").value("Youth plan"));
  }

  @Test
  void showsAPlanWithItsOutcomesAreasAndActionsInRefOrder() throws Exception {
    Caller viewer = callers.caller(partnership, Role.VIEWER);
    MvcResult result =
        mvc.perform(viewer.bearer(get(base + "/plans/" + plan.id()).param("period", "2016/17 Q2")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Reporting-Period", "2016/17 Q2"))
            .andExpect(jsonPath("$.name").value("VAWG delivery plan"))
            .andExpect(jsonPath("$.period").value("2016/17 Q2"))
            .andExpect(jsonPath("$.outcomes[0].label").value("1 Prevention"))
            .andExpect(jsonPath("$.outcomes[1].ref").value("2"))
            .andExpect(jsonPath("$.outcomes[1].title").value("Support"))
            .andExpect(jsonPath("$.areas[0].label").value("1.1 Awareness"))
            .andReturn();
    JsonNode body = json(result);
    assertThat(refs(body.get("actions"))).containsExactly("1.1", "1.2", "1.10", "2.1", "2.2");
    JsonNode tenth = body.get("actions").get(2);
    assertThat(tenth.get("text").asString()).isEqualTo("Train pharmacists");
    assertThat(tenth.get("leads").get(0).asString()).isEqualTo("Health");
    assertThat(tenth.get("leads").get(1).asString()).isEqualTo("Council");
    assertThat(tenth.get("due").asString()).isEqualTo("30/06/2016");
    assertThat(tenth.get("deadline").asString()).isEqualTo("2016-06-30");
    assertThat(tenth.get("overdue").asBoolean()).isTrue();
    assertThat(tenth.get("rating").isNull()).isTrue();
    assertThat(tenth.get("outcome_id").asLong())
        .isEqualTo(body.get("outcomes").get(0).get("id").asLong());
    JsonNode second = body.get("actions").get(1);
    assertThat(second.get("rating").asString()).isEqualTo("AMBER_RED");
    assertThat(second.get("rating_label").asString()).isEqualTo("Amber/Red");
    assertThat(second.get("deadline").asString()).isEqualTo("2017-03-31");
    assertThat(second.get("overdue").asBoolean()).isFalse();
    assertThat(body.get("actions").get(3).get("due").asString()).isEqualTo("Business as usual");
    assertThat(body.get("actions").get(3).get("deadline").isNull()).isTrue();
  }

  @Test
  void listsTheActionsWithTheirRatingAndCommentInAPeriodAPageAtATime() throws Exception {
    String actions = base + "/plans/" + plan.id() + "/actions";
    MvcResult second =
        mvc.perform(admin.bearer(get(actions + "?period={p}&page=2&size=2", "2016/17 Q2")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Total-Count", "5"))
            .andExpect(header().string("X-Reporting-Period", "2016/17 Q2"))
            .andReturn();
    JsonNode page = json(second);
    assertThat(refs(page)).containsExactly("1.10", "2.1");
    assertThat(page.get(0).get("rating").isNull()).isTrue();
    assertThat(page.get(0).has("comment")).isTrue();
    assertThat(page.get(0).get("comment").isNull()).isTrue();
    assertThat(page.get(0).get("update_id").isNull()).isTrue();
    assertThat(page.get(1).get("rating").asString()).isEqualTo("RED");
    assertThat(page.get(1).get("rating_label").asString()).isEqualTo("Red");
    assertThat(page.get(1).get("comment").asString()).isEqualTo("Provider withdrew");
    assertThat(page.get(1).get("period").asString()).isEqualTo("2016/17 Q2");
    assertThat(page.get(1).get("recorded_at").asString()).endsWith("Z");
    String link = second.getResponse().getHeader(HttpHeaders.LINK);
    assertThat(link)
        .contains("<" + actions + "?period=2016/17%20Q2&page=1&size=2>; rel=\"prev\"")
        .contains("<" + actions + "?period=2016/17%20Q2&page=3&size=2>; rel=\"next\"")
        .contains("<" + actions + "?period=2016/17%20Q2&page=3&size=2>; rel=\"last\"");

    MvcResult first =
        mvc.perform(admin.bearer(get(actions).param("period", "2016/17 Q2").param("size", "500")))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(refs(json(first))).containsExactly("1.1", "1.2", "1.10", "2.1", "2.2");
    assertThat(json(first).get(1).get("comment").asString()).isEqualTo("Funding gap, bid in");

    // without a period: the one the plan's overview opens on, the newest period open
    mvc.perform(admin.bearer(get(actions)))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Reporting-Period", "2016/17 Q3"))
        .andExpect(jsonPath("$[0].period").value("2016/17 Q3"))
        .andExpect(jsonPath("$[0].rating").isEmpty());
    // the same period written another way the screens read
    mvc.perform(admin.bearer(get(actions).param("period", "Q2 2016/2017")))
        .andExpect(header().string("X-Reporting-Period", "2016/17 Q2"))
        .andExpect(jsonPath("$[3].rating").value("RED"));
  }

  @Test
  void refusesAMalformedOrUnknownPeriodInPlainWords() throws Exception {
    String actions = base + "/plans/" + plan.id() + "/actions";
    mvc.perform(admin.bearer(get(actions).param("period", "2016/17 Q5")))
        .andExpect(status().isBadRequest())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
        .andExpect(
            jsonPath("$.detail")
                .value("'2016/17 Q5' is not a reporting period: write it like 2016/17 Q2"));
    mvc.perform(admin.bearer(get(actions).param("period", "2016/18 Q1")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("is not a financial year")));
    mvc.perform(admin.bearer(get(actions).param("period", "2030/31 Q1")))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "'2030/31 Q1' is not a period of VAWG delivery plan, which runs 2016/17: give a"
                        + " quarter of its years, like 2016/17 Q2"));
    mvc.perform(admin.bearer(get(base + "/plans/" + plan.id()).param("period", "soon")))
        .andExpect(status().isBadRequest());
    mvc.perform(
            admin.bearer(
                get(base + "/reports/exceptions")
                    .param("plan", String.valueOf(plan.id()))
                    .param("period", "Q9")))
        .andExpect(status().isBadRequest());
    mvc.perform(admin.bearer(get(actions).param("size", "501"))).andExpect(status().isBadRequest());
  }

  @Test
  void answersAnotherPartnershipsPlanAsNotFound() throws Exception {
    Caller stranger = callers.caller(Role.PARTNERSHIP_ADMIN);
    String theirs = "/api/v1/partnerships/" + stranger.partnership().slug();
    for (var request :
        List.of(
            get(theirs + "/plans/" + plan.id()),
            get(theirs + "/plans/" + plan.id() + "/actions"),
            get(base + "/plans"),
            get(base + "/plans/" + plan.id()))) {
      mvc.perform(stranger.bearer(request))
          .andExpect(status().isNotFound())
          .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
    }
    for (var request :
        List.of(
            get(theirs + "/plans/" + plan.id() + "/actions"),
            get(theirs + "/plans/999999999"),
            get(theirs + "/plans/not-a-number"),
            get(theirs + "/reports/exceptions").param("plan", String.valueOf(plan.id())),
            post(theirs + "/plans/" + plan.id() + "/actions/1.2/progress")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\"}"))) {
      mvc.perform(stranger.bearer(request)).andExpect(status().isNotFound());
    }
    mvc.perform(admin.bearer(get(base + "/plans/" + plan.id() + "/actions/9.9/progress")))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(
            admin.bearer(
                post(base + "/plans/" + plan.id() + "/actions/9.9/progress")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\"}")))
        .andExpect(status().isNotFound());
  }

  @Test
  void refusesARequestWithoutATokenWith401() throws Exception {
    mvc.perform(get(base + "/plans"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
    mvc.perform(get(base + "/plans/" + plan.id() + "/actions"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post(base + "/plans/" + plan.id() + "/actions/1.2/progress")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void recordsProgressSentByTheActionsLeadAsTheirsThroughTheToken() throws Exception {
    Caller lead = leadOf("1.2");
    MvcResult recorded =
        progress(
                lead,
                "1.2",
                "{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\", \"comment\": \" Funding found \"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.ref").value("1.2"))
            .andExpect(jsonPath("$.period").value("2016/17 Q3"))
            .andExpect(jsonPath("$.rating").value("GREEN"))
            .andExpect(jsonPath("$.rating_label").value("Green"))
            .andExpect(jsonPath("$.comment").value("Funding found"))
            .andExpect(jsonPath("$.recorded_by").value(lead.member().displayName() + " (API)"))
            .andReturn();
    long updateId = json(recorded).get("update_id").asLong();

    mvc.perform(
            lead.bearer(
                get(base + "/plans/" + plan.id() + "/actions").param("period", "2016/17 Q3")))
        .andExpect(jsonPath("$[1].ref").value("1.2"))
        .andExpect(jsonPath("$[1].rating").value("GREEN"))
        .andExpect(jsonPath("$[1].comment").value("Funding found"))
        .andExpect(jsonPath("$[1].update_id").value(updateId));
    assertThat(plans.updatesIn(plan, Q3).get(progress.action(plan, "1.2").id()).recordedBy())
        .isEqualTo(lead.member().displayName() + " (API)");

    List<String> audited =
        jdbc.sql(
                "select actor || ' | ' || summary from audit_event"
                    + " where object_type = 'ProgressUpdate' and object_id = :id")
            .param("id", String.valueOf(updateId))
            .query(String.class)
            .list();
    assertThat(audited)
        .containsExactly(
            lead.member().email()
                + " (API token 'Test script') | VAWG delivery plan 1.2 2016/17 Q3: Green");

    // a strategic lead updates any action; the rating may be written as the screens write it
    Caller strategic = callers.caller(partnership, Role.STRATEGIC_LEAD);
    progress(
            strategic,
            "2.2",
            "{\"period\": \"2016/17 Q3\", \"rating\": \"Amber/Green\", \"comment\": \"Draft ready\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.rating").value("AMBER_GREEN"));
  }

  @Test
  void refusesProgressFromAnyoneWhoMayNotUpdateTheAction() throws Exception {
    Caller leadOfAnother = leadOf("2.1");
    String green = "{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\", \"comment\": \"\"}";
    progress(leadOfAnother, "1.2", green)
        .andExpect(status().isForbidden())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "Only the people who update action 1.2, strategic leads and administrators"
                        + " may update it"));
    for (Role role : new Role[] {Role.VIEWER, Role.ANALYST}) {
      progress(callers.caller(partnership, role), "1.2", green).andExpect(status().isForbidden());
    }
    // refused before the body is read: no problems listed for someone who may not send it
    progress(callers.caller(partnership, Role.VIEWER), "1.2", "{\"rating\": 5}")
        .andExpect(status().isForbidden());
    assertThat(plans.updatesIn(plan, Q3)).isEmpty();
    progress(leadOfAnother, "2.1", green).andExpect(status().isCreated());
  }

  @Test
  void refusesProgressThatBreaksTheFormsRulesListingEveryProblem() throws Exception {
    MvcResult amber =
        progress(
                admin,
                "2.2",
                "{\"period\": \"2016/17 Q3\", \"rating\": \"AMBER_RED\", \"comment\": \"  \"}")
            .andExpect(status().isUnprocessableContent())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andReturn();
    JsonNode errors = json(amber).get("errors");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.get(0).get("field").asString()).isEqualTo("comment");
    assertThat(errors.get(0).get("reason").asString())
        .isEqualTo("Enter a comment explaining why the action is rated Amber/Red");
    progress(admin, "2.2", "{\"period\": \"2016/17 Q3\", \"rating\": \"RED\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("comment"));

    MvcResult wrongTypes =
        progress(admin, "2.2", "{\"rating\": 5, \"comment\": [\"x\"]}").andReturn();
    assertThat(wrongTypes.getResponse().getStatus()).isEqualTo(422);
    assertThat(fields(json(wrongTypes))).containsExactly("period", "rating", "comment");
    assertThat(json(wrongTypes).get("errors").get(1).get("value").asString()).isEqualTo("5");

    MvcResult badValues =
        progress(
                admin,
                "2.2",
                "{\"period\": \"2016/17 Q9\", \"rating\": \"Purple\", \"comment\": \"x\", \"replaces_update_id\": \"abc\"}")
            .andReturn();
    assertThat(badValues.getResponse().getStatus()).isEqualTo(422);
    assertThat(fields(json(badValues))).containsExactly("period", "rating", "replaces_update_id");
    assertThat(json(badValues).get("errors").get(1).get("reason").asString())
        .contains("is not a RAG rating");

    // a period that is not open, and a rating of the other scheme
    MvcResult notOpen =
        progress(
                admin,
                "2.2",
                "{\"period\": \"2016/17 Q4\", \"rating\": \"Amber\", \"comment\": \"x\"}")
            .andReturn();
    assertThat(notOpen.getResponse().getStatus()).isEqualTo(422);
    assertThat(fields(json(notOpen))).containsExactly("period", "rating");
    assertThat(json(notOpen).get("errors").get(0).get("reason").asString())
        .isEqualTo(
            "The period 2016/17 Q4 is not open for updates: an administrator or strategic lead"
                + " opens reporting periods");

    progress(admin, "2.2", "[1, 2]")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[0].reason")
                .value("Send a JSON object with period, rating and comment"));
    progress(admin, "2.2", "{\"period\": \"2016/17 Q3\"").andExpect(status().isBadRequest());
    assertThat(plans.updatesIn(plan, Q3)).isEmpty();
  }

  @Test
  void refusesACorrectionThatDoesNotNameTheCurrentUpdateAsAConflict() throws Exception {
    long current = plans.updatesIn(plan, Q2).get(progress.action(plan, "1.2").id()).id();
    String correction =
        "{\"period\": \"2016/17 Q2\", \"rating\": \"AMBER_GREEN\", \"comment\": \"Bid won\"";
    progress(admin, "1.2", correction + "}")
        .andExpect(status().isConflict())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
    MvcResult corrected =
        progress(admin, "1.2", correction + ", \"replaces_update_id\": " + current + "}")
            .andExpect(status().isCreated())
            .andReturn();
    // someone else corrected it meanwhile: the id sent is no longer the current one
    progress(admin, "1.2", correction + ", \"replaces_update_id\": " + current + "}")
        .andExpect(status().isConflict());
    mvc.perform(
            admin.bearer(
                get(base + "/plans/" + plan.id() + "/actions").param("period", "2016/17 Q2")))
        .andExpect(jsonPath("$[1].rating").value("AMBER_GREEN"))
        .andExpect(jsonPath("$[1].update_id").value(json(corrected).get("update_id").asLong()));
  }

  @Test
  void answersTheExceptionReportWithTheRowsOfItsCsvFile() throws Exception {
    MvcResult result =
        mvc.perform(
                admin.bearer(
                    get(base + "/reports/exceptions")
                        .param("plan", String.valueOf(plan.id()))
                        .param("period", "2016/17 Q2")
                        .param("size", "500")))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Reporting-Period", "2016/17 Q2"))
            .andReturn();
    JsonNode rows = json(result);

    ExceptionReport report = plans.exceptionReport(partnership, plan, Q2);
    Table csv = Tables.read(documents.render(partnership, report, ReportFormat.CSV));
    assertThat(csv.header()).isEqualTo(ExceptionReport.CSV_COLUMNS);
    assertThat(csv.rows()).hasSize(4);
    assertThat(rows.size()).isEqualTo(csv.rows().size());
    for (int i = 0; i < csv.rows().size(); i++) {
      List<String> json = new ArrayList<>();
      List<String> cells = new ArrayList<>();
      for (int column = 0; column < csv.header().size(); column++) {
        json.add(rows.get(i).get(csv.header().get(column)).asString());
        // the CSV reader leaves out empty cells at the end of a row
        List<String> row = csv.rows().get(i).cells();
        cells.add(column < row.size() ? row.get(column) : "");
      }
      assertThat(json).isEqualTo(cells);
    }
    // Green but overdue (due in Q1), Amber/Red, overdue and not rated, Red
    assertThat(refs(rows)).containsExactly("1.1", "1.2", "1.10", "2.1");
    assertThat(rows.get(0).get("overdue").asString()).isEqualTo("yes");
    assertThat(rows.get(1).get("rating").asString()).isEqualTo("Amber/Red");
    assertThat(rows.get(1).get("comment").asString()).isEqualTo("Funding gap, bid in");
    assertThat(rows.get(2).get("rating").asString()).isEmpty();
    assertThat(rows.get(2).get("lead").asString()).isEqualTo("Health; Council");
    assertThat(rows.get(3).get("previous_rating").asString()).isEmpty();
    assertThat(rows.get(3).get("overdue").asString()).isEqualTo("no");

    mvc.perform(admin.bearer(get(base + "/reports/exceptions")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("Give the parameter 'plan'"));
  }

  @Test
  void showsThePublishedPlansToAnyoneAsTheirPublicPagesDo() throws Exception {
    DeliveryPlan draft = importPlan("Draft plan", "Outcome,Ref,Action\n1 Later,D1,Think\n");
    plans.publish(partnership, plan.id(), true);
    String published = "/api/v1/public/" + partnership.slug() + "/plans";

    mvc.perform(get(published))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Total-Count", "1"))
        .andExpect(jsonPath("$[0].id").value(plan.id()))
        .andExpect(jsonPath("$[0].name").value("VAWG delivery plan"))
        .andExpect(jsonPath("$[0].years").value("2016/17"))
        .andExpect(jsonPath("$[0].action_count").value(5))
        .andExpect(jsonPath("$[0].ratings[0].rating").value("GREEN"))
        .andExpect(jsonPath("$[0].ratings[0].count").value(1));

    MvcResult detail =
        mvc.perform(get(published + "/" + plan.id()))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/json")))
            .andReturn();
    JsonNode body = json(detail);
    assertThat(body.get("outcomes").get(0).get("label").asString()).isEqualTo("1 Prevention");
    assertThat(refs(body.get("outcomes").get(0).get("actions")))
        .containsExactly("1.1", "1.2", "1.10");
    JsonNode second = body.get("outcomes").get(0).get("actions").get(1);
    assertThat(second.get("latest_rating").asString()).isEqualTo("AMBER_RED");
    assertThat(second.get("latest_period").asString()).isEqualTo("2016/17 Q2");
    assertThat(second.get("public_update").isNull()).isTrue();
    assertThat(second.get("leads").get(0).asString()).isEqualTo("Health");
    assertThat(body.get("outcomes").get(0).get("actions").get(2).get("latest_rating").isNull())
        .isTrue();
    assertThat(body.get("key").get(0).get("label").asString()).isEqualTo("Green");
    assertThat(body.get("key").get(0).get("meaning").asString()).isNotBlank();
    assertThat(body.get("last_updated").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
    // never a lead's comment, nor who recorded an update
    assertThat(detail.getResponse().getContentAsString())
        .doesNotContain("Funding gap", "Provider withdrew", "recorded", "comment");

    mvc.perform(get(published + "/" + draft.id())).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/public/no-such-partnership/plans"))
        .andExpect(status().isNotFound())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
    Partnership other = fixtures.partnership();
    mvc.perform(get("/api/v1/public/" + other.slug() + "/plans/" + plan.id()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/public/" + other.slug() + "/plans"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));

    plans.publish(partnership, plan.id(), false);
    mvc.perform(get(published + "/" + plan.id())).andExpect(status().isNotFound());
  }

  @Test
  void describesThePlansEndpointsInTheOpenApiDescription() throws Exception {
    JsonNode description = json(mvc.perform(get("/api/openapi.json")).andReturn());
    JsonNode paths = description.get("paths");
    for (String path :
        List.of(
            "/api/v1/partnerships/{slug}/plans",
            "/api/v1/partnerships/{slug}/plans/{planId}",
            "/api/v1/partnerships/{slug}/plans/{planId}/actions",
            "/api/v1/partnerships/{slug}/plans/{planId}/actions/{ref}/progress",
            "/api/v1/partnerships/{slug}/reports/exceptions",
            "/api/v1/public/{slug}/plans",
            "/api/v1/public/{slug}/plans/{planId}")) {
      assertThat(paths.has(path)).as(path).isTrue();
    }
    JsonNode actions = paths.get("/api/v1/partnerships/{slug}/plans/{planId}/actions").get("get");
    assertThat(actions.get("tags").get(0).asString()).isEqualTo("Plans");
    assertThat(actions.get("summary").asString()).contains("ref order");
    assertThat(parameterNames(actions)).contains("slug", "planId", "period", "page", "size");

    JsonNode schemas = description.get("components").get("schemas");
    JsonNode item = schemas.get("ActionProgressItem").get("properties");
    assertThat(item.propertyNames())
        .contains("ref", "rating", "rating_label", "comment", "update_id", "recorded_at", "period")
        .doesNotContain("ratingLabel", "updateId");
    assertThat(item.get("recorded_at").toString()).contains("date-time");
    assertThat(item.get("overdue").toString()).contains("boolean");
    assertThat(schemas.get("ExceptionRow").get("properties").propertyNames())
        .containsExactlyInAnyOrderElementsOf(ExceptionReport.CSV_COLUMNS);
    assertThat(schemas.get("ProgressRequest").get("properties").propertyNames())
        .contains("period", "rating", "comment", "replaces_update_id");
    assertThat(schemas.get("PlanDetail").get("properties").get("actions").toString())
        .contains("ActionItem");
    assertThat(schemas.get("ActionItem").get("properties").get("deadline").toString())
        .contains("date");
    assertThat(schemas.get("PublicAction").get("properties").propertyNames())
        .contains("public_update", "latest_rating")
        .doesNotContain("comment");
    JsonNode progress =
        paths.get("/api/v1/partnerships/{slug}/plans/{planId}/actions/{ref}/progress").get("post");
    assertThat(progress.get("requestBody").toString()).contains("ProgressRequest");
    assertThat(progress.get("responses").has("201")).isTrue();
  }

  private ResultActions progress(Caller caller, String ref, String body) throws Exception {
    return mvc.perform(
        caller.bearer(
            post(base + "/plans/" + plan.id() + "/actions/" + ref + "/progress")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)));
  }

  /** An action lead who updates this action, with a token. */
  private Caller leadOf(String ref) {
    Caller lead = callers.caller(partnership, Role.ACTION_LEAD);
    progress.assignUpdaters(
        partnership, plan, progress.action(plan, ref), Set.of(lead.member().accountId()));
    return lead;
  }

  private DeliveryPlan importPlan(String name, String csv) {
    imports.run(
        partnership,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            csv.getBytes(StandardCharsets.UTF_8)));
    return plans.named(partnership, name);
  }

  private static List<String> refs(JsonNode actions) {
    List<String> refs = new ArrayList<>();
    actions.forEach(a -> refs.add(a.get("ref").asString()));
    return refs;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  private static List<String> parameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    operation.get("parameters").forEach(p -> names.add(p.get("name").asString()));
    return names;
  }
}
