package org.ccrhub.tabular;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Collects the rows a reader finds into a {@link Table}, enforcing the {@link ImportLimits} as it
 * goes. The first non-blank row is the header; after it only the columns up to the header's last
 * named one are kept ({@link #wants}), blank rows cost nothing, and each row of data (each
 * repetition of a repeated one) counts against the row limit.
 */
final class TableBuilder {

  private final ImportLimits limits;
  private final long deadline;
  private final String[] cells;
  private int row;
  private int lastNonBlank = -1;
  private int touched = -1;
  private List<String> header;
  private int width;
  private final List<Table.Row> rows = new ArrayList<>();
  private long expanded;
  private int ticks;

  TableBuilder(ImportLimits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeLimit().toNanos();
    this.cells = new String[limits.maxColumns() + 1];
  }

  ImportLimits limits() {
    return limits;
  }

  /**
   * Whether to read the cell in this column (0 is A): every column up to one past the column limit
   * until the header is found, then only the header's columns.
   */
  boolean wants(int column) {
    return column >= 0 && column < (header == null ? cells.length : width);
  }

  /** The number of the current row. */
  int row() {
    return row;
  }

  /** The row that the next cells belong to, numbered as a spreadsheet shows it. */
  void startRow(int number) {
    tick();
    row = number;
  }

  /** The text of a cell of the current row, in a column it {@link #wants}. */
  void cell(int column, String text) {
    if (!wants(column)) {
      return;
    }
    if (text.length() > limits.maxCellCharacters()) {
      throw limits.cellTooLong(row, column);
    }
    cells[column] = text;
    touched = Math.max(touched, column);
    if (!text.isBlank()) {
      lastNonBlank = Math.max(lastNonBlank, column);
    }
  }

  /** Ends the current row, which the file repeats this many times (1 for a row of its own). */
  void endRow(int repeat) {
    try {
      if (lastNonBlank < 0) {
        return;
      }
      if (header == null) {
        if (lastNonBlank >= limits.maxColumns()) {
          throw limits.tooManyColumns();
        }
        String[] names = new String[lastNonBlank + 1];
        for (int c = 0; c <= lastNonBlank; c++) {
          names[c] = cells[c] == null ? "" : cells[c].strip();
          expand(2L * names[c].length());
        }
        header = List.of(names);
        width = names.length;
        return;
      }
      StringBuilder text = new StringBuilder();
      int[] ends = new int[lastNonBlank + 1];
      for (int c = 0; c <= lastNonBlank; c++) {
        text.append(cells[c] == null ? "" : Tables.unneutralise(cells[c]));
        ends[c] = text.length();
      }
      List<String> packed = new PackedCells(text.toString(), ends);
      for (int i = 0; i < repeat; i++) {
        if (rows.size() >= limits.maxRows()) {
          throw limits.tooManyRows();
        }
        expand(2L * text.length());
        rows.add(new Table.Row(row + i, packed));
        tick();
      }
    } finally {
      Arrays.fill(cells, 0, touched + 1, null);
      touched = -1;
      lastNonBlank = -1;
    }
  }

  /** Counts bytes unpacked from the file, or held for it, against the expanded size limit. */
  void expand(long bytes) {
    expanded += bytes;
    if (expanded > limits.maxExpandedBytes()) {
      throw limits.tooLarge();
    }
  }

  /** Checks the time limit now and then; readers call it as they go. */
  void tick() {
    if ((++ticks & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
      throw limits.tooSlow();
    }
  }

  Table build() {
    if (header == null) {
      throw new UnreadableFileException("The file has no header row and no data");
    }
    return new Table(header, List.copyOf(rows));
  }

  /** A row's cells as one string and where each cell ends: far smaller than a string per cell. */
  private static final class PackedCells extends AbstractList<String> implements RandomAccess {
    private final String text;
    private final int[] ends;

    PackedCells(String text, int[] ends) {
      this.text = text;
      this.ends = ends;
    }

    @Override
    public String get(int index) {
      return text.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }

    @Override
    public int size() {
      return ends.length;
    }
  }
}
