package org.ccrhub.tabular;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.PlainText;

/**
 * A table read from a file: its header and its rows, each with the row number a person sees in a
 * spreadsheet (the header is row 1).
 */
public record Table(List<String> header, List<Row> rows) {

  /** A row of cells, with its number in the file. */
  public record Row(int number, List<String> cells) {

    /**
     * The trimmed cell in a column, empty when the row is shorter, with its line breaks made {@code
     * \n} and control characters removed ({@link PlainText#clean}).
     */
    public String cell(int column) {
      return column < 0 || column >= cells.size() ? "" : PlainText.clean(cells.get(column)).strip();
    }

    public boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /**
   * Column names as people write them, made comparable: lower case, with spaces and punctuation
   * removed ({@code "Lead(s)"} becomes {@code "leads"}).
   */
  public static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The index of the first column whose normalised name is one of these. */
  public Optional<Integer> column(List<String> names) {
    for (int i = 0; i < header.size(); i++) {
      if (names.contains(normalise(header.get(i)))) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Normalised name to column index, for each known column; aliases map to their name. */
  public Map<String, Integer> columns(Map<String, List<String>> known) {
    Map<String, Integer> columns = new java.util.LinkedHashMap<>();
    known.forEach((name, aliases) -> column(aliases).ifPresent(i -> columns.put(name, i)));
    return columns;
  }
}
