package org.ccrhub.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Something wrong (or worth a look) in an imported file, where a person can find it: the row number
 * as a spreadsheet shows it (the header is row 1), the column, the value, and why. The value is
 * kept abbreviated to one line of at most {@value #MOST_VALUE} characters and the reason to {@value
 * #MOST_REASON}, so that no page or message echoes a whole cell back.
 */
public record ImportProblem(int row, String column, String value, String reason) {

  static final int MOST_VALUE = 60;
  static final int MOST_REASON = 600;

  public ImportProblem {
    String shortValue = abbreviate(value, MOST_VALUE);
    if (!shortValue.equals(value) && !value.isEmpty()) {
      reason = reason.replace(value, shortValue); // "'<the value>' is not a RAG rating..."
    }
    column = abbreviate(column, MOST_VALUE);
    value = shortValue;
    reason = reason.length() > MOST_REASON ? reason.substring(0, MOST_REASON - 3) + "..." : reason;
  }

  @Override
  public String toString() {
    return "Row "
        + row
        + ", column "
        + column
        + (value.isEmpty() ? "" : " ('" + value + "')")
        + ": "
        + reason;
  }

  /** What a command says first when a file is refused, e.g. "... the file has 1 problem." */
  public static String nothingImported(List<ImportProblem> problems) {
    int count = ProblemList.total(problems);
    return "Nothing was imported: the file has "
        + ImportLimits.number(count)
        + (count == 1 ? " problem." : " problems.")
        + (problems.size() < count ? " The first " + problems.size() + " are listed." : "");
  }

  /**
   * A problem of the header row (row 1) for each required column the file does not have.
   *
   * @param columns the columns found, by name ({@link Table#columns})
   * @param header the header row as the file has it, named in each message
   */
  public static List<ImportProblem> missingColumns(
      List<String> required, Map<String, Integer> columns, List<String> header) {
    List<ImportProblem> problems = new ArrayList<>();
    for (String column : required) {
      if (!columns.containsKey(column)) {
        problems.add(
            new ImportProblem(
                1,
                column,
                "",
                "The header row has no '" + column + "' column; found: " + names(header)));
      }
    }
    return problems;
  }

  /** Names from a file (a header row, say) for a message: each abbreviated, at most 20 of them. */
  public static String names(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(20, names.size()); i++) {
      text.append(i == 0 ? "" : ", ").append(abbreviate(names.get(i), 40));
    }
    if (names.size() > 20) {
      text.append(" and ").append(names.size() - 20).append(" more");
    }
    return text.toString();
  }

  private static String abbreviate(String value, int most) {
    String oneLine = value.length() > 4 * most ? value.substring(0, 4 * most) : value;
    oneLine = oneLine.replaceAll("\\s+", " ");
    return oneLine.length() > most ? oneLine.substring(0, most - 3) + "..." : oneLine;
  }
}
