package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code sharing import} and {@code sharing stats} as a data protection lead runs them: a decision
 * log with known turnaround times and due dates (10 working days, bank holidays skipped), whose
 * figures are worked out by hand below.
 */
@CcrHubTest
class SharingCommandsIntegrationTests {

  static final String HEADER =
      "request_date,requesting_agency,requesting_officer,asked_agency,protocol,subject_role,"
          + "purpose,urgent,needed_by,consent,lawful_basis,decision_date,decision,reasons,"
          + "subject_told,not_told_reason,authorised_by,information_types,method\r\n";

  /**
   * Police to council: rows 2 to 5, made on Monday 23 May 2016 (due Tuesday 7 June, the spring bank
   * holiday skipped), decided in 3 days (shared) and 18 days (in part, after the due date), a
   * refusal in 2 days, and an urgent request of Friday 1 July 2016 (due Monday 4 July) still open.
   * Council to police: row 6 made Friday 16 December 2016, due Wednesday 4 January 2017 (26 and 27
   * December and 2 January skipped), decided on 5 January (20 days, after the due date); row 7 open
   * and needed by 20 April 2017, so not overdue on 31 March; row 8 made after the period. Safe
   * Haven to police: row 9 decided the same day.
   */
  static final String LOG =
      HEADER
          + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,victim,"
          + "Risk assessment for a MARAC referral,no,,given,"
          + "UK GDPR 6(1)(e); Crime and Disorder Act 1998 s115,2016-05-26,share,,,,"
          + "J Brown (Information Governance),Contact details; Police incidents,secure email\r\n"
          + "23/05/2016,Northbridge Police,DC Bob Jones,Northbridge Council,northbridge  isp,"
          + "suspect,Investigation of an assault,no,,not sought,"
          + "UK GDPR Article 6(1)(e); UK GDPR 10; DPA 2018 Sch 1 para 10,10/06/2016,share in part,"
          + "Prevention or detection of crime; Health records withheld: not relevant,no,"
          + "Telling him would prejudice the investigation,J Brown,Offending history,Portal\r\n"
          + "2016-06-01,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
          + "victim; child,School attendance,no,,refused,UK GDPR 6(1)(e); Children Act 2004 s11,"
          + "2016-06-03,refuse,Not necessary: the council holds no record,,,J Brown,,\r\n"
          + "01/07/2016,Northbridge Police,,Northbridge Council,Northbridge ISP,victim,"
          + "Address check,yes,,given,UK GDPR 6(1)(e),,,,,,,,\r\n"
          + "2016-12-16,Northbridge Council,Cat Green,Northbridge Police,Northbridge ISP,witness,"
          + "Housing allocation,no,,given,UK GDPR 6(1)(e),2017-01-05,share,,yes,,Sgt Lee,"
          + "Police incidents,phone\r\n"
          + "2017-03-30,Northbridge Council,Cat Green,Northbridge Police,Northbridge ISP,victim,"
          + "Tenancy review,no,2017-04-20,given,UK GDPR 6(1)(e),,,,,,,,\r\n"
          + "2017-04-03,Northbridge Council,Cat Green,Northbridge Police,Northbridge ISP,Parent,"
          + "Tenancy review,no,,given,UK GDPR 6(1)(e),,,,,,,,\r\n"
          + "2016-09-05,Safe Haven,Dee White,Northbridge Police,Northbridge ISP,victim,"
          + "Safety planning,no,,given,UK GDPR 6(1)(e),2016-09-05,share,,,,Sgt Lee,"
          + "Risk assessment; Housing history,in person\r\n";

  static final String FIGURES =
      String.join(",", SharingStatistics.COLUMNS)
          + "\r\nNorthbridge Council,Northbridge Police,2,1,0,0,1,1,20,20"
          + "\r\nNorthbridge Police,Northbridge Council,4,1,1,1,1,2,3,18"
          + "\r\nSafe Haven,Northbridge Police,1,1,0,0,0,0,0,0\r\n";

