package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccrhub.tabular.SpreadsheetFiles.ods;
import static org.ccrhub.tabular.SpreadsheetFiles.odsRow;
import static org.ccrhub.tabular.SpreadsheetFiles.text;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OdsReaderTests {

  private static final String BLANK_CELLS =
      "<table:table-cell table:number-columns-repeated=\"16380\"/>";

  @Test
  void readsParagraphsSpacesAndValuesButNotComments() {
    byte[] file =
        ods(
            text(
                odsRow("ref", "action", "baseline")
                    + "<table:table-row>"
                    + "<table:table-cell office:value-type=\"string\"><text:p>1.1</text:p>"
                    + "</table:table-cell>"
                    + "<table:table-cell office:value-type=\"string\">"
                    + "<office:annotation><text:p>A comment</text:p></office:annotation>"
                    + "<text:p>Train<text:s text:c=\"2\"/>staff</text:p>"
                    + "<text:p><text:span>in two</text:span> lines</text:p></table:table-cell>"
                    + "<table:table-cell office:value-type=\"float\" office:value=\"1200\"/>"
                    + "</table:table-row>"));
    Table table = Tables.read(file);
    assertThat(table.header()).containsExactly("ref", "action", "baseline");
    assertThat(table.rows().get(0).cells())
        .containsExactly("1.1", "Train  staff\nin two lines", "1200");
  }

  @Test
  void blankRowsAndCellsRepeatedAsLibreOfficeWritesThemCostNothing() {
    byte[] file =
        ods(
            text(
                "<table:table-row table:number-rows-repeated=\"3\">"
                    + BLANK_CELLS
                    + "</table:table-row>"
                    + odsRow("ref", "", "action")
                    + "<table:table-row>"
                    + "<table:table-cell><text:p>1.1</text:p></table:table-cell>"
                    + "<table:table-cell table:number-columns-repeated=\"2\"><text:p>Same</text:p>"
                    + "</table:table-cell>"
                    + BLANK_CELLS
                    + "</table:table-row>"
                    + "<table:table-row table:number-rows-repeated=\"1048000\">"
                    + BLANK_CELLS
                    + "</table:table-row>"
                    + odsRow("2.1", "", "Last")
                    + "<table:table-row table:number-rows-repeated=\"1048576\">"
                    + BLANK_CELLS
                    + "</table:table-row>"));
    long started = System.nanoTime();
    Table table = Tables.read(file);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(table.header()).containsExactly("ref", "", "action");
    assertThat(table.rows()).extracting(Table.Row::number).containsExactly(5, 1_048_006);
    assertThat(table.rows().get(0).cells()).containsExactly("1.1", "Same", "Same");
    assertThat(table.rows().get(1).cells()).containsExactly("2.1", "", "Last");
  }

  @Test
  void countsEveryRepetitionOfARowWithText() {
    byte[] file =
        ods(
            text(
                odsRow("ref", "action")
                    + "<table:table-row table:number-rows-repeated=\"1048575\">"
                    + "<table:table-cell table:number-columns-repeated=\"16384\">"
                    + "<text:p>x</text:p></table:table-cell></table:table-row>"));
    assertThat(file.length).isLessThan(2000);
    assertThatThrownBy(() -> Tables.read(file))
        .hasMessage("The file has more than 100,000 rows: split it or raise ccr.imports.max-rows");

    byte[] three =
        ods(
            text(
                odsRow("ref", "action")
                    + "<table:table-row table:number-rows-repeated=\"3\">"
                    + "<table:table-cell table:number-columns-repeated=\"16384\">"
                    + "<text:p>x</text:p></table:table-cell></table:table-row>"));
    assertThat(Tables.read(three).rows())
        .extracting(Table.Row::number, Table.Row::cells)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, List.of("x", "x")),
            org.assertj.core.groups.Tuple.tuple(3, List.of("x", "x")),
            org.assertj.core.groups.Tuple.tuple(4, List.of("x", "x")));
  }

  @Test
  void refusesALongCellAndRepeatedSpacesThatMakeOne() {
    assertThatThrownBy(
            () -> Tables.read(ods(text(odsRow("ref", "action") + odsRow("1", "z".repeat(40_000))))))
        .hasMessage(
            "Row 2, column B has more than 32,000 characters: shorten it or raise"
                + " ccr.imports.max-cell-characters");
    assertThatThrownBy(
            () ->
                Tables.read(
                    ods(
                        text(
                            odsRow("ref", "action")
                                + odsRow("1", "<text:s text:c=\"100000000\"/>")))))
        .hasMessageStartingWith("Row 2, column B has more than 32,000 characters");
  }

  @Test
  void refusesContentThatUnpacksPastTheSizeLimit() {
    StringBuilder rows = new StringBuilder(odsRow("ref", "action"));
    for (int r = 2; r < 2000; r++) {
      rows.append(odsRow(Integer.toString(r * 7919), "Action " + r * 104729));
    }
    ImportLimits small = new ImportLimits(100_000, 100, 32_000, 50_000, Duration.ofSeconds(10));
    assertThatThrownBy(() -> Tables.read(ods(text(rows.toString())), small))
        .hasMessageStartingWith("The file expands to more than 50,000 bytes once unpacked");
  }
}
