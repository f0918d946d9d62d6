package org.ccrhub.indicators.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.ccrhub.indicators.ValueImportResult;
import org.ccrhub.tabular.ImportProblem;

/** What a PUT of values did, as the values import says it. */
@Schema(description = "What recording the values did")
record ValuesRecorded(
    @Schema(description = "The values sent") int rows,
    @Schema(description = "Values new or different from the current one, kept as a new revision")
        int recorded,
    @Schema(description = "Values equal to the current one: nothing changed for them")
        int unchanged,
    @Schema(example = "Values: 24 recorded, 0 unchanged (24 rows).") String summary,
    @Schema(description = "Things worth a look that did not stop the values being recorded")
        List<ValueWarning> warnings) {

  /** Something recorded as given that may not be what was meant. */
  @Schema(description = "A warning about one value: recorded as given")
  record ValueWarning(
      @Schema(description = "The item of the array, counted from 1") int row,
      String field,
      String value,
      String reason) {}

  static ValuesRecorded of(ValueImportResult result) {
    return new ValuesRecorded(
        result.rows(),
        result.recorded(),
        result.unchanged(),
        result.summary(),
        result.warnings().stream().map(ValuesRecorded::warning).toList());
  }

  private static ValueWarning warning(ImportProblem p) {
    return new ValueWarning(p.row(), p.column(), p.value(), p.reason());
  }
}
