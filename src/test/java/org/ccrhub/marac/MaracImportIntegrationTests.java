package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code marac import} of an XLSX workbook, and the nightly retention job over every MARAC. */
@CcrHubTest
class MaracImportIntegrationTests {

  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracImport imports;
  @Autowired DataReturns dataReturns;
  @Autowired MaracRetentionJob retentionJob;
  @Autowired JdbcClient jdbc;

  Marac aMarac(Partnership partnership) {
    return maracs.create(
        partnership,
        "Northbridge MARAC",
        MaracSettings.defaults(112_350),
        MeetingFrequency.MONTHLY);
  }

  /** The CSV history as a workbook: a real date cell, numbers as numbers, the rest as text. */
  static byte[] workbook(String csv) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Referrals");
      CellStyle date = book.createCellStyle();
      date.setDataFormat((short) 14);
      List<String> lines = csv.lines().toList();
      for (int r = 0; r < lines.size(); r++) {
        Row row = sheet.createRow(r);
        List<String> cells = split(lines.get(r));
        for (int c = 0; c < cells.size(); c++) {
          String value = cells.get(c);
          if (value.isEmpty()) {
            continue;
          }
          if (r > 0 && c == 0 && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            var cell = row.createCell(c);
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(date);
          } else if (r > 0 && value.matches("\\d+")) {
            row.createCell(c).setCellValue(Integer.parseInt(value));
          } else {
            row.createCell(c).setCellValue(value);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  /** One CSV line's cells (quotes as the history writes them). */
  static List<String> split(String line) {
    List<String> cells = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  @Test
  void importsAWorkbookAsItImportsTheSameRowsFromCsv() throws Exception {
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    String history = MaracCommandsIntegrationTests.history(today);
    Partnership fromCsv = fixtures.partnership();
    Partnership fromXlsx = fixtures.partnership();
    Marac csvMarac = aMarac(fromCsv);
    Marac xlsxMarac = aMarac(fromXlsx);

    MaracImportResult csv =
        imports.importReferrals(fromCsv, csvMarac, history.getBytes(StandardCharsets.UTF_8));
    MaracImportResult xlsx = imports.importReferrals(fromXlsx, xlsxMarac, workbook(history));

    assertThat(xlsx.summary())
        .isEqualTo(
            "Imported 14 referrals: 12 heard at a meeting, 2 not yet heard, 3 repeats,"
                + " 11 meetings created, 1 near match to review.");
    assertThat(xlsx.summary()).isEqualTo(csv.summary());
    assertThat(xlsx.agenciesCreated()).isEqualTo(csv.agenciesCreated());
    assertThat(xlsx.nearMatches()).extracting(MaracImportResult.RowMatch::row).containsExactly(11);
    ReportingPeriod from = ReportingPeriod.parse("2016/17 Q1");
    ReportingPeriod to = ReportingPeriod.parse("2016/17 Q4");
    DataReturn xlsxReturn = dataReturns.count(xlsxMarac, from, to);
    assertThat(xlsxReturn).isEqualTo(dataReturns.count(csvMarac, from, to));
    assertThat(
            xlsxReturn.rows().stream()
                .map(r -> String.join(",", r) + "\r\n")
                .reduce(MaracCommandsIntegrationTests.COLUMNS + "\r\n", String::concat))
        .isEqualTo(MaracCommandsIntegrationTests.EXPECTED);
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_referral where marac_id = :m"
                        + " and referral_date = date '2016-04-05' and dash_score = 12")
                .param("m", xlsxMarac.id())
                .query(Integer.class)
                .single())
        .isOne();
  }

  @Test
  void theRetentionJobPurgesEveryMarac() {
    String row =
        MaracCommandsIntegrationTests.HEADER
            + "01/02/1991,08/02/1991,Old Case,01/01/1960,,female,White,no,no,,,,,,"
            + "Northbridge Police,Police,14,,0\r\n"
            + "01/02/1998,,Later Case,01/01/1960,,female,White,no,no,,,,,,"
            + "Northbridge Police,Police,14,,0\r\n";
    Partnership first = fixtures.partnership();
    Partnership second = fixtures.partnership();
    Marac a = aMarac(first);
    Marac b = aMarac(second);
    Marac c =
        maracs.create(
            second, "Southbridge MARAC", MaracSettings.defaults(1000), MeetingFrequency.MONTHLY);
    for (Marac marac : List.of(a, b, c)) {
      Partnership partnership = marac == a ? first : second;
      imports.importReferrals(partnership, marac, row.getBytes(StandardCharsets.UTF_8));
    }

    // in 1998, the 1991 case is over 6 years old; the 1998 one is not
    int purged = retentionJob.purge(LocalDate.of(1998, 6, 1));

    assertThat(purged).isGreaterThanOrEqualTo(3);
    for (Marac marac : List.of(a, b, c)) {
      assertThat(
              jdbc.sql(
                      "select string_agg(coalesce(victim_name, '-'), ',' order by referral_date)"
                          + " from marac_referral where marac_id = :m")
                  .param("m", marac.id())
                  .query(String.class)
                  .single())
          .isEqualTo("-,Later Case");
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where action = 'PURGE'"
                          + " and object_type = 'Marac' and object_id = :id")
                  .param("id", Long.toString(marac.id()))
                  .query(Integer.class)
                  .single())
          .isOne();
    }
    assertThat(retentionJob.purge(LocalDate.of(1998, 6, 1))).isZero();
  }
}
