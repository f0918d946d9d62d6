package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccrhub.shared.PlainText;
import org.junit.jupiter.api.Test;

class FormulasTests {

  private static final List<String> RISKY =
      List.of(
          "=HYPERLINK(\"http://x\")",
          "+44 helpline",
          "-5 places lost",
          "@Council",
          "\tTabbed",
          "\rReturn",
          "＝HYPERLINK(\"http://x\")",
          "＋1+1",
          "－1+1",
          "＠SUM(A1)",
          "\u00A0=1+1",
          "  =1+1",
          "\u2007\u202F+cmd",
          "\u200B@x",
          "\u2212SUM(A1)",
          "\uFE66SUM(A1)",
          "\uFE62cmd",
          "\uFE63cmd",
          "\uFE6Bx",
          "\u207A1",
          "\u208C1",
          "\u3164=1+1",
          "\u115F\u1160=1",
          "\uFFA0+1",
          "\u2800@x",
          "\u180E=1",
          "\u2061=1",
          "\u00AD-1+1",
          "\u0301=1+1",
          "\uDB40\uDC20=1",
          "\u2A75SUM(A1)",
          "\u2065=1",
          "\uFFF0=1",
          "\uDB40\uDC80=1");

  @Test
  void neutralisesSignsTheirLookAlikesAndSignsAfterInvisibleCharacters() {
    for (String cell : RISKY) {
      assertThat(Formulas.neutralise(cell)).as(cell).isEqualTo("'" + cell);
    }
  }

  @Test
  void leavesNumbersAndOrdinaryTextAlone() {
    for (String cell :
        List.of(
            "-7.2",
            "+3",
            "42",
            "",
            "Council",
            "a = b",
            "3-4 weeks",
            " ",
            "– see the board minutes",
            "½ of the actions",
            "① first priority",
            "😀 done")) {
      assertThat(Formulas.neutralise(cell)).as(cell).isEqualTo(cell);
    }
  }

  /** As an import reads it: line breaks as \\n and no blanks around (ODS keeps no CR at all). */
  @Test
  void everyNeutralisedCellReadsBackAsItWasInEveryFormat() {
    List<List<String>> rows = RISKY.stream().map(cell -> List.of("1", "x" + cell, cell)).toList();
    for (TableFormat format : TableFormat.values()) {
      Table table = Tables.read(TableWriter.write(format, "Plan", List.of("ref", "a", "b"), rows));
      assertThat(table.rows())
          .as(format.name())
          .extracting(row -> row.cell(2))
          .containsExactlyElementsOf(
              RISKY.stream().map(cell -> PlainText.clean(cell).strip()).toList());
    }
  }
}
