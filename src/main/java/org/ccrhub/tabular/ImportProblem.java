package org.ccrhub.tabular;

/**
 * Something wrong (or worth a look) in an imported file, where a person can find it: the row number
 * as a spreadsheet shows it (the header is row 1), the column, the value, and why.
 */
public record ImportProblem(int row, String column, String value, String reason) {

  @Override
  public String toString() {
    return "Row "
        + row
        + ", column "
        + column
        + (value.isEmpty() ? "" : " ('" + abbreviate(value) + "')")
        + ": "
        + reason;
  }

  private static String abbreviate(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
  }
}
