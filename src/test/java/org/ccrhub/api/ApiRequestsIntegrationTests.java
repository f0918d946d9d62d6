package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to {@code /api/**} with real headers, as a script sends them: who gets in, where, how
 * often, and what every refusal looks like.
 */
@CcrHubTest
class ApiRequestsIntegrationTests {

  private static final String PROBLEM = "application/problem+json";

  @Autowired MockMvc mvc;
  @Autowired ApiTokens tokens;
  @Autowired Accounts accounts;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  private record Caller(Partnership partnership, Member member, NewApiToken token) {}

  private Caller caller(Role role) {
    Partnership p = fixtures.partnership();
    String email = fixtures.user(p, role);
    Member member =
        accounts.members(p.id()).stream()
            .filter(m -> m.email().equals(email))
            .findFirst()
            .orElseThrow();
    return new Caller(p, member, tokens.create(p, member.accountId(), "Test script", 90));
  }

  private static MockHttpServletRequestBuilder bearer(
      MockHttpServletRequestBuilder request, NewApiToken token) {
    return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.secret());
  }

  private static JsonNode json(MvcResult result) throws Exception {
    return JsonMapper.builder().build().readTree(result.getResponse().getContentAsString());
  }

  @Test
  void answersWhoTheTokenActsAsAndItsPartnership() throws Exception {
    Caller c = caller(Role.ANALYST);
    mvc.perform(bearer(get("/api/v1/me"), c.token()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value(c.member().displayName()))
        .andExpect(jsonPath("$.partnership").value(c.partnership().slug()))
        .andExpect(jsonPath("$.roles[0]").value("ANALYST"))
        .andExpect(jsonPath("$.token").value("Test script"));
    mvc.perform(bearer(get("/api/v1/partnerships/" + c.partnership().slug()), c.token()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.slug").value(c.partnership().slug()))
        .andExpect(jsonPath("$.name").value(c.partnership().name()));
  }

  @Test
  void refusesARequestWithoutAValidTokenWith401() throws Exception {
    Caller c = caller(Role.VIEWER);
    MvcResult none =
        mvc.perform(get("/api/v1/me"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andReturn();
    assertThat(json(none).get("status").asInt()).isEqualTo(401);
    mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer ccr_wrong"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
        .andExpect(jsonPath("$.detail", containsString("not valid")));
    mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz"))
        .andExpect(status().isUnauthorized());
    // an unknown address is not found only for someone who may look
    mvc.perform(get("/api/v1/no-such-thing")).andExpect(status().isUnauthorized());

    jdbc.sql(
            "update api_token set created_at = now() - interval '10 days',"
                + " expires_at = now() - interval '1 second' where id = :id")
        .param("id", c.token().token().id())
        .update();
    mvc.perform(bearer(get("/api/v1/me"), c.token())).andExpect(status().isUnauthorized());

    Caller revoked = caller(Role.VIEWER);
    tokens.revoke(
        revoked.partnership(), revoked.token().token().id(), revoked.member().accountId());
    mvc.perform(bearer(get("/api/v1/me"), revoked.token()))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
  }

  @Test
  void answersAnotherPartnershipsAddressAsNotFound() throws Exception {
    Caller c = caller(Role.PARTNERSHIP_ADMIN);
    Partnership other = fixtures.partnership();
    for (String path :
        new String[] {
          "/api/v1/partnerships/" + other.slug(),
          "/api/v1/partnerships/" + other.slug() + "/test/rejected",
          "/api/v1/partnerships/no-such-partnership/plans"
        }) {
      mvc.perform(bearer(get(path), c.token()))
          .andExpect(status().isNotFound())
          .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
          .andExpect(jsonPath("$.status").value(404));
    }
    mvc.perform(bearer(get("/api/v1/no-such-thing"), c.token()))
        .andExpect(status().isNotFound())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
  }

  @Test
  void readsTheUsersRolesAtEachRequest() throws Exception {
    Caller c = caller(Role.ANALYST);
    long p = c.partnership().id();
    long account = c.member().accountId();

    accounts.changeRoles(p, account, Set.of(Role.ANALYST, Role.STRATEGIC_LEAD));
    mvc.perform(bearer(get("/api/v1/me"), c.token()))
        .andExpect(jsonPath("$.roles.length()").value(2));

    accounts.changeRoles(p, account, Set.of(Role.VIEWER));
    mvc.perform(bearer(get("/api/v1/me"), c.token()))
        .andExpect(jsonPath("$.roles.length()").value(1))
        .andExpect(jsonPath("$.roles[0]").value("VIEWER"));

    accounts.removeMember(p, account);
    mvc.perform(bearer(get("/api/v1/me"), c.token())).andExpect(status().isUnauthorized());
  }

  @Test
  void limitsTheRequestsOfATokenPerMinute() throws Exception {
    Caller c = caller(Role.VIEWER);
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    for (Instant window : new Instant[] {minute, minute.plusSeconds(60)}) {
      jdbc.sql("insert into api_rate (token_id, window_start, count) values (:t, :w, 600)")
          .param("t", c.token().token().id())
          .param("w", OffsetDateTime.ofInstant(window, ZoneOffset.UTC))
          .update();
    }
    MvcResult refused =
        mvc.perform(bearer(get("/api/v1/me"), c.token()))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andReturn();
    int retryAfter = Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1, 60);

    Caller other = caller(Role.VIEWER);
    mvc.perform(bearer(get("/api/v1/me"), other.token())).andExpect(status().isOk());
  }

  @Test
  void answersEveryRefusalAsAProblemWithoutInternals() throws Exception {
    Caller c = caller(Role.ANALYST);
    String base = "/api/v1/partnerships/" + c.partnership().slug() + "/test";

    MvcResult rejected =
        mvc.perform(bearer(get(base + "/rejected"), c.token()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andReturn();
    JsonNode errors = json(rejected).get("errors");
    assertThat(errors.size()).isEqualTo(2);
    assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
    assertThat(errors.get(0).get("field").asString()).isEqualTo("period");
    assertThat(errors.get(0).get("value").asString()).isEqualTo("2016/17 Q9");
    assertThat(errors.get(0).get("reason").asString()).isEqualTo("No such quarter");
    assertThat(errors.get(1).get("field").asString()).isEqualTo("rating");

    mvc.perform(bearer(get(base + "/conflict"), c.token()))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Conflict"));
    mvc.perform(bearer(get(base + "/forbidden"), c.token()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value("Only action leads may update this action"));
    MvcResult failed =
        mvc.perform(bearer(get(base + "/failure"), c.token()))
            .andExpect(status().isInternalServerError())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andReturn();
    String body = failed.getResponse().getContentAsString();
    assertThat(body).doesNotContain("secret internal detail", "IllegalState", "at org.");
    assertThat(json(failed).get("reference").asString()).matches("[0-9A-F]{10}");

    mvc.perform(bearer(put("/api/v1/me"), c.token()))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")))
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
  }

  @Test
  void refusesMalformedOrOversizedBodiesInPlainWords() throws Exception {
    Caller c = caller(Role.ANALYST);
    String echo = "/api/v1/partnerships/" + c.partnership().slug() + "/test/echo";

    mvc.perform(
            bearer(post(echo), c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\": \"2016/17 Q2\", \"value\": 12}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.keys").value(2));

    MvcResult malformed =
        mvc.perform(
                bearer(post(echo), c.token())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"period\": \"2016/17 Q2\", \"value\": 12"))
            .andExpect(status().isBadRequest())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)))
            .andExpect(
                jsonPath("$.detail")
                    .value(
                        "The request body is not valid JSON, or a value in it is of the wrong"
                            + " type"))
            .andReturn();
    assertThat(malformed.getResponse().getContentAsString())
        .doesNotContain("Jackson", "JSON parse error", "line:", "column:");

    mvc.perform(
            bearer(post(echo), c.token()).contentType(MediaType.TEXT_PLAIN).content("period=Q2"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));

    byte[] twoMegabytes = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(twoMegabytes, (byte) ' ');
    mvc.perform(
            bearer(post(echo), c.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content(twoMegabytes))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
  }

  @Test
  void neverTakesASessionOnTheApiNorATokenOnThePages() throws Exception {
    Caller c = caller(Role.PARTNERSHIP_ADMIN);
    MockHttpSession session = Fixtures.signIn(mvc, c.member().email());

    mvc.perform(get("/api/v1/me").session(session))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith(PROBLEM)));
    mvc.perform(get("/p/" + c.partnership().slug()).session(session)).andExpect(status().isOk());

    mvc.perform(bearer(get("/p/" + c.partnership().slug()), c.token()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string(HttpHeaders.LOCATION, containsString("/sign-in")));
    mvc.perform(bearer(get("/api/v1/me"), c.token()))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
  }

  @Test
  void auditsTheFirstUseOfATokenEachDayOnce() throws Exception {
    Caller c = caller(Role.VIEWER);
    for (int i = 0; i < 3; i++) {
      mvc.perform(bearer(get("/api/v1/me"), c.token())).andExpect(status().isOk());
    }
    var uses =
        jdbc.sql(
                "select actor || ' | ' || summary from audit_event"
                    + " where action = 'API_TOKEN_USED' and object_id = :id")
            .param("id", String.valueOf(c.token().token().id()))
            .query(String.class)
            .list();
    assertThat(uses)
        .containsExactly(
            c.member().email()
                + " (API token 'Test script') | First use today of API token 'Test script'");
    assertThat(uses.get(0)).doesNotContain(c.token().secret());
  }

  @Test
  void answersAnUnchangedAnswerWith304() throws Exception {
    Caller c = caller(Role.VIEWER);
    MvcResult first =
        mvc.perform(bearer(get("/api/v1/me"), c.token()))
            .andExpect(status().isOk())
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andReturn();
    String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
    mvc.perform(bearer(get("/api/v1/me"), c.token()).header(HttpHeaders.IF_NONE_MATCH, etag))
        .andExpect(status().isNotModified());
    mvc.perform(bearer(get("/api/v1/me"), c.token()).header(HttpHeaders.IF_NONE_MATCH, "\"0x\""))
        .andExpect(status().isOk());
  }

  @Test
  void paginatesWithLinks() throws Exception {
    Caller c = caller(Role.VIEWER);
    String items = "/api/v1/partnerships/" + c.partnership().slug() + "/test/items";
    MvcResult second =
        mvc.perform(bearer(get(items).param("page", "2").param("size", "10"), c.token()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0]").value(11))
            .andExpect(jsonPath("$.length()").value(10))
            .andExpect(header().string("X-Total-Count", "23"))
            .andReturn();
    String link = second.getResponse().getHeader(HttpHeaders.LINK);
    assertThat(link)
        .contains("<" + items + "?page=1&size=10>; rel=\"first\"")
        .contains("<" + items + "?page=1&size=10>; rel=\"prev\"")
        .contains("<" + items + "?page=3&size=10>; rel=\"next\"")
        .contains("<" + items + "?page=3&size=10>; rel=\"last\"")
        .doesNotContain("http");
    mvc.perform(bearer(get(items).param("size", "501"), c.token()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("size must be a whole number from 1 to 500"));
  }

  @Test
  void servesItsOpenApiDescriptionWithoutAToken() throws Exception {
    MvcResult result =
        mvc.perform(get("/api/openapi.json"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_TYPE, startsWith("application/json")))
            .andReturn();
    JsonNode description = json(result);
    assertThat(description.get("openapi").asString()).startsWith("3.1");
    assertThat(description.get("paths").has("/api/v1/me")).isTrue();
    assertThat(description.get("paths").has("/api/v1/partnerships/{slug}")).isTrue();
    assertThat(description.get("paths").propertyNames()).allMatch(p -> p.startsWith("/api/"));
    assertThat(result.getResponse().getContentAsString())
        .doesNotContain("ApiCaller", "\"caller\"", "tokenId");
  }

  @Test
  void opensOnlyThePublicDataToOtherWebsites() throws Exception {
    mvc.perform(
            options("/api/v1/public/some-partnership/plans")
                .header(HttpHeaders.ORIGIN, "https://council.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
    mvc.perform(
            options("/api/v1/me")
                .header(HttpHeaders.ORIGIN, "https://council.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"))
        .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    mvc.perform(get("/api/v1/public/some-partnership/plans"))
        .andExpect(status().isNotFound())
        .andExpect(header().string(HttpHeaders.CONTENT_TYPE, not(startsWith("text/html"))));
  }
}
