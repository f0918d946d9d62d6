package org.ccrhub.indicators.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccrhub.api.ContentRejectedException.Problem;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of a PUT of values, a JSON array of {@code {"period", "value", "numerator",
 * "denominator", "area"}}, made into the table a values file is read into, one row per item of the
 * array numbered from 1, so that the values import checks and records it by its own rules. This
 * class checks only what a file cannot get wrong: the JSON types. A field of the wrong type is a
 * problem of its own, and its text still goes to the import, which then says nothing more about
 * that field (its problem would repeat this one), so that every other problem is still found.
 */
final class ValuesBody {

  /** The table's columns: the values file's own names. */
  static final List<String> COLUMNS =
      List.of("indicator", "period", "value", "numerator", "denominator", "area");

  private static final List<String> NUMBERS = List.of("value", "numerator", "denominator");
  private static final List<String> FIELDS =
      List.of("period", "value", "numerator", "denominator", "area");
  private static final int MOST_NUMBER_CHARACTERS = 40;
  private static final int MOST_ECHOED = 60;

  private final Table table;
  private final List<Problem> problems;
  private final Set<String> mistyped;

  private ValuesBody(Table table, List<Problem> problems, Set<String> mistyped) {
    this.table = table;
    this.problems = problems;
    this.mistyped = mistyped;
  }

  /**
   * Reads the body for the indicator with this ref.
   *
   * @return the table, and the problems of the body's JSON types (empty when none)
   */
  static ValuesBody read(String ref, JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    Set<String> mistyped = new HashSet<>();
    if (!body.isArray()) {
      problems.add(
          new Problem(
              null,
              null,
              echo(body),
              "The body must be a JSON array of values, like [{\"period\": \"2016-10\","
                  + " \"value\": 12}]"));
      return new ValuesBody(new Table(COLUMNS, List.of()), problems, mistyped);
    }
    if (body.isEmpty()) {
      problems.add(
          new Problem(null, null, "[]", "The array is empty: give at least one value to record"));
      return new ValuesBody(new Table(COLUMNS, List.of()), problems, mistyped);
    }
    List<Table.Row> rows = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      int row = i + 1;
      JsonNode item = body.get(i);
      if (!item.isObject()) {
        problems.add(
            Problem.ofRow(
                row,
                null,
                echo(item),
                "Each value must be an object, like {\"period\": \"2016-10\", \"value\": 12}"));
        continue;
      }
      for (Map.Entry<String, JsonNode> field : item.properties()) {
        if (!FIELDS.contains(field.getKey())) {
          problems.add(
              Problem.ofRow(
                  row,
                  field.getKey(),
                  echo(field.getValue()),
                  "A value has no field '"
                      + field.getKey()
                      + "': give period, value, numerator, denominator and area"
                      + (field.getKey().equals("indicator")
                          ? " (the indicator is the one in the address)"
                          : "")));
        }
      }
      List<String> cells = new ArrayList<>();
      cells.add(ref);
      cells.add(text(row, "period", item.get("period"), problems, mistyped));
      for (String number : NUMBERS) {
        cells.add(number(row, number, item.get(number), problems, mistyped));
      }
      cells.add(text(row, "area", item.get("area"), problems, mistyped));
      rows.add(new Table.Row(row, cells));
    }
    return new ValuesBody(new Table(COLUMNS, rows), problems, mistyped);
  }

  /** The values as a values file's table. */
  Table table() {
    return table;
  }

  /** The problems of the body's JSON itself: when there are any, nothing may be recorded. */
  List<Problem> problems() {
    return problems;
  }

  /**
   * Every problem: the body's own, and the import's problems of the table except those of a field
   * whose type was wrong (its type problem says it), in the order of the array.
   */
  List<Problem> problemsWith(List<ImportProblem> importProblems) {
    List<Problem> all = new ArrayList<>(problems);
    for (ImportProblem p : importProblems) {
      if (!mistyped.contains(key(p.row(), p.column()))) {
        all.add(Problem.ofRow(p.row(), p.column(), p.value(), p.reason()));
      }
    }
    // a stable sort: the body's own problems come first within a row
    all.sort(
        java.util.Comparator.comparing(
            (Problem p) -> p.row() == null ? 0 : p.row(), Integer::compare));
    return all;
  }

  /** A text field: a string, or null or absent for none. */
  private static String text(
      int row,
      String field,
      @Nullable JsonNode node,
      List<Problem> problems,
      Set<String> mistyped) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isString()) {
      return node.stringValue();
    }
    mistype(
        row,
        field,
        node,
        field.equals("period")
            ? "The period must be text, like \"2016-10\", \"2016/17 Q2\" or \"2016/17\""
            : "The area must be text, like \"London\", or null for the partnership's own value",
        problems,
        mistyped);
    return node.toString();
  }

  /** A number field: a JSON number, or null or absent for none. */
  private static String number(
      int row,
      String field,
      @Nullable JsonNode node,
      List<Problem> problems,
      Set<String> mistyped) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isNumber()) {
      // 1e400 read as a double is infinite, which no BigDecimal can hold
      boolean finite = !node.isFloatingPointNumber() || node.isBigDecimal();
      finite = finite || Double.isFinite(node.doubleValue());
      BigDecimal number = finite ? node.decimalValue() : null;
      // a number as long as this is far past the import's 15 digits and 10 decimals
      if (number != null
          && Math.abs((long) number.precision() - number.scale()) <= MOST_NUMBER_CHARACTERS
          && Math.abs(number.scale()) <= MOST_NUMBER_CHARACTERS) {
        return number.toPlainString();
      }
      mistype(
          row,
          field,
          node,
          "'"
              + echo(node)
              + "' is too large or too precise: numbers can have up to 15 digits before the"
              + " decimal point and 10 after it",
          problems,
          mistyped);
      return node.toString(); // the import refuses it too, and so adds nothing for the row
    }
    mistype(
        row,
        field,
        node,
        "The " + field + " must be a JSON number, like 12 or 12.5 (not in quotes), or null",
        problems,
        mistyped);
    return node.isString() ? node.stringValue() : node.toString();
  }

  private static void mistype(
      int row,
      String field,
      JsonNode node,
      String reason,
      List<Problem> problems,
      Set<String> mistyped) {
    problems.add(Problem.ofRow(row, field, echo(node), reason));
    mistyped.add(key(row, field));
  }

  private static String key(int row, String field) {
    return row + "\u0000" + field;
  }

  /** What was sent, as a problem shows it: a string's text, or the JSON, abbreviated. */
  private static String echo(JsonNode node) {
    String text = node.isString() ? node.stringValue() : node.toString();
    return text.length() > MOST_ECHOED ? text.substring(0, MOST_ECHOED - 3) + "..." : text;
  }
}
