package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportProblemTests {

  private static final ImportProblem MISSING_REF = new ImportProblem(3, "ref", "", "Give a ref");

  @Test
  void saysHowManyProblemsInPlainWords() {
    assertThat(ImportProblem.nothingImported(List.of(MISSING_REF)))
        .isEqualTo("Nothing was imported: the file has 1 problem.");
    assertThat(ImportProblem.nothingImported(List.of(MISSING_REF, MISSING_REF)))
        .isEqualTo("Nothing was imported: the file has 2 problems.");
  }

  @Test
  void namesTheRowColumnAndAShortenedValue() {
    assertThat(new ImportProblem(2, "links", "x".repeat(100), "Too long").toString())
        .isEqualTo("Row 2, column links ('" + "x".repeat(57) + "...'): Too long");
    assertThat(MISSING_REF.toString()).isEqualTo("Row 3, column ref: Give a ref");
  }
}
