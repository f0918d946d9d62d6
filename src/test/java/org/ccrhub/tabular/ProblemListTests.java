package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemListTests {

  @Test
  void keepsTheFirstTwoHundredAndCountsEveryOne() {
    ProblemList problems = new ProblemList();
    for (int row = 100_001; row > 1; row--) {
      problems.add(new ImportProblem(row, "ref", "", "Every action needs a ref"));
    }
    assertThat(problems).hasSize(200);
    assertThat(problems.total()).isEqualTo(100_000);
    assertThat(ProblemList.notShown(problems)).isEqualTo(99_800);
    ProblemList sorted = ProblemList.byRow(problems);
    assertThat(sorted.get(0).row()).isEqualTo(99_802);
    assertThat(sorted.total()).isEqualTo(100_000);
    assertThat(ImportProblem.nothingImported(problems))
        .isEqualTo(
            "Nothing was imported: the file has 100,000 problems. The first 200 are listed.");
  }

  @Test
  void abbreviatesValuesReasonsAndHeaderNamesWhereverTheyAreShown() {
    ImportProblem problem =
        new ImportProblem(2, "action", "x".repeat(20_000_000), "Too long: " + "y".repeat(5000));
    assertThat(problem.value()).isEqualTo("x".repeat(57) + "...");
    assertThat(problem.reason()).hasSize(600).endsWith("...");
    String rating = "Amber".repeat(1000);
    assertThat(new ImportProblem(3, "rag", rating, "'" + rating + "' is not a RAG rating").reason())
        .isEqualTo("'" + "Amber".repeat(11) + "Am..." + "' is not a RAG rating");
    assertThat(ImportProblem.names(java.util.Collections.nCopies(30, "z".repeat(100))))
        .isEqualTo(
            String.join(", ", java.util.Collections.nCopies(20, "z".repeat(37) + "..."))
                + " and 10 more");
  }
}
