package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The API attacked from outside: another partnership's token, weaker roles and dead tokens, hostile
 * bodies, parameters and paths, oversized bodies over a real socket, other websites, and the trail
 * a token leaves. Every refusal must be a 4xx problem that changes nothing and says nothing of the
 * other partnership or of the code.
 */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class ApiAttackIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Prevention,1.1 Awareness,1.1,Run a campaign in schools,Q1,Community Safety Team,Green,Campaign ran in June
      ,,1.2,Train GP practices in IRIS,Q4,Health,Amber/Red,"Funding gap, bid in"
      """;

  /** 2 a published count, 3 an unpublished percentage, 4 an amount with decimals. */
  static final String DEFINITIONS_CSV =
      """
      Reference,Indicator,Unit,Polarity,Frequency,Source,Owner,Published
      2,Domestic abuse incidents,count,lower,monthly,Police,Community safety,yes
      3,Repeat victims,%,lower,monthly,MARAC,,no
      4,Spend on refuges,£,higher,monthly,Council,,no
      """;

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");
  static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");
  static final String PROBLEM = "application/problem+json";
  static final String JSON = MediaType.APPLICATION_JSON_VALUE;

  @Autowired MockMvc mvc;
  @Autowired ApiCallers callers;
  @Autowired ApiTokens tokens;
  @Autowired PlanImport planImports;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired IndicatorImport indicatorImports;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  Caller ours;
  Caller theirs;
  DeliveryPlan ourPlan;
  DeliveryPlan theirPlan;
  String base;
  String theirBase;

  /** Two partnerships, each with an administrator's token, a plan open in Q3 and indicators. */
  @BeforeEach
  void twoPartnershipsEachWithAPlanAndIndicators() throws Exception {
    ours = callers.caller(Role.PARTNERSHIP_ADMIN);
    theirs = callers.caller(Role.PARTNERSHIP_ADMIN);
    ourPlan = importPlan(ours.partnership(), "Our plan");
    theirPlan = importPlan(theirs.partnership(), "Their secret plan");
    for (Partnership p : List.of(ours.partnership(), theirs.partnership())) {
      indicatorImports.importDefinitions(p, DEFINITIONS_CSV.getBytes(StandardCharsets.UTF_8));
    }
    base = "/api/v1/partnerships/" + ours.partnership().slug();
    theirBase = "/api/v1/partnerships/" + theirs.partnership().slug();
    mvc.perform(
            theirs
                .bearer(put(theirBase + "/indicators/3/values"))
                .contentType(JSON)
                .content("[{\"period\": \"2016-10\", \"value\": 3, \"area\": \"Theirtown\"}]"))
        .andExpect(status().isOk());
  }

  private DeliveryPlan importPlan(Partnership partnership, String name) {
    planImports.run(
        partnership,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    DeliveryPlan plan = plans.named(partnership, name);
    periods.open(partnership, plan, Q3, Optional.empty(), Optional.empty());
    return plan;
  }

  /** The request refused with this status as a problem, saying nothing of the code; its body. */
  private String refused(MockHttpServletRequestBuilder request, int status) throws Exception {
    MvcResult result =
        mvc.perform(request)
            .andExpect(status().is(status))
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
            .andReturn();
    String body = result.getResponse().getContentAsString();
    assertThat(ApiCallers.json(result).get("status").asInt()).isEqualTo(status);
    assertThat(body)
        .doesNotContain(
            "Exception", "tools.jackson", "org.ccrhub", "org.spring", "java.", "SQL", "\tat ")
        .doesNotContain("Their secret plan", "Theirtown", theirs.member().email());
    return body;
  }

  /** Every value and update of both partnerships, to see that a refusal changed nothing. */
  private List<Map<String, Object>> everythingRecorded() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.addAll(jdbc.sql("select * from indicator_value order by id").query().listOfRows());
    rows.addAll(jdbc.sql("select * from progress_update order by id").query().listOfRows());
    return rows;
  }

  private MockHttpServletRequestBuilder putValues(Caller caller, String ref, String body) {
    return caller
        .bearer(put(base(caller) + "/indicators/" + ref + "/values"))
        .contentType(JSON)
        .content(body);
  }

  private MockHttpServletRequestBuilder progress(Caller caller, String ref, String body) {
    DeliveryPlan plan = caller == theirs ? theirPlan : ourPlan;
    return caller
        .bearer(post(base(caller) + "/plans/" + plan.id() + "/actions/" + ref + "/progress"))
        .contentType(JSON)
        .content(body);
  }

  private String base(Caller caller) {
    return "/api/v1/partnerships/" + caller.partnership().slug();
  }

  @Test
  void anotherPartnershipsTokenFindsNothingOfTheirsAndChangesNothing() throws Exception {
    var before = everythingRecorded();
    long theirId = theirPlan.id();
    String green = "{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\", \"comment\": \"x\"}";
    List<MockHttpServletRequestBuilder> requests =
        List.of(
            // their address
            get(theirBase + "/plans"),
            get(theirBase + "/plans/" + theirId),
            get(theirBase + "/plans/" + theirId + "/actions"),
            get(theirBase + "/reports/exceptions").param("plan", String.valueOf(theirId)),
            get(theirBase + "/indicators"),
            get(theirBase + "/indicators/3"),
            get(theirBase + "/indicators/3/values"),
            get(theirBase + "/reports/performance"),
            get(theirBase + "/test/maybe"),
            post(theirBase + "/plans/" + theirId + "/actions/1.2/progress")
                .contentType(JSON)
                .content(green),
            put(theirBase + "/indicators/3/values")
                .contentType(JSON)
                .content("[{\"period\": \"2016-10\", \"value\": 99, \"area\": \"Theirtown\"}]"),
            // their plan's id at our address
            get(base + "/plans/" + theirId),
            get(base + "/plans/" + theirId + "/actions"),
            get(base + "/reports/exceptions").param("plan", String.valueOf(theirId)),
            post(base + "/plans/" + theirId + "/actions/1.2/progress")
                .contentType(JSON)
                .content(green));
    for (MockHttpServletRequestBuilder request : requests) {
      refused(ours.bearer(request), 404);
    }
    // the published pages: their unpublished plan is not found, whoever asks and however
    String publicTheirs = "/api/v1/public/" + theirs.partnership().slug();
    String publicOurs = "/api/v1/public/" + ours.partnership().slug();
    refused(ours.bearer(get(publicTheirs + "/plans/" + theirId)), 404);
    refused(get(publicTheirs + "/plans/" + theirId), 404);
    plans.publish(theirs.partnership(), theirId, true);
    refused(get(publicOurs + "/plans/" + theirId), 404);
    refused(get(publicTheirs + "/indicators/3"), 404);
    refused(get(publicTheirs + "/indicators/3/values"), 404);
    refused(get(publicTheirs + "/indicators/2/values"), 404);
    assertThat(everythingRecorded()).isEqualTo(before);
  }

  @Test
  void weakerRolesAndDeadTokensChangeNothing() throws Exception {
    var before = everythingRecorded();
    Partnership p = ours.partnership();
    String value = "[{\"period\": \"2016-10\", \"value\": 12}]";
    String green = "{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\", \"comment\": \"x\"}";
    for (Role role : List.of(Role.VIEWER, Role.ACTION_LEAD)) {
      refused(putValues(callers.caller(p, role), "2", value), 403);
    }
    for (Role role : List.of(Role.VIEWER, Role.ANALYST, Role.ACTION_LEAD)) {
      refused(progress(callers.caller(p, role), "1.2", green), 403);
    }

    // a role taken away works at the next request; no role left, the token is dead
    Caller analyst = callers.caller(p, Role.ANALYST);
    jdbc.sql("update membership set role = 'VIEWER' where user_account_id = :a")
        .param("a", analyst.member().accountId())
        .update();
    refused(putValues(analyst, "2", value), 403);
    jdbc.sql("delete from membership where user_account_id = :a")
        .param("a", analyst.member().accountId())
        .update();
    refused(analyst.bearer(get(base + "/plans")), 401);
    refused(putValues(analyst, "2", value), 401);

    Caller revoked = callers.caller(p, Role.PARTNERSHIP_ADMIN);
    jdbc.sql("update api_token set revoked_at = now() where token_hash = :h")
        .param("h", ApiTokens.hash(revoked.token()))
        .update();
    refused(putValues(revoked, "2", value), 401);

    Caller expired = callers.caller(p, Role.PARTNERSHIP_ADMIN);
    jdbc.sql(
            "update api_token set created_at = created_at - interval '100 days',"
                + " expires_at = created_at - interval '99 days' where token_hash = :h")
        .param("h", ApiTokens.hash(expired.token()))
        .update();
    refused(putValues(expired, "2", value), 401);

    // a token that is one character off, or another partnership's user's token on our address
    String secret = ours.token();
    char last = secret.charAt(secret.length() - 1);
    String wrong = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
    refused(
        put(base + "/indicators/2/values")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + wrong)
            .contentType(JSON)
            .content(value),
        401);
    refused(
        put(base + "/indicators/2/values")
            .header(HttpHeaders.AUTHORIZATION, "Basic " + ours.token())
            .contentType(JSON)
            .content(value),
        401);
    assertThat(everythingRecorded()).isEqualTo(before);
  }

  @Test
  void aSessionCookieIsNoTokenAndATokenIsNoSession() throws Exception {
    var before = everythingRecorded();
    MockHttpSession session = Fixtures.signIn(mvc, ours.member().email());
    refused(
        put(base + "/indicators/2/values")
            .session(session)
            .contentType(JSON)
            .content("[{\"period\": \"2016-10\", \"value\": 12}]"),
        401);
    refused(get(base + "/plans").session(session), 401);
    mvc.perform(ours.bearer(get("/p/" + ours.partnership().slug() + "/indicators")))
        .andExpect(status().is3xxRedirection());
    assertThat(everythingRecorded()).isEqualTo(before);
  }

  /**
   * Numbers a double cannot hold. Found: {@code 1e400} was answered 500 (an infinite double has no
   * BigDecimal) and {@code 1e-400} was recorded as 0.
   */
  @Test
  void refusesANumberTooLargeOrTooSmallNeverFailingNorRecordingZero() throws Exception {
    var before = everythingRecorded();
    for (String number :
        List.of("1e400", "-1e400", "1e-400", "1E+400", "9".repeat(400), "0." + "0".repeat(399))) {
      String body =
          refused(
              putValues(ours, "4", "[{\"period\": \"2016-10\", \"value\": %s}]".formatted(number)),
              422);
      assertThat(body).contains("too large or too precise");
    }
    refused(putValues(ours, "4", "[{\"period\": \"2016-10\", \"value\": NaN}]"), 400);
    refused(putValues(ours, "4", "[{\"period\": \"2016-10\", \"value\": Infinity}]"), 400);
    assertThat(everythingRecorded()).isEqualTo(before);
  }

  /**
   * Found: a value with 25 digits (within the import's 15 before and 10 after the point) was
   * recorded rounded to 17 (123456789012345.12): the body's numbers were read through double.
   */
  @Test
  void recordsANumberWithEveryDigitSent() throws Exception {
    mvc.perform(
            putValues(
                ours,
                "4",
                "[{\"period\": \"2016-10\", \"value\": 123456789012345.1234567891},"
                    + " {\"period\": \"2016-11\", \"value\": 0.1}]"))
        .andExpect(status().isOk());
    List<BigDecimal> recorded =
        jdbc.sql(
                "select v.value from indicator_value v join indicator i on i.id = v.indicator_id"
                    + " where i.partnership_id = :p and i.ref = '4' order by v.period")
            .param("p", ours.partnership().id())
            .query(BigDecimal.class)
            .list();
    assertThat(recorded)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("123456789012345.1234567891"), new BigDecimal("0.1"));
  }

  /**
   * A NUL in a comment. Found: answered 500 (PostgreSQL cannot store it); the form's text is
   * cleaned of control characters before it is kept (InputCleaning), the API's was not.
   */
  @Test
  void cleansTheControlCharactersOfACommentAsTheFormDoes() throws Exception {
    MvcResult recorded =
        mvc.perform(
                progress(
                    ours,
                    "1.2",
                    "{\"period\": \"2016/17 Q3\", \"rating\": \"RED\","
                        + " \"comment\": \"Funding\\u0000 gap\\u0007 \\ud800\\u000c\"}"))
            .andExpect(status().isCreated())
            .andReturn();
    assertThat(ApiCallers.json(recorded).get("comment").asString()).isEqualTo("Funding gap");
    assertThat(
            jdbc.sql("select comment from progress_update where id = :id")
                .param("id", ApiCallers.json(recorded).get("update_id").asLong())
                .query(String.class)
                .single())
        .isEqualTo("Funding gap");
    // a comment that is nothing but control characters is no comment for a Red rating
    refused(
        progress(
            ours,
            "1.1",
            "{\"period\": \"2016/17 Q3\", \"rating\": \"RED\", \"comment\": \"\\u0000\\u0000\"}"),
        422);
  }

  @Test
  void answersHostileInputWithAProblemAndChangesNothing() throws Exception {
    var before = everythingRecorded();
    String values = base + "/indicators/2/values";
    String actions = base + "/plans/" + ourPlan.id() + "/actions";
    String progressOf11 = actions + "/1.1/progress";
    Map<MockHttpServletRequestBuilder, Integer> attacks = new java.util.LinkedHashMap<>();
    attacks.put(
        put(values).contentType(JSON).content("[".repeat(10_000) + "]".repeat(10_000)), 400);
    attacks.put(put(values).contentType(JSON).content("{\"period\": "), 400);
    attacks.put(put(values).contentType(JSON), 400);
    attacks.put(put(values).contentType(JSON).content("null"), 422);
    attacks.put(put(values).contentType(JSON).content("[]"), 422);
    attacks.put(put(values).contentType(JSON).content("[1, \"a\", null, [], {}]"), 422);
    attacks.put(
        put(values)
            .contentType(JSON)
            .content(
                "[{\"period\": \"2016-07\", \"value\": 5}, {\"period\": \"2016-07\", \"value\": 6}]"),
        422);
    attacks.put(
        put(values)
            .contentType(JSON)
            .content(
                "[{\"period\": \"2016-09\", \"value\": -5}, {\"period\": \"2016-08\", \"value\": 2.5}]"),
        422);
    for (String period :
        List.of("2016-00", "9999-12", "0001-01", "0000-01", "2016-13", "x".repeat(5000))) {
      attacks.put(
          put(values)
              .contentType(JSON)
              .content("[{\"period\": \"%s\", \"value\": 5}]".formatted(period)),
          422);
    }
    attacks.put(
        put(values)
            .contentType(JSON)
            .content(
                "[{\"period\": \"2016-06\", \"value\": 5, \"area\": \""
                    + "x".repeat(100_000)
                    + "\"}]"),
        422);
    attacks.put(
        put(values)
            .contentType(JSON)
            .content(
                "[{\"period\": \"2016-06\", \"value\": 5, \"indicator\": \"3\", \"area\": {\"$ne\": 1}}]"),
        422);
    StringBuilder tenThousand = new StringBuilder("[");
    for (int i = 0; i < 10_000; i++) {
      tenThousand
          .append(i == 0 ? "" : ",")
          .append("{\"period\":\"2016-10\",\"value\":")
          .append(i)
          .append('}');
    }
    attacks.put(put(values).contentType(JSON).content(tenThousand.append(']').toString()), 422);
    attacks.put(put(values).contentType(MediaType.TEXT_PLAIN).content("[]"), 415);
    attacks.put(
        put(values).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("period=2016-10"),
        415);
    attacks.put(put(values).content("[]"), 415);
    attacks.put(put(values).contentType("application/json;charset=x-nope").content("[]"), 415);
    attacks.put(
        put(values)
            .contentType(JSON)
            .content(
                new byte[] {
                  '[', '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'
                }),
        400);
    attacks.put(patch(values).contentType(JSON).content("[]"), 405);
    attacks.put(delete(values), 405);
    attacks.put(delete(base + "/plans/" + ourPlan.id()), 405);
    attacks.put(get(base + "/plans").accept(MediaType.TEXT_HTML), 406);
    attacks.put(post(progressOf11).contentType(JSON).content("[]"), 422);
    attacks.put(post(progressOf11).contentType(JSON).content("null"), 422);
    attacks.put(
        post(progressOf11)
            .contentType(JSON)
            .content("{\"period\": \"99999999999/00 Q1\", \"rating\": \"GREEN\"}"),
        422);
    attacks.put(
        post(progressOf11)
            .contentType(JSON)
            .content(
                "{\"period\": \"2016/17 Q3\", \"rating\": \"GREEN\", \"replaces_update_id\": 1e30}"),
        422);
    attacks.put(
        post(progressOf11)
            .contentType(JSON)
            .content(
                "{\"period\": \"2016/17 Q3\", \"rating\": \"RED\", \"comment\": \""
                    + "y".repeat(500_000)
                    + "\"}"),
        422);
    attacks.put(
        post(progressOf11)
            .contentType(JSON)
            .content("{\"period\": \"2016/17 Q3\", \"rating\": \"<script>\", \"comment\": \"x\"}"),
        422);
    for (String page : List.of("0", "-1", "99999999999", "abc", "1e3")) {
      attacks.put(get(base + "/plans").param("page", page), 400);
    }
    attacks.put(get(base + "/plans").param("size", "100000"), 400);
    attacks.put(get(base + "/plans").param("size", "0"), 400);
    for (String period : List.of("9999/00 Q1", "0000/01 Q1", "2016/17 Q9", "'; drop table x; --")) {
      attacks.put(get(actions).param("period", period), 400);
    }
    attacks.put(get(values).param("from", "0000-01"), 400);
    attacks.put(get(values).param("from", "2016-10").param("to", "2016-01"), 400);
    for (String to : List.of("0001-01", "9999-12", "2016-13", "2016/17")) {
      attacks.put(get(base + "/reports/performance").param("to", to), 400);
    }
    attacks.put(get(base + "/reports/performance").param("comparator", "Nowhere"), 400);
    attacks.put(get(base + "/reports/exceptions"), 400);
    attacks.put(get(base + "/reports/exceptions").param("plan", "abc"), 400);
    attacks.put(get(base + "/plans/abc"), 404);
    attacks.put(get(base + "/plans/99999999999999999999"), 404);
    attacks.put(get(base + "/plans/-1"), 404);
    attacks.put(get(base + "/indicators/..%2F..%2Fplans"), 400);
    attacks.put(get(base + "/indicators/%2e%2e"), 400);
    attacks.put(get(base + "/indicators/%00"), 400);
    attacks.put(get(base + "/plans;jsessionid=1"), 400);
    attacks.put(get(base + "/indicators/" + "9".repeat(5000)), 404);
    for (var attack : attacks.entrySet()) {
      refused(ours.bearer(attack.getKey()), attack.getValue());
    }
    // the same without a token: nothing is read before the token is checked
    refused(put(values).contentType(JSON).content("[".repeat(10_000)), 401);
    assertThat(everythingRecorded()).isEqualTo(before);

    // what is harmless is answered as usual: a body on a GET, HEAD, OPTIONS
    mvc.perform(ours.bearer(get(base + "/plans")).contentType(JSON).content("{\"x\": 1}"))
        .andExpect(status().isOk());
    mvc.perform(
            ours.bearer(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(
                    base + "/plans")))
        .andExpect(status().isOk());
    mvc.perform(ours.bearer(options(values)))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ALLOW, org.hamcrest.Matchers.containsString("PUT")));
  }

  /**
   * Bodies over 1 MB over a real socket. Found: a chunked form body over the limit was answered 500
   * (Spring's FormContentFilter reads PUT forms, and the limit's exception escaped), and a
   * multipart body was read by the container past the limit (up to the 26 MB of uploads) before
   * anything refused it, and answered 500 when it was cut short.
   */
  @Test
  void refusesBodiesOverTheLimitQuicklyWithoutReadingThem() throws Exception {
    var before = everythingRecorded();
    String values = base + "/indicators/2/values";
    String publicPlans = "/api/v1/public/" + ours.partnership().slug() + "/plans";
    long mb = 1024 * 1024;
    for (long size : List.of(2 * mb, 30 * mb)) {
      for (boolean chunked : List.of(false, true)) {
        Sent sent = send("PUT", values, ours.token(), JSON, size, chunked, "[\"");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(413);
        assertThat(sent.response()).contains(PROBLEM);
        assertThat(sent.millis()).as(sent.toString()).isLessThan(5_000);
        assertThat(sent.bytesSent()).as(sent.toString()).isLessThan(10 * mb);
      }
    }
    Sent form =
        send(
            "PUT",
            values,
            ours.token(),
            "application/x-www-form-urlencoded",
            3 * mb / 2,
            true,
            "a=");
    assertThat(form.status()).as(form.toString()).isEqualTo(413);

    assertThat(everythingRecorded()).isEqualTo(before);
  }

  /**
   * Found: a multipart body is read by the container itself (Spring's multipart resolver asks
   * Tomcat for the parts), past the API's limit and up to the 26 MB allowed for uploads on the
   * screens, without a token on a public path, and one cut short was answered 500.
   */
  @Test
  void refusesAMultipartBodyBeforeTheContainerReadsIt() throws Exception {
    var before = everythingRecorded();
    long mb = 1024 * 1024;
    String publicPlans = "/api/v1/public/" + ours.partnership().slug() + "/plans";
    String multipart =
        "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\n";
    for (String path : List.of(publicPlans, base + "/plans")) {
      // cut short: the container's parser failed
      Sent cut =
          send(
              "POST",
              path,
              ours.token(),
              "multipart/form-data; boundary=XyZ",
              3 * mb,
              true,
              multipart);
      assertThat(cut.status()).as(cut.toString()).isBetween(400, 499);
      assertThat(cut.response()).contains(PROBLEM);
      // 30 MB: refused before the container reads it up to its own limit
      Sent big =
          send("POST", path, null, "multipart/form-data; boundary=XyZ", 30 * mb, true, multipart);
      assertThat(big.status()).as(big.toString()).isBetween(400, 499);
      assertThat(big.bytesSent()).as(big.toString()).isLessThan(10 * mb);
    }
    assertThat(everythingRecorded()).isEqualTo(before);
  }

  record Sent(int status, String response, long millis, long bytesSent) {}

  /** A request over a real socket, its body sent in chunks or with its length by another thread. */
  private Sent send(
      String method,
      String path,
      String token,
      String contentType,
      long bodyBytes,
      boolean chunked,
      String start)
      throws Exception {
    long began = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head =
          new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append(
          chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n");
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      Thread writer =
          new Thread(
              () -> {
                try {
                  byte[] filler = new byte[64 * 1024];
                  Arrays.fill(filler, (byte) 'a');
                  byte[] first = start.getBytes(StandardCharsets.US_ASCII);
                  while (sent.get() < bodyBytes) {
                    byte[] data = sent.get() == 0 ? first : filler;
                    int n = (int) Math.min(data.length, bodyBytes - sent.get());
                    if (chunked) {
                      out.write(
                          (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(data, 0, n);
                    if (chunked) {
                      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent.addAndGet(n);
                  }
                  if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                } catch (Exception e) {
                  // the server stopped reading: what it refused need not be sent
                }
              });
      writer.setDaemon(true);
      writer.start();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String statusLine = in.readLine();
      long millis = (System.nanoTime() - began) / 1_000_000;
      StringBuilder response = new StringBuilder(statusLine).append('\n');
      try {
        for (String line = in.readLine();
            line != null && response.length() < 4000;
            line = in.readLine()) {
          response.append(line).append('\n');
        }
      } catch (java.io.IOException e) {
        // the connection is closed once the refusal is sent
      }
      socket.close();
      writer.join(5_000);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      return new Sent(status, response.toString(), millis, sent.get());
    }
  }

  @Test
  void opensOnlyPublishedDataToOtherWebsitesAndNeverToSharedCaches() throws Exception {
    String evil = "https://evil.example";
    String publicPlans = "/api/v1/public/" + ours.partnership().slug() + "/plans";
    mvc.perform(get(publicPlans).header(HttpHeaders.ORIGIN, evil))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
    mvc.perform(ours.bearer(get(base + "/plans")).header(HttpHeaders.ORIGIN, evil))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
        .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS))
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, startsWith("private")));
    for (String method : List.of("GET", "PUT", "POST")) {
      mvc.perform(
              options(base + "/indicators/2/values")
                  .header(HttpHeaders.ORIGIN, evil)
                  .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                  .header(
                      HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type"))
          .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
          .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
          .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS));
    }
    mvc.perform(
            options(publicPlans)
                .header(HttpHeaders.ORIGIN, evil)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT"))
        .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    // every private answer, success or not, is for the caller only
    for (String path : List.of("/plans", "/plans/" + ourPlan.id(), "/indicators/3/values")) {
      mvc.perform(ours.bearer(get(base + path)))
          .andExpect(status().isOk())
          .andExpect(header().string(HttpHeaders.CACHE_CONTROL, startsWith("private")));
    }
  }

  /**
   * Found: a CORS preflight refused on a public path is answered 403 with the text "Invalid CORS
   * request", not a problem: Spring's CorsProcessor writes the body itself, never through
   * sendError. Harmless (no browser shows it, nothing is allowed), but every refusal should be a
   * problem.
   */
  @Test
  void refusesAPreflightWithAProblem() throws Exception {
    refused(
        options("/api/v1/public/" + ours.partnership().slug() + "/plans")
            .header(HttpHeaders.ORIGIN, "https://evil.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT"),
        403);
  }

  @Test
  void neverKeepsOrLogsATokenNorSaysWhoRecordedOnThePublicPaths(CapturedOutput output)
      throws Exception {
    // a change, a failure, a refusal and a bad token, all of which leave a trail
    mvc.perform(putValues(ours, "2", "[{\"period\": \"2016-10\", \"value\": 12}]"))
        .andExpect(status().isOk());
    mvc.perform(
            progress(
                ours,
                "1.2",
                "{\"period\": \"2016/17 Q3\", \"rating\": \"RED\", \"comment\": \"Lead off sick\"}"))
        .andExpect(status().isCreated());
    mvc.perform(ours.bearer(get(base + "/test/failure"))).andExpect(status().is5xxServerError());
    mvc.perform(ours.bearer(get(theirBase + "/plans"))).andExpect(status().isNotFound());
    mvc.perform(
            get(base + "/plans").header(HttpHeaders.AUTHORIZATION, "Bearer " + ours.token() + "x"))
        .andExpect(status().isUnauthorized());
    String secret = ours.token();
    String hash = ApiTokens.hash(secret);
    String trail =
        String.join(
            "\n",
            jdbc.sql(
                    "select concat_ws('|', actor, summary, object_type, object_id) from audit_event")
                .query(String.class)
                .list());
    assertThat(trail)
        .contains("(API token 'Test script')")
        .doesNotContain(secret, hash, secret.substring(4));
    assertThat(output.getAll()).doesNotContain(secret, hash, secret.substring(4));

    // the published plan: ratings and approved texts, never the comment nor who recorded it
    plans.publish(ours.partnership(), ourPlan.id(), true);
    for (String path :
        List.of("/plans", "/plans/" + ourPlan.id(), "/indicators", "/reports/performance")) {
      MvcResult result =
          mvc.perform(get("/api/v1/public/" + ours.partnership().slug() + path)).andReturn();
      assertThat(result.getResponse().getStatus()).isIn(200, 404);
      assertThat(result.getResponse().getContentAsString())
          .doesNotContain(
              "Lead off sick",
              "Funding gap",
              ours.member().email(),
              ours.member().displayName(),
              "recorded_by",
              "Repeat victims",
              "Spend on refuges",
              "Community safety",
              "Police");
    }
    JsonNode published =
        ApiCallers.json(
            mvc.perform(
                    get("/api/v1/public/" + ours.partnership().slug() + "/plans/" + ourPlan.id()))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(
            published.get("outcomes").get(0).get("actions").get(1).get("latest_rating").asString())
        .isEqualTo("RED");
  }
}
