package org.ccrhub.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description made readable: its endpoints grouped by tag, each with its parameters,
 * body and answers, and the shapes (schemas) they use. Made from the same JSON a program reads, so
 * the page and the description cannot disagree.
 */
record ApiReference(String title, String description, List<Section> sections, List<Shape> shapes) {

  /** A group of endpoints (an OpenAPI tag). */
  record Section(String id, String name, String description, List<Endpoint> endpoints) {}

  record Endpoint(
      String id,
      String method,
      String path,
      String summary,
      boolean needsToken,
      List<Field> parameters,
      @Nullable Type body,
      List<Answer> answers) {

    /** Whether any parameter says what it means (else the page leaves out the column). */
    public boolean parametersDescribed() {
      return parameters.stream().anyMatch(p -> !p.description().isEmpty());
    }
  }

  record Answer(String status, String description, @Nullable Type body) {}

  /** A named schema and its fields. */
  record Shape(String name, String description, List<Field> fields) {

    /** Whether any field says what it means (else the page leaves out the column). */
    public boolean described() {
      return fields.stream().anyMatch(f -> !f.description().isEmpty());
    }
  }

  /** A parameter or a property: its name, where it goes (or nothing), type, and meaning. */
  record Field(String name, String where, boolean required, Type type, String description) {}

  /** A type as read: words, and the shape it names if any (linked on the page). */
  record Type(String words, @Nullable String shape) {}

  private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  static ApiReference of(JsonNode description) {
    Map<String, Section> sections = new LinkedHashMap<>();
    for (JsonNode tag : description.path("tags")) {
      String name = tag.path("name").asString("");
      sections.put(
          name,
          new Section(id(name), name, tag.path("description").asString(""), new ArrayList<>()));
    }
    boolean secured = !description.path("security").isEmpty();
    description
        .path("paths")
        .properties()
        .forEach(
            path -> {
              for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                  continue;
                }
                String tag = operation.path("tags").path(0).asString("Other");
                sections
                    .computeIfAbsent(tag, t -> new Section(id(t), t, "", new ArrayList<>()))
                    .endpoints()
                    .add(endpoint(method, path.getKey(), operation, secured));
              }
            });
    List<Shape> shapes = new ArrayList<>();
    description
        .path("components")
        .path("schemas")
        .properties()
        .forEach(schema -> shapes.add(shape(schema.getKey(), schema.getValue())));
    JsonNode info = description.path("info");
    return new ApiReference(
        info.path("title").asString("API") + " " + info.path("version").asString(""),
        info.path("description").asString(""),
        sections.values().stream().filter(s -> !s.endpoints().isEmpty()).toList(),
        shapes);
  }

  private static Endpoint endpoint(
      String method, String path, JsonNode operation, boolean securedByDefault) {
    List<Field> parameters = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      parameters.add(
          new Field(
              parameter.path("name").asString(""),
              parameter.path("in").asString(""),
              parameter.path("required").asBoolean(false),
              type(parameter.path("schema")),
              parameter.path("description").asString("")));
    }
    JsonNode body = firstContent(operation.path("requestBody"));
    List<Answer> answers = new ArrayList<>();
    operation
        .path("responses")
        .properties()
        .forEach(
            answer -> {
              JsonNode content = firstContent(answer.getValue());
              answers.add(
                  new Answer(
                      answer.getKey(),
                      answer.getValue().path("description").asString(""),
                      content == null ? null : type(content.path("schema"))));
            });
    JsonNode security = operation.path("security");
    boolean needsToken = security.isMissingNode() ? securedByDefault : !security.isEmpty();
    return new Endpoint(
        id(method + " " + path),
        method.toUpperCase(java.util.Locale.ROOT),
        path,
        operation.path("summary").asString(""),
        needsToken,
        parameters,
        body == null ? null : type(body.path("schema")),
        answers);
  }

  private static @Nullable JsonNode firstContent(JsonNode node) {
    JsonNode content = node.path("content");
    for (var media : content.properties()) {
      return media.getValue();
    }
    return null;
  }

  private static Shape shape(String name, JsonNode schema) {
    List<Field> fields = new ArrayList<>();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asString()));
    schema
        .path("properties")
        .properties()
        .forEach(
            property ->
                fields.add(
                    new Field(
                        property.getKey(),
                        "",
                        required.contains(property.getKey()),
                        type(property.getValue()),
                        property.getValue().path("description").asString(""))));
    return new Shape(name, schema.path("description").asString(""), fields);
  }

  /** A schema in words: "string (date)", "list of Action", "number or null". */
  static Type type(JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    if (!ref.isEmpty()) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return new Type(name, name);
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asString()));
    } else if (type.isString()) {
      types.add(type.asString());
    }
    if (types.remove("array") || schema.has("items")) {
      Type items = type(schema.path("items"));
      return new Type(
          "list of " + items.words() + (types.contains("null") ? " or null" : ""), items.shape());
    }
    for (String combined : List.of("oneOf", "anyOf", "allOf")) {
      if (schema.has(combined)) {
        List<Type> options = new ArrayList<>();
        schema.path(combined).forEach(option -> options.add(type(option)));
        String shape =
            options.stream().map(Type::shape).filter(s -> s != null).findFirst().orElse(null);
        return new Type(String.join(" or ", options.stream().map(Type::words).toList()), shape);
      }
    }
    if (types.isEmpty()) {
      types.add("any");
    }
    String words = String.join(" or ", types);
    String format = schema.path("format").asString("");
    if (!format.isEmpty()) {
      words = words + " (" + format + ")";
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.asString()));
      words = words + ": one of " + String.join(", ", values);
    }
    return new Type(words, null);
  }

  /** An id for a page anchor: letters, digits and hyphens. */
  static String id(String text) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
  }
}
