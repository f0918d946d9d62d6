package org.ccrhub.tabular;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The problems found in a file: every one is counted, the first {@value #SHOWN} are kept to be
 * listed. A file with a mistake on each of 100,000 rows would otherwise hold (and show) 100,000
 * problems; the person needs the first few and the count.
 */
public final class ProblemList extends AbstractList<ImportProblem> implements RandomAccess {

  /** How many problems are kept and listed. */
  public static final int SHOWN = 200;

  private final List<ImportProblem> kept = new ArrayList<>();
  private int total;

  /** Counts the problem, and keeps it while fewer than {@value #SHOWN} are kept. */
  @Override
  public boolean add(ImportProblem problem) {
    total++;
    if (kept.size() < SHOWN) {
      kept.add(problem);
    }
    return true;
  }

  @Override
  public ImportProblem get(int index) {
    return kept.get(index);
  }

  /** The problems kept (at most {@value #SHOWN}). */
  @Override
  public int size() {
    return kept.size();
  }

  /** Every problem found, kept or not. */
  public int total() {
    return total;
  }

  /** How many problems a list stands for: its total when it is a ProblemList. */
  public static int total(List<ImportProblem> problems) {
    return problems instanceof ProblemList list ? list.total : problems.size();
  }

  /** How many problems were found but are not listed. */
  public static int notShown(List<ImportProblem> problems) {
    return total(problems) - problems.size();
  }

  /** A copy in the order of the file's rows (a stable sort), with the same total. */
  public static ProblemList byRow(List<ImportProblem> problems) {
    ProblemList sorted = copyOf(problems);
    sorted.kept.sort(Comparator.comparingInt(ImportProblem::row));
    return sorted;
  }

  /** A copy with the same total. */
  public static ProblemList copyOf(List<ImportProblem> problems) {
    ProblemList copy = new ProblemList();
    copy.kept.addAll(problems.subList(0, Math.min(SHOWN, problems.size())));
    copy.total = total(problems);
    return copy;
  }

  /** Prints the warnings as a command writes them: each, then how many more were not listed. */
  public static void printWarnings(java.io.PrintWriter out, List<ImportProblem> warnings) {
    warnings.forEach(w -> out.println("Warning: " + w));
    if (notShown(warnings) > 0) {
      out.println("Warning: and " + notShown(warnings) + " more.");
    }
  }

  /** Prints a refused import as a command writes it: that nothing was imported, why, warnings. */
  public static void printRefusal(
      java.io.PrintWriter err, List<ImportProblem> errors, List<ImportProblem> warnings) {
    err.println(ImportProblem.nothingImported(errors));
    errors.forEach(err::println);
    printWarnings(err, warnings);
  }
}
