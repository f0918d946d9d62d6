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

  /** What a command says first when a file is refused, e.g. "... the file has 1 problem." */
  public static String nothingImported(java.util.List<ImportProblem> problems) {
    int count = problems.size();
    return "Nothing was imported: the file has "
        + count
        + (count == 1 ? " problem." : " problems.");
  }

  private static String abbreviate(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
  }
}
