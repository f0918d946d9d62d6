package org.ccrhub.indicators;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;

/**
 * What an import of indicator values found and did (or, in a preview, would do). With any error
 * nothing is imported.
 *
 * @param rows the rows of values in the file
 * @param recorded values that were new or different, recorded as a new revision
 * @param unchanged values equal to the one already recorded, left as they were
 */
public record ValueImportResult(
    List<ImportProblem> errors,
    List<ImportProblem> warnings,
    int rows,
    int recorded,
    int unchanged) {

  static ValueImportResult rejected(
      List<ImportProblem> errors, List<ImportProblem> warnings, int rows) {
    return new ValueImportResult(byRow(errors), byRow(warnings), rows, 0, 0);
  }

  /** The problems in the order of the file's rows (a stable sort: a row's own order stays). */
  static List<ImportProblem> byRow(List<ImportProblem> problems) {
    return ProblemList.byRow(problems);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Every error found; at most {@value ProblemList#SHOWN} of them are listed. */
  public int errorCount() {
    return ProblemList.total(errors);
  }

  /** Every warning found; at most {@value ProblemList#SHOWN} of them are listed. */
  public int warningCount() {
    return ProblemList.total(warnings);
  }

  /** True when every value is already recorded: importing the file again changes nothing. */
  public boolean changesNothing() {
    return recorded == 0;
  }

  /** {@code Values: 48 recorded, 0 unchanged (48 rows).} */
  public String summary() {
    return "Values: " + recorded + " recorded, " + unchanged + " unchanged (" + rows + " rows).";
  }
}
