package org.ccrhub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI description says beyond what springdoc reads from the controllers: the title,
 * the bearer token, which paths need none, and the problem answers every endpoint may give (written
 * by {@link ApiErrors} and the filters, which springdoc cannot see).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  static final String TOKEN = "token";
  static final String PROBLEM = "Problem";

  @Bean
  OpenAPI ccrHubApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("CCR Hub API")
                .version("v1")
                .description(
                    "Delivery plans and performance indicators of a community safety partnership,"
                        + " as JSON. Give a personal access token (made on the API tokens page of"
                        + " CCR Hub) in the header Authorization: Bearer ccr_...; published plans"
                        + " and indicators under /api/v1/public/ need none. Errors are RFC 9457"
                        + " problem details. MARAC cases and information-sharing records are not"
                        + " in the API."))
        // relative: the description never repeats a Host header back
        .servers(List.of(new Server().url("/")))
        .components(
            new Components()
                .addSecuritySchemes(
                    TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A personal access token: ccr_ and 43 characters")))
        .addSecurityItem(new SecurityRequirement().addList(TOKEN));
  }

  /** Public paths need no token; every operation lists the problems it may answer with. */
  @Bean
  OpenApiCustomizer problemAnswers() {
    return openApi -> {
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                boolean open = BearerTokens.isOpen(path);
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (path.contains("{slug}")) {
                            slugParameter(operation);
                          }
                          describe(open, method, operation);
                        });
              });
    };
  }

  /**
   * The partnership's slug is in every feature's path, but its controllers take the {@code
   * Partnership} the token gives, so springdoc sees no parameter for it.
   */
  private static void slugParameter(Operation operation) {
    boolean declared =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(p -> "slug".equals(p.getName()) && "path".equals(p.getIn()));
    if (!declared) {
      operation.addParametersItem(
          new Parameter()
              .name("slug")
              .in("path")
              .required(true)
              .description("The partnership's short name, as in its web addresses")
              .schema(new Schema<>(SpecVersion.V31).types(Set.of("string"))));
      // the path's own parameter first, as the path reads
      List<Parameter> parameters = operation.getParameters();
      parameters.add(0, parameters.remove(parameters.size() - 1));
    }
  }

  private static void describe(boolean open, PathItem.HttpMethod method, Operation operation) {
    if (open) {
      operation.setSecurity(List.of());
    }
    ApiResponses responses = operation.getResponses();
    problem(responses, 400, "A parameter is not valid");
    if (!open) {
      problem(responses, 401, "No valid token: missing, wrong, expired or revoked");
    }
    problem(responses, 404, "Not found, or outside the token's partnership");
    if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
      problem(responses, 403, "The token's person has no role that may do this");
      problem(responses, 409, "Changed by someone else at the same time");
      problem(responses, 413, "The body is over 1 MB");
      problem(responses, 422, "The content breaks the rules: every problem is listed");
    }
    if (!open) {
      problem(responses, 429, "Too many requests with this token: see Retry-After");
    }
  }

  private static void problem(ApiResponses responses, int status, String description) {
    String code = String.valueOf(status);
    if (responses.containsKey(code)) {
      return;
    }
    responses.addApiResponse(
        code,
        new ApiResponse()
            .description(description)
            .content(
                new Content()
                    .addMediaType(
                        ApiProblems.PROBLEM_JSON.toString(),
                        new MediaType()
                            .schema(
                                new Schema<>(SpecVersion.V31)
                                    .$ref("#/components/schemas/" + PROBLEM)))));
  }

  private static Schema<?> problemSchema() {
    Schema<?> errors =
        object(
                Map.of(
                    "row", typed("integer", "The row of an array, counted from 1"),
                    "field", typed("string", "The field"),
                    "value", nullable("string", "The value given"),
                    "reason", typed("string", "Why it is refused")),
                List.of("reason"))
            .description("One problem of the content");
    return object(
            Map.of(
                "type", typed("string", "about:blank"),
                "title", typed("string", "The status's standard title"),
                "status", typed("integer", "The HTTP status"),
                "detail", typed("string", "What went wrong, in plain words"),
                "instance", typed("string", "The request's path"),
                "errors",
                    new Schema<>(SpecVersion.V31)
                        .types(Set.of("array"))
                        .items(errors)
                        .description("Every problem of a 422 answer"),
                "reference", typed("string", "A 500 answer's reference, to quote")),
            List.of("type", "title", "status"))
        .description("An RFC 9457 problem detail");
  }

  private static Schema<?> object(Map<String, Schema<?>> properties, List<String> required) {
    Schema<?> schema = new Schema<>(SpecVersion.V31).types(Set.of("object"));
    new java.util.TreeMap<>(properties).forEach(schema::addProperty);
    schema.setRequired(required);
    return schema;
  }

  private static Schema<?> typed(String type, String description) {
    return new Schema<>(SpecVersion.V31).types(Set.of(type)).description(description);
  }

  private static Schema<?> nullable(String type, String description) {
    return new Schema<>(SpecVersion.V31)
        .types(new java.util.LinkedHashSet<>(List.of(type, "null")))
        .description(description);
  }
}
