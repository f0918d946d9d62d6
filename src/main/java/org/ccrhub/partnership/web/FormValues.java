package org.ccrhub.partnership.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the ids and versions that forms send back as text. Forms keep them as text so that whatever
 * was sent can be shown again; a value that is not a number becomes an id no record has (ids start
 * at 1), which the services refuse as "not one of the choices", or a version no record has, which
 * they refuse as a change made on an out-of-date page.
 */
final class FormValues {

  static final long NO_SUCH_ID = 0;
  private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

  private FormValues() {}

  /** An optional choice: blank for none. */
  static Optional<Long> optionalId(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(id(value));
  }

  static Set<Long> ids(Collection<String> values) {
    return values.stream().map(FormValues::id).collect(Collectors.toSet());
  }

  static int version(String value) {
    return value != null && value.matches("\\d{1,9}") ? Integer.parseInt(value) : -1;
  }

  /** Options for a select or checkboxes: id as text to the text shown. */
  static <T> Map<String, String> options(
      Collection<T> items, Function<T, Long> id, Function<T, String> text) {
    Map<String, String> options = new LinkedHashMap<>();
    items.forEach(item -> options.put(String.valueOf(id.apply(item)), text.apply(item)));
    return options;
  }

  /** Options for an enum with labels: constant name to label. */
  static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> label) {
    Map<String, String> options = new LinkedHashMap<>();
    for (E value : values) {
      options.put(value.name(), label.apply(value));
    }
    return options;
  }

  private static long id(String value) {
    String trimmed = value.strip();
    return NUMBER.matcher(trimmed).matches() ? Long.parseLong(trimmed) : NO_SUCH_ID;
  }
}
