package org.ccrhub.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells the OpenAPI description which fields of an answer may be {@code null}: those the code marks
 * {@link Nullable} on a record's component. swagger-core does not read JSpecify, so without this
 * every field would be described as always having a value, which answers break.
 */
@Component
class NullableFields implements ModelConverter {

  @Override
  public @Nullable Schema<?> resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema<?> schema = chain.next().resolve(type, context, chain);
    Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
    if (schema == null || !raw.isRecord()) {
      return schema;
    }
    Schema<?> model =
        schema.get$ref() == null
            ? schema
            : context
                .getDefinedModels()
                .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    if (model == null || model.getProperties() == null) {
      return schema;
    }
    for (RecordComponent component : raw.getRecordComponents()) {
      if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        String name = jsonName(component);
        Schema<?> property = model.getProperties().get(name);
        if (property != null) {
          model.getProperties().put(name, orNull(property));
        }
      }
    }
    return schema;
  }

  @Override
  public boolean isOpenapi31() {
    return true;
  }

  private static String jsonName(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
  }

  /** The same schema, or null. */
  private static Schema<?> orNull(Schema<?> property) {
    if (property.get$ref() != null || property.getTypes() == null && property.getType() == null) {
      return new Schema<>(SpecVersion.V31)
          .anyOf(List.of(property, new Schema<>(SpecVersion.V31).types(Set.of("null"))))
          .description(property.getDescription());
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else {
      types.add(property.getType());
    }
    types.add("null");
    property.setTypes(types);
    return property;
  }
}