  @Autowired AdminCommands commands;
  @Autowired Partnerships partnerships;
  @Autowired JdbcClient jdbc;
  @Autowired SharingRetention retention;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
  @TempDir Path dir;

  String aPartnership() {
    String slug = "sharing-" + System.nanoTime();
    assertThat(
            commands
                .run("partnership", "create", "--slug", slug, "--name", "Sharing CSP")
                .exitCode())
        .isZero();
    return slug;
  }

  Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  String stats(String slug, String from, String to) throws Exception {
    Path out = dir.resolve("stats-" + System.nanoTime() + ".csv");
    AdminCommands.Result result =
        commands.run(
            "sharing",
            "stats",
            "--partnership",
            slug,
            "--from",
            from,
            "--to",
            to,
            "--format",
            "csv",
            "--out",
            out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  int requests(Partnership partnership) {
    return jdbc.sql("select count(*) from sharing_request where partnership_id = :p")
        .param("p", partnership.id())
        .query(Integer.class)
        .single();
  }

  @Test
  void importsALogAndCountsItsFiguresAsWorkedOutByHand() throws Exception {
    String slug = aPartnership();
    Partnership partnership = partnerships.named(slug);
    Path log = file("decision-log.csv", LOG);

    AdminCommands.Result imported =
        commands.run("sharing", "import", "--partnership", slug, "--file", log.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .isEqualTo(
            "Imported 8 requests (numbers 1 to 8): 5 decided, 3 still open.\n"
                + "Agency created (type Other, correct it on the Agencies page):"
                + " Northbridge Police\n"
                + "Agency created (type Other, correct it on the Agencies page):"
                + " Northbridge Council\n"
                + "Agency created (type Other, correct it on the Agencies page): Safe Haven\n"
                + "Protocol created as a past record, in force 2016-05-23 to 2017-04-03, so it"
                + " takes no new requests until it is reviewed: Northbridge ISP (parties:"
                + " Northbridge Council, Northbridge Police, Safe Haven)\n"
                + "Type of information added: Housing history\n"
                + "Warning: Row 8, column subject_role ('Parent'): Not a role on the list (victim,"
                + " informant, witness, suspect, offender, child, other): imported as other, in"
                + " these words\n");
    assertThat(stats(slug, "2016-04-01", "2017-03-31")).isEqualTo(FIGURES);
    // due dates as everyone was told them: 10 working days, bank holidays skipped
    assertThat(
            jdbc.sql(
                    "select number || ' ' || due_on from sharing_request"
                        + " where partnership_id = :p order by number")
                .param("p", partnership.id())
                .query(String.class)
                .list())
        .containsExactly(
            "1 2016-06-07",
            "2 2016-06-07",
            "3 2016-06-15",
            "4 2016-07-04",
            "5 2017-01-04",
            "6 2017-04-20",
            "7 2017-04-19",
            "8 2016-09-19");
    // the log entries keep what the seed's decision record asks, without any subject's details
    assertThat(
            jdbc.sql(
                    """
                    select d.outcome || '|' || d.reasons || '|' || array_to_string(d.grounds, ',')
                        || '|' || d.with_consent || '|' || coalesce(d.subject_told::text, '')
                        || '|' || d.not_told_reason || '|' || d.requester_name || '|'
                        || d.requester_agency || '|' || d.protocol_title || '|'
                        || coalesce(d.method, '') || '|' || d.supplied_on
                    from sharing_decision d join sharing_request r on r.id = d.request_id
                    where r.partnership_id = :p and r.number = 2
                    """)
                .param("p", partnership.id())
                .query(String.class)
                .single())
        .isEqualTo(
            "SHARE_IN_PART|Health records withheld: not relevant|PREVENTION_OR_DETECTION_OF_CRIME"
                + "|false|false|Telling him would prejudice the investigation|DC Bob Jones"
                + "|Northbridge Police|Northbridge ISP|PORTAL|2016-06-10");
    assertThat(
            jdbc.sql(
                    """
                    select string_agg(b.code, '; ' order by b.sort)
                    from sharing_request r
                    join sharing_request_basis rb on rb.request_id = r.id
                    join lawful_basis b on b.id = rb.basis_id
                    where r.partnership_id = :p and r.number = 2
                    """)
                .param("p", partnership.id())
                .query(String.class)
                .single())
        .isEqualTo("UK GDPR 6(1)(e); UK GDPR 10; DPA 2018 Sch 1 para 10");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where partnership_id = :p"
                        + " and action = 'IMPORT' and object_type = 'DecisionLog'")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isOne();

    Path board = dir.resolve("board.csv");
    AdminCommands.Result suppressed =
        commands.run(
            "sharing",
            "stats",
            "--partnership",
            slug,
            "--from",
            "2016-04-01",
            "--to",
            "2017-03-31",
            "--format",
            "csv",
            "--out",
            board.toString(),
            "--suppressed");
    assertThat(suppressed.exitCode()).as(suppressed.err()).isZero();
    assertThat(Files.readString(board, StandardCharsets.UTF_8))
        .isEqualTo(
            String.join(",", SharingStatistics.COLUMNS)
                + "\r\nNorthbridge Council,Northbridge Police,<5,<5,0,0,<5,<5,[c],[c]"
                + "\r\nNorthbridge Police,Northbridge Council,<5,<5,<5,<5,<5,<5,[c],[c]"
                + "\r\nSafe Haven,Northbridge Police,<5,<5,0,0,0,0,[c],[c]\r\n");

    AdminCommands.Result again =
        commands.run("sharing", "import", "--partnership", slug, "--file", log.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .startsWith("Imported 0 requests. 8 rows were imported before and left as they were.\n");
    assertThat(requests(partnership)).isEqualTo(8);
    assertThat(stats(slug, "2016-04-01", "2017-03-31")).isEqualTo(FIGURES);
  }

  @Test
  void writesTheDecisionLogThatReadsBackAsTheSameFigures() throws Exception {
    String slug = aPartnership();
    Path log = file("decision-log.csv", LOG);
    assertThat(
            commands
                .run("sharing", "import", "--partnership", slug, "--file", log.toString())
                .exitCode())
        .isZero();

    Path csv = dir.resolve("OFFICIAL-SENSITIVE decision log.csv");
    AdminCommands.Result written =
        commands.run(
            "sharing",
            "log",
            "--partnership",
            slug,
            "--from",
            "2016-04-01",
            "--to",
            "2017-03-31",
            "--format",
            "csv",
            "--out",
            csv.toString(),
            "--reason",
            "ICO enquiry 123");
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).contains("(5 entries, OFFICIAL-SENSITIVE)");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo(
            String.join(",", ImportedLog.COLUMNS)
                + ",request_number,entry,recorded_at,recorded_by,corrects_entry,"
                + "correction_reason,superseded,due_date,date_supplied,summary");
    assertThat(lines).hasSize(6);
    // by decision date: the refusal of 3 June 2016 second
    assertThat(lines.get(2))
        .startsWith(
            "2016-06-01,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
                + "victim; child,School attendance,no,,refused,UK GDPR 6(1)(e); Children Act 2004"
                + " s11,2016-06-03,refuse,Not necessary: the council holds no record,,,J Brown,,,3,")
        .endsWith(",no,2016-06-15,,School attendance");
    assertThat(lines.get(3))
        .startsWith("2016-05-23,Northbridge Police,DC Bob Jones,")
        .contains(
            ",share in part,Prevention or detection of crime; Health records withheld: not"
                + " relevant,no,Telling him would prejudice the investigation,J Brown,"
                + "Offending history,portal,2,");

    // what the log wrote reads back in as the same requests and decisions
    String again = aPartnership();
    AdminCommands.Result reimported =
        commands.run("sharing", "import", "--partnership", again, "--file", csv.toString());
    assertThat(reimported.exitCode()).as(reimported.err()).isZero();
    assertThat(reimported.out()).startsWith("Imported 5 requests (numbers 1 to 5): 5 decided");
    assertThat(stats(again, "2016-04-01", "2017-03-31"))
        .isEqualTo(
            String.join(",", SharingStatistics.COLUMNS)
                + "\r\nNorthbridge Council,Northbridge Police,1,1,0,0,0,1,20,20"
                + "\r\nNorthbridge Police,Northbridge Council,3,1,1,1,0,1,3,18"
                + "\r\nSafe Haven,Northbridge Police,1,1,0,0,0,0,0,0\r\n");

    Path pdf = dir.resolve("log.pdf");
    assertThat(
            commands
                .run(
                    "sharing",
                    "log",
                    "--partnership",
                    slug,
                    "--from",
                    "2016-04-01",
                    "--to",
                    "2017-03-31",
                    "--format",
                    "pdf",
                    "--out",
                    pdf.toString())
                .exitCode())
        .isZero();
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("OFFICIAL-SENSITIVE", "Information sharing decision log", "DC Bob Jones")
          .contains("Share in part, 10 June 2016");
    }
    Path xlsx = dir.resolve("log.xlsx");
    assertThat(
            commands
                .run(
                    "sharing",
                    "log",
                    "--partnership",
                    slug,
                    "--from",
                    "2016-04-01",
                    "--to",
                    "2017-03-31",
                    "--format",
                    "xlsx",
                    "--out",
                    xlsx.toString(),
                    "--reason",
                    "Board audit")
                .exitCode())
        .isZero();
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("OFFICIAL-SENSITIVE");
    }
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where partnership_id = :p"
                        + " and action = 'EXPORT' and object_type = 'DecisionLog' order by id")
                .param("p", partnerships.named(slug).id())
                .query(String.class)
                .list())
        .hasSize(3)
        .first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("ICO enquiry 123");
  }

  @Test
  void removesPersonalDetailsAtRetentionKeepingTheLogAndTheFigures() throws Exception {
    String slug = aPartnership();
    Partnership partnership = partnerships.named(slug);
    importTheLog(slug);

    AdminCommands.Result dry = commands.run("sharing", "purge", "--partnership", slug, "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .startsWith("kind,number,from,kept_until\nrequest,1,2016-05-26,2022-05-26\n")
        .contains("request,4,2016-07-01,2022-07-01\n")
        .endsWith("8 would lose personal details (dry run: nothing was changed).\n");
    assertThat(
            jdbc.sql(
                    "select count(*) from sharing_request where partnership_id = :p and purpose is not null")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isEqualTo(8);

    AdminCommands.Result purged = commands.run("sharing", "purge", "--partnership", slug);
    assertThat(purged.out()).endsWith("Personal details removed from 8.\n");
    assertThat(
            jdbc.sql(
                    "select count(*) from sharing_request where partnership_id = :p"
                        + " and purpose is null and purged_at is not null")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isEqualTo(8);
    assertThat(stats(slug, "2016-04-01", "2017-03-31")).isEqualTo(FIGURES);
    assertThat(commands.run("sharing", "purge", "--partnership", slug, "--dry-run").out())
        .contains("0 would lose personal details");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where partnership_id = :p and action = 'PURGE'"
                        + " and object_type = 'SharingRequests'")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isOne();
  }

  @Test
  void twoNodesPurgingAtOnceRemoveTheDetailsOnceWithOneAuditRecord() throws Exception {
    String slug = aPartnership();
    Partnership partnership = partnerships.named(slug);
    importTheLog(slug);
    java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 3);

    org.ccrhub.Overlapping.Results<Integer> both =
        org.ccrhub.Overlapping.run(
            transactions,
            jdbc,
            () -> retention.purge(partnership, today, "node A"),
            () -> retention.purge(partnership, today, "node B"));

    assertThat(both.first()).isEqualTo(8);
    assertThat(both.second()).isZero();
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where partnership_id = :p and action = 'PURGE'"
                        + " and object_type = 'SharingRequests'")
                .param("p", partnership.id())
                .query(String.class)
                .list())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("by node A");
  }

  private void importTheLog(String slug) throws Exception {
    assertThat(
            commands
                .run(
                    "sharing",
                    "import",
                    "--partnership",
                    slug,
                    "--file",
                    file("decision-log.csv", LOG).toString())
                .exitCode())
        .isZero();
  }

  @Test
  void refusesALogWithAnyProblemListingEveryOneAndStoringNothing() throws Exception {
    String slug = aPartnership();
    Partnership partnership = partnerships.named(slug);
    Path log =
        file(
            "bad-log.csv",
            HEADER
                // row 2: a refusal without reasons
                + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
                + "victim,Check,no,,given,UK GDPR 6(1)(e),2016-05-26,refuse,,,,,,\r\n"
                // row 3: sharing without consent without a ground
                + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
                + "suspect,Check,no,,not sought,UK GDPR 6(1)(e),2016-05-26,share,Needed,yes,,,"
                + "Police incidents,portal\r\n"
                // row 4: a basis nobody knows, a date that is not one, urgent neither yes nor no
                + "31/02/2016,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
                + "victim,Check,maybe,,given,GDPR Art 99,,,,,,,,\r\n"
                // row 5: still open, but a decision date; the same agency asking and asked
                + "2016-05-23,Northbridge Police,PC Ann Smith,northbridge police,Northbridge ISP,"
                + "victim,Check,no,,perhaps,UK GDPR 6(1)(e),2016-05-26,,,,,,,\r\n");

    AdminCommands.Result result =
        commands.run("sharing", "import", "--partnership", slug, "--file", log.toString());

    assertThat(result.exitCode()).isOne();
    assertThat(result.err())
        .contains(
            "Row 2, column reasons: Give the reasons for refusing",
            "Row 3, column reasons ('Needed'): Choose the grounds for sharing without consent",
            "Row 4, column request_date ('31/02/2016'): Enter a real date",
            "Row 4, column urgent ('maybe'): Enter yes or no",
            "Row 4, column lawful_basis ('GDPR Art 99'): Not a lawful basis CCR Hub knows",
            "Row 5, column asked_agency ('northbridge police'): The agency asked must not be the"
                + " agency asking",
            "Row 5, column consent ('perhaps'): Enter given, refused or not sought",
            "Row 5, column decision_date ('2016-05-26'): The row has no decision");
    assertThat(requests(partnership)).isZero();
    assertThat(
            jdbc.sql("select count(*) from agency where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void writesNoFiguresForABackwardsPeriodOrAnotherFormat() {
    String slug = aPartnership();
    AdminCommands.Result backwards =
        commands.run(
            "sharing",
            "stats",
            "--partnership",
            slug,
            "--from",
            "2017-03-31",
            "--to",
            "2016-04-01",
            "--format",
            "csv",
            "--out",
            dir.resolve("x.csv").toString());
    assertThat(backwards.exitCode()).isOne();
    assertThat(backwards.err()).contains("--to must be on or after --from");
    AdminCommands.Result xlsx =
        commands.run(
            "sharing",
            "stats",
            "--partnership",
            slug,
            "--from",
            "2016-04-01",
            "--to",
            "2017-03-31",
            "--format",
            "xlsx",
            "--out",
            dir.resolve("x.xlsx").toString());
    assertThat(xlsx.exitCode()).isOne();
    assertThat(xlsx.err()).contains("Format 'xlsx' is not valid: use csv");
  }
}
