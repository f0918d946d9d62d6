package org.ccrhub.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.audit.AuditQuery;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.documents.Documents;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.PlacesHeld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Every file that leaves CCR Hub, downloaded from a page or written by a command, is in the audit
 * trail: who took it and what it holds (kind, id, period, format), never anyone's personal data.
 */
@CcrHubTest
class ExportsIntegrationTests {

  static final String PLAN = "VAWG delivery plan";

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Prevention,,1.1,Run a campaign in schools,Q1,Jo Bloggs,Green,Campaign ran
      ,,1.2,Train GP practices in IRIS,Q4,Jo Bloggs,Red,Funding gap
      """;

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AdminCommands commands;
  @Autowired AuditTrail audit;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired IndicatorImport indicatorImport;
  @Autowired Exports exports;
  @Autowired Documents documents;
  @LocalServerPort int port;
  @TempDir Path dir;

  Partnership partnership;
  String adminEmail;
  MockHttpSession admin;
  DeliveryPlan plan;

  @BeforeEach
  void aPartnershipWithAPlanAndAnIndicator() throws Exception {
    partnership = fixtures.partnership();
    adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    admin = Fixtures.signIn(mvc, adminEmail);
    imports.run(
        partnership,
        new PlanImportRequest(
            PLAN,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    plan = plans.named(partnership, PLAN);
    indicatorImport.importDefinitions(
        partnership,
        "ref,name,unit\n1,Stalking referrals,count\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder values = new StringBuilder("indicator,period,value,area\n");
    for (int i = 0; i < 24; i++) {
      YearMonth month = YearMonth.of(2014, 10).plusMonths(i);
      values.append("1,").append(month).append(",").append(i == 23 ? 3 : 0).append(",\n");
      values.append("1,").append(month).append(",40,London\n");
    }
    indicatorImport.importValues(partnership, values.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyDownloadIsRecordedWithWhatItHoldsAndWhoTookIt() throws Exception {
    String base = "/p/" + partnership.slug();
    String planBase = base + "/plans/" + plan.id();
    long id = plan.id();

    for (String format : List.of("csv", "xlsx", "ods")) {
      download(planBase + "/export." + format + "?period=2016/17 Q2");
      assertThat(lastExport())
          .isEqualTo(
              tuple(
                  "EXPORT",
                  "DeliveryPlan",
                  "" + id,
                  "Downloaded delivery plan "
                      + id
                      + " with the ratings of 2016/17 Q2 as "
                      + format.toUpperCase()));
    }
    for (String format : List.of("csv", "xlsx", "pdf")) {
      download(planBase + "/exceptions." + format + "?period=2016/17 Q2");
      assertThat(lastExport())
          .isEqualTo(
              tuple(
                  "EXPORT",
                  "ExceptionReport",
                  "" + id,
                  "Downloaded the exception report of delivery plan "
                      + id
                      + " for 2016/17 Q2 as "
                      + format.toUpperCase()));
    }
    for (String format : List.of("csv", "xlsx", "pdf", "html")) {
      download(base + "/indicators/performance." + format + "?to=2016-09");
      assertThat(lastExport())
          .isEqualTo(
              tuple(
                  "EXPORT",
                  "PerformanceReport",
                  "2016-09",
                  "Downloaded the performance table for the 12 months to 2016-09, compared with"
                      + " London as "
                      + format.toUpperCase()));
    }
    for (String format : List.of("pdf", "html")) {
      download(
          base
              + "/board-pack/download?period=2016/17 Q2&plans="
              + id
              + "&format="
              + format
              + "&meetingDate.day=15&meetingDate.month=11&meetingDate.year=2016");
      assertThat(lastExport())
          .isEqualTo(
              tuple(
                  "EXPORT",
                  "BoardPack",
                  "2016/17 Q2",
                  "Downloaded the board pack for 2016/17 Q2 with delivery plans "
                      + id
                      + " and the performance table as "
                      + format.toUpperCase()));
    }

    List<AuditRecord> exports = exports();
    assertThat(exports).hasSize(12);
    assertThat(exports)
        .allSatisfy(
            r -> {
              assertThat(r.actor()).isEqualTo(adminEmail);
              assertThat(r.actorAccountId()).isNotNull();
              assertThat(r.sourceAddress()).isEqualTo("127.0.0.1");
              assertThat(r.summary()).doesNotContain("Jo Bloggs").doesNotContain(adminEmail);
            });
  }

  @Test
  void aRefusedDownloadIsNotRecorded() throws Exception {
    String base = "/p/" + partnership.slug();
    mvc.perform(get(base + "/plans/" + plan.id() + "/export.exe").session(admin))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/indicators/performance.csv?to=soon").session(admin))
        .andExpect(status().isBadRequest());
    mvc.perform(get(base + "/board-pack/download?period=Q9&format=pdf").session(admin))
        .andExpect(status().isBadRequest());

    assertThat(exports()).isEmpty();
  }

  @Test
  void everyFileACommandWritesIsRecordedAsTheCommandLines() throws Exception {
    long id = plan.id();
    export("plan export", "xlsx", "plan.xlsx", "--plan", PLAN, "--period", "2016/17 Q2");
    export("report exceptions", "html", "ex.html", "--plan", PLAN, "--period", "2016/17 Q2");
    export("report performance", "csv", "perf.csv", "--to", "2016-09");
    export("report performance", "csv", "open.csv", "--to", "2016-09", "--unsuppressed");
    export("report board-pack", "html", "pack.html", "--period", "2016/17 Q2");

    assertThat(Files.readString(dir.resolve("perf.csv"))).contains("<5");
    assertThat(Files.readString(dir.resolve("open.csv"))).doesNotContain("<5");
    List<AuditRecord> records =
        audit.search(
            partnership.id(), new AuditQuery(null, null, "command line", null, null, 1, 50));
    assertThat(records)
        .extracting(
            AuditRecord::action,
            AuditRecord::objectType,
            AuditRecord::objectId,
            AuditRecord::summary)
        .containsExactly(
            tuple(
                "EXPORT",
                "BoardPack",
                "2016/17 Q2",
                "Exported the board pack for 2016/17 Q2 with delivery plans "
                    + id
                    + " and the performance table as HTML to a file"),
            tuple(
                "EXPORT_UNSUPPRESSED",
                "PerformanceReport",
                "2016-09",
                "Exported the performance table for the 12 months to 2016-09, compared with"
                    + " London (small numbers shown) as CSV to a file"),
            tuple(
                "EXPORT",
                "PerformanceReport",
                "2016-09",
                "Exported the performance table for the 12 months to 2016-09, compared with"
                    + " London as CSV to a file"),
            tuple(
                "EXPORT",
                "ExceptionReport",
                "" + id,
                "Exported the exception report of delivery plan "
                    + id
                    + " for 2016/17 Q2 as HTML to a file"),
            tuple(
                "EXPORT",
                "DeliveryPlan",
                "" + id,
                "Exported delivery plan "
                    + id
                    + " with the ratings of 2016/17 Q2 as XLSX to a file"));
    assertThat(records).allSatisfy(r -> assertThat(r.sourceAddress()).isEqualTo("local"));
  }

  @Test
  void aFileACommandCouldNotWriteIsNotRecorded() {
    AdminCommands.Result result =
        commands.run(
            exportArguments(
                "report exceptions",
                "csv",
                "no-such-folder/ex.csv",
                "--plan",
                PLAN,
                "--period",
                "2016/17 Q2"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("cannot be written");
    assertThat(exports()).isEmpty();
  }

  /**
   * Over real HTTP, as a viewer's browser asks: while as many files as are allowed are being made,
   * a download waits a few seconds, then gets a plain page saying to try again, and nothing is
   * recorded as sent; once they are made, the same download works.
   */
  @Test
  void aDownloadWhileTheMostFilesAreBeingMadeWaitsThenGetsAPlainBusyPage() throws Exception {
    HttpBrowser viewer = new HttpBrowser(port);
    viewer.signIn(fixtures.user(partnership, Role.VIEWER), Fixtures.PASSWORD, null);
    String url =
        "/p/" + partnership.slug() + "/plans/" + plan.id() + "/export.xlsx?period=2016/17%20Q2";

    try (var held =
        PlacesHeld.all(work -> exports.gate().run(work, IllegalStateException::new), 2)) {
      long asked = System.nanoTime();
      HttpResponse<String> refused = viewer.get(url);
      assertThat((System.nanoTime() - asked) / 1_000_000).isGreaterThanOrEqualTo(4_900);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
      assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
      assertThat(refused.body()).contains("<title>Sorry, the service is busy");
      assertThat(text(refused.body()))
          .contains("Sorry, the service is busy")
          .contains("Too many files are being made just now. Try again in a minute.")
          .doesNotContain("Exception")
          .doesNotContain("BusyException");
    }
    assertThat(exports()).isEmpty();

    HttpResponse<String> made = viewer.get(url);
    assertThat(made.statusCode()).isEqualTo(200);
    assertThat(made.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(exports()).hasSize(1);
  }

  /**
   * A plan with more exceptions than a PDF can list in the server's memory: its exception report is
   * refused as a PDF, on the page and on the command line, with a plain message saying to download
   * the spreadsheet, which is made, as is the whole plan in every format.
   */
  @Test
  void aPdfTooLongToMakeIsRefusedPlainlyAndTheSpreadsheetsAreMade() throws Exception {
    int exceptions = documents.maxPdfCharacters() / 400 + 1;
    StringBuilder csv = new StringBuilder("ref,action,due,rag,comment\n");
    for (int i = 1; i <= exceptions; i++) {
      csv.append("9.").append(i).append(",Train staff in school ").append(i);
      csv.append(",Q1,Red,\"=HYPERLINK(\"\"http://x\"\")\"\n");
    }
    imports.run(
        partnership,
        new PlanImportRequest(
            "Long plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            csv.toString().getBytes(StandardCharsets.UTF_8)));
    DeliveryPlan longPlan = plans.named(partnership, "Long plan");
    HttpBrowser viewer = new HttpBrowser(port);
    viewer.signIn(fixtures.user(partnership, Role.VIEWER), Fixtures.PASSWORD, null);
    String base = "/p/" + partnership.slug() + "/plans/" + longPlan.id();

    HttpResponse<String> refused = viewer.get(base + "/exceptions.pdf?period=2016/17%20Q2");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
    assertThat(text(refused.body()))
        .contains("This file is too large to make")
        .contains(
            "This exception report is too long to make as a PDF. Download it as a spreadsheet"
                + " (XLSX or CSV) instead: it lists every exception.");
    assertThat(exports()).isEmpty();

    for (String file : List.of("exceptions.xlsx", "exceptions.csv")) {
      assertThat(viewer.get(base + "/" + file + "?period=2016/17%20Q2").statusCode())
          .as(file)
          .isEqualTo(200);
    }
    HttpResponse<String> plan = viewer.get(base + "/export.csv?period=2016/17%20Q2");
    assertThat(plan.body().lines().skip(1)).hasSize(exceptions);
    assertThat(plan.body()).contains(",Red,\"'=HYPERLINK(\"\"http://x\"\")\",2016/17 Q2");
    for (String format : List.of("xlsx", "ods")) {
      assertThat(viewer.get(base + "/export." + format + "?period=2016/17%20Q2").statusCode())
          .isEqualTo(200);
    }
    assertThat(exports()).hasSize(5);

    AdminCommands.Result command =
        commands.run(
            exportArguments(
                "report exceptions",
                "pdf",
                "long.pdf",
                "--plan",
                "Long plan",
                "--period",
                "2016/17 Q2"));
    assertThat(command.exitCode()).isEqualTo(1);
    assertThat(command.err())
        .contains("This exception report is too long to make as a PDF.")
        .doesNotContain("Exception:");
    assertThat(dir.resolve("long.pdf")).doesNotExist();
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }

  private void download(String url) throws Exception {
    mvc.perform(get(url).session(admin))
        .andExpect(status().isOk())
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
  }

  /** Runs a command that writes a file of the partnership, which must succeed. */
  private void export(String command, String format, String file, String... options) {
    AdminCommands.Result result = commands.run(exportArguments(command, format, file, options));
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  private String[] exportArguments(String command, String format, String file, String... options) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(
        List.of(
            "--partnership",
            partnership.slug(),
            "--format",
            format,
            "--out",
            dir.resolve(file).toString()));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  private org.assertj.core.groups.Tuple lastExport() {
    AuditRecord r = exports().get(0);
    return tuple(r.action(), r.objectType(), r.objectId(), r.summary());
  }

  /** The partnership's export records, newest first. */
  private List<AuditRecord> exports() {
    return audit
        .search(partnership.id(), new AuditQuery(null, null, null, null, null, 1, 200))
        .stream()
        .filter(r -> r.action().startsWith("EXPORT"))
        .toList();
  }
}
