package org.ccrhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

  private static Table read(String csv) {
    return Tables.read(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static List<List<String>> cells(Table table) {
    return table.rows().stream().map(Table.Row::cells).toList();
  }

  @Test
  void readsQuotedCellsDoubledQuotesAndEveryKindOfLineEnd() {
    Table table =
        read(
            "ref,action,lead\r\n"
                + "1,\"Fund outreach, phase 2\",Council\n"
                + "2,\"Say \"\"no\"\" to abuse\nin two lines\",Police\r"
                + "3,,\n"
                + "4,\"quoted\"  ,last");
    assertThat(table.header()).containsExactly("ref", "action", "lead");
    assertThat(cells(table))
        .containsExactly(
            List.of("1", "Fund outreach, phase 2", "Council"),
            List.of("2", "Say \"no\" to abuse\nin two lines", "Police"),
            List.of("3"),
            List.of("4", "quoted", "last"));
    assertThat(table.rows()).extracting(Table.Row::number).containsExactly(2, 3, 4, 5);
  }

  @Test
  void skipsBlankRowsAndFindsTheHeaderBelowBlankLines() {
    Table table = read("\n,,\nref,action\n\n1,Do it\n,\n2,Do more\n");
    assertThat(table.header()).containsExactly("ref", "action");
    assertThat(table.rows()).extracting(Table.Row::number).containsExactly(5, 7);
  }

  @Test
  void readsWindows1252AsExcelWritesItAndUtf8WithAByteOrderMark() {
    String csv = "ref,action\n1,Women’s Aid – £18,000\n";
    assertThat(Tables.read(csv.getBytes(Charset.forName("windows-1252"))).rows().get(0).cell(1))
        .isEqualTo("Women’s Aid – £18");
    byte[] body = csv.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertThat(Tables.read(withBom).header()).containsExactly("ref", "action");
  }

  @Test
  void refusesAnUnclosedQuoteAndTextAfterAClosingQuote() {
    assertThatThrownBy(() -> read("ref,action\n1,\"never closed\n"))
        .hasMessage(
            "The CSV file could not be read: check that quoted cells are closed with a quote");
    assertThatThrownBy(() -> read("ref,action\n1,\"closed\"then more\n"))
        .hasMessageContaining("check that quoted cells are closed");
  }

  @Test
  void refusesAMillionRowsAtTheRowLimitNamingIt() {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    csv.writeBytes("ref,action\n".getBytes(StandardCharsets.US_ASCII));
    byte[] row = "1.1,Deliver the training\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 1_000_000; i++) {
      csv.writeBytes(row);
    }
    long started = System.nanoTime();
    assertThatThrownBy(() -> Tables.read(csv.toByteArray()))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessage("The file has more than 100,000 rows: split it or raise ccr.imports.max-rows");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void refusesAHugeCellAsSoonAsItPassesTheCellLimit() {
    String csv = "ref,action\n1,\"" + "x".repeat(5_000_000) + "\"\n";
    assertThatThrownBy(() -> read(csv))
        .hasMessage(
            "Row 2, column B has more than 32,000 characters: shorten it or raise"
                + " ccr.imports.max-cell-characters");
    assertThat(read("ref,action\n1," + "y".repeat(32_000) + "\n").rows().get(0).cell(1))
        .hasSize(32_000);
  }

  @Test
  void keepsOnlyTheHeadersColumnsAndNeverHoldsTheRestOfAVeryWideRow() {
    String wide = "1,Act" + ",".repeat(2_000_000) + "far away\n";
    Table table = read("ref,action\n" + wide + "2,Act again" + ",x".repeat(50) + "\n");
    assertThat(cells(table)).containsExactly(List.of("1", "Act"), List.of("2", "Act again"));
    assertThat(read("ref,,action\n1,,Act,beyond\n").rows().get(0).cells())
        .containsExactly("1", "", "Act");
  }

  @Test
  void refusesAHeaderWithMoreColumnsThanTheLimit() {
    StringBuilder header = new StringBuilder("ref");
    for (int i = 1; i <= 100; i++) {
      header.append(",column ").append(i);
    }
    assertThatThrownBy(() -> read(header + "\n1\n"))
        .hasMessage(
            "The header row has more than 100 columns: remove the columns that are not imported"
                + " or raise ccr.imports.max-columns");
    assertThat(read(header.substring(0, header.lastIndexOf(",")) + "\n1\n").header()).hasSize(100);
  }

  @Test
  void refusesAFileThatExpandsPastTheSizeLimitAndOneThatTakesTooLong() {
    ImportLimits small = new ImportLimits(100_000, 100, 32_000, 1000, Duration.ofSeconds(10));
    assertThatThrownBy(
            () ->
                Tables.read(
                    ("ref,action\n" + "1,Act\n".repeat(200)).getBytes(StandardCharsets.UTF_8),
                    small))
        .hasMessage(
            "The file expands to more than 1,000 bytes once unpacked: split it or raise"
                + " ccr.imports.max-expanded-size");
    ImportLimits quick = new ImportLimits(1_000_000, 100, 32_000, 1L << 30, Duration.ofNanos(1));
    assertThatThrownBy(
            () ->
                Tables.read(
                    ("ref,action\n" + "1,Act\n".repeat(1000)).getBytes(StandardCharsets.UTF_8),
                    quick))
        .hasMessageStartingWith("Reading the file took longer than")
        .hasMessageEndingWith(": split it or raise ccr.imports.time-limit");
  }

  @Test
  void refusesBinaryAndEmptyFiles() {
    assertThatThrownBy(() -> Tables.read(new byte[0])).hasMessage("The file is empty");
    assertThatThrownBy(() -> Tables.read(new byte[] {'r', 'e', 'f', 0, 1}))
        .hasMessageContaining("it contains binary data");
    assertThatThrownBy(() -> read("\n,\n")).hasMessage("The file has no header row and no data");
  }
}
