package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's OpenAPI description as a contract: an answer is checked against the schema the
 * description gives for its operation and status, as JSON Schema 2020-12 (what OpenAPI 3.1 uses).
 * Stricter than the description itself, so that it says everything: an object may have no field the
 * description does not name, and must have every one it names (a field with no value is {@code
 * null}, never left out).
 */
final class ApiContract {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BASE = "https://ccrhub.test/openapi.json";

  private final JsonNode description;
  private final SchemaRegistry registry;
  private final Set<String> checked = new HashSet<>();

  ApiContract(String descriptionJson) {
    this.description = JSON.readTree(descriptionJson);
    ObjectNode strict = (ObjectNode) JSON.readTree(descriptionJson);
    strict
        .path("components")
        .path("schemas")
        .properties()
        .forEach(
            schema ->
                closeObject(schema.getValue(), !schema.getKey().equals(ApiDescription.PROBLEM)));
    String strictJson = JSON.writeValueAsString(strict);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(BASE, strictJson)));
  }

  private static void closeObject(JsonNode schema, boolean requireAll) {
    if (schema instanceof ObjectNode object && object.has("properties")) {
      object.put("additionalProperties", false);
      if (requireAll) {
        var required = object.putArray("required");
        object.path("properties").propertyNames().forEach(required::add);
      }
      object.path("properties").forEach(property -> closeObject(property, requireAll));
    }
    if (schema instanceof ObjectNode object && object.has("items")) {
      closeObject(object.get("items"), requireAll);
    }
  }

  JsonNode description() {
    return description;
  }

  /** Every operation the description has, as "GET /api/v1/...". */
  List<String> operations() {
    List<String> operations = new ArrayList<>();
    description
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .propertyNames()
                    .forEach(
                        method -> {
                          if (Set.of("get", "put", "post", "patch", "delete").contains(method)) {
                            operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    return operations;
  }

  /** The operations answers have been checked for. */
  Set<String> checked() {
    return checked;
  }

  /**
   * Checks an answer to the operation (method and path as the description writes it, e.g. {@code
   * GET /api/v1/partnerships/{slug}/plans}): its status is one the description gives, its content
   * type is the one described, and its body matches the schema.
   */
  void check(String method, String pathTemplate, MvcResult result) throws Exception {
    JsonNode operation =
        description.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
    assertThat(operation.isMissingNode())
        .as("the description has %s %s", method, pathTemplate)
        .isFalse();
    int status = result.getResponse().getStatus();
    JsonNode answer = operation.path("responses").path(String.valueOf(status));
    assertThat(answer.isMissingNode())
        .as("%s %s answered %d, which its description does not give", method, pathTemplate, status)
        .isFalse();
    checked.add(method.toUpperCase(Locale.ROOT) + " " + pathTemplate);
    String body = result.getResponse().getContentAsString();
    if (!answer.has("content") || status == 304) {
      assertThat(body).as("%s %s answered %d with no body", method, pathTemplate, status).isEmpty();
      return;
    }
    String contentType = result.getResponse().getContentType();
    assertThat(contentType)
        .as("%s %s answered %d with a body", method, pathTemplate, status)
        .isNotNull();
    String media =
        answer.path("content").propertyNames().stream()
            .filter(m -> contentType.startsWith(m) || m.equals("*/*"))
            .findFirst()
            .orElse(null);
    assertThat(media)
        .as(
            "%s %s answered %d as %s; described: %s",
            method, pathTemplate, status, contentType, answer.path("content").propertyNames())
        .isNotNull();
    List<Error> errors = errors(method, pathTemplate, status, media, body);
    assertThat(errors)
        .as(
            "%s %s answered %d with a body its description does not allow: %s",
            method,
            pathTemplate,
            status,
            body.length() > 2000 ? body.substring(0, 2000) + "..." : body)
        .isEmpty();
  }

  /** What is wrong with this body as the described answer of the operation with this status. */
  List<Error> errors(String method, String pathTemplate, int status, String media, String body) {
    String pointer =
        "/paths/"
            + escape(pathTemplate)
            + "/"
            + method.toLowerCase(Locale.ROOT)
            + "/responses/"
            + status
            + "/content/"
            + escape(media)
            + "/schema";
    assertThat(description.at(pointer).isMissingNode()).as("described: %s", pointer).isFalse();
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
    return schema.validate(JSON.readTree(body));
  }

  private static final Pattern SLASH = Pattern.compile("/");

  private static String escape(String token) {
    return SLASH.matcher(token.replace("~", "~0")).replaceAll("~1");
  }
}
