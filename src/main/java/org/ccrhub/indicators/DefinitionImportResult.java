package org.ccrhub.indicators;

import java.util.List;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;

/**
 * What an import of indicator definitions found and did (or, in a preview, would do). With any
 * error nothing is imported.
 *
 * @param rows the rows of definitions in the file
 */
public record DefinitionImportResult(
    List<ImportProblem> errors,
    List<ImportProblem> warnings,
    int rows,
    int created,
    int changed,
    int unchanged) {

  static DefinitionImportResult rejected(
      List<ImportProblem> errors, List<ImportProblem> warnings, int rows) {
    return new DefinitionImportResult(byRow(errors), byRow(warnings), rows, 0, 0, 0);
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

  /** True when the file matches the indicators already: importing it again changes nothing. */
  public boolean changesNothing() {
    return created + changed == 0;
  }

  /** {@code Indicators: 3 created, 0 changed, 0 unchanged.} */
  public String summary() {
    return "Indicators: "
        + created
        + " created, "
        + changed
        + " changed, "
        + unchanged
        + " unchanged.";
  }
}
