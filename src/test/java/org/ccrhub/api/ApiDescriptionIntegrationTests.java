package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.ccrhub.CcrHubTest;
import org.ccrhub.api.ApiCallers.Caller;
import org.ccrhub.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at {@code /api/openapi.json}: a standard validator accepts it, the
 * reference page shows it to people, and real answers of every endpoint match it.
 */
@CcrHubTest
class ApiDescriptionIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired ApiCallers callers;

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
