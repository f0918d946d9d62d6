package org.ccrhub.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ccrhub.Fixtures.CLOCK;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.audit.AuditQuery;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Issuing a board pack keeps it as it was issued: listed on the board pack page, downloaded with
 * the same bytes however the figures change later, out of other partnerships' reach, and beyond the
 * application's power to change or remove.
 */
@CcrHubTest
class IssuedBoardPackIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Prevention,,1.1,Concerted partnership work in hotspots,Q3/4,Community Safety Team; Youth service,Red,Hotspot patrols paused
      ,,1.2,Train GP practices in IRIS,Business as usual,Public health,Green,On track
      """;

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AdminCommands commands;
  @Autowired AuditTrail audit;
  @Autowired PlanImport imports;
  @Autowired IndicatorImport indicatorImport;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  @TempDir Path dir;

  Partnership partnership;
  String base;
  String leadEmail;
  MockHttpSession lead;
  MockHttpSession viewer;

  @BeforeEach
  void aPartnershipWithAPlanAndAnIndicator() throws Exception {
    partnership = fixtures.partnership();
    base = "/p/" + partnership.slug() + "/board-pack";
    leadEmail = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    lead = Fixtures.signIn(mvc, leadEmail);
    viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    imports.run(
        partnership,
        new PlanImportRequest(
            "VAWG delivery plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    indicatorImport.importDefinitions(
        partnership,
        "ref,name,unit\n1,Domestic abuse offences,count\n".getBytes(StandardCharsets.UTF_8));
    StringBuilder values = new StringBuilder("indicator,period,value\n");
    for (int i = 0; i < 24; i++) {
      values.append("1,").append(YearMonth.of(2014, 10).plusMonths(i)).append(",50\n");
    }
    indicatorImport.importValues(partnership, values.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anIssuedPackIsListedAndDownloadedAsIssuedAfterTheFiguresChange() throws Exception {
    String confirm =
        page(
            lead,
            get(base + "/issue")
                .param("period", "2016/17 Q2")
                .param("board", "Safer Borough board")
                .param("meetingDate.day", "15")
                .param("meetingDate.month", "11")
                .param("meetingDate.year", "2016")
                .param("format", "html"));
    assertThat(text(confirm))
        .contains("Issue the board pack for 2016/17 Q2")
        .contains("Board Safer Borough board")
        .contains("Meeting 15 November 2016")
        .contains("Figures to September 2016")
        .contains("Plans VAWG delivery plan")
        .contains("cannot be changed or removed");
    assertThat(confirm)
        .contains("name=\"period\" value=\"2016/17 Q2\"")
        .contains("name=\"meetingDate.day\" value=\"15\"")
        .contains("name=\"dataMonth\" value=\"2016-09\"")
        .doesNotContain("name=\"format\"");
    assertThat(issuedCount()).isZero();

    mvc.perform(confirmation(confirm).session(lead).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", base + "#issued"));
    long id = newestIssuedId();

    String list = text(page(viewer, get(base)));
    assertThat(list)
        .contains("Issued board packs")
        .containsPattern(
            "2016/17 Q2 September 2016 15 November 2016 Test Strategic lead \\d{1,2} \\w+ \\d{4} at"
                + " "
                + CLOCK
                + " Download the board pack for 2016/17 Q2 issued on .* \\(PDF,"
                + " \\d+ KB\\)");
    assertThat(page(viewer, get(base))).contains(base + "/issued/" + id + ".pdf");

    byte[] issued = download(viewer, base + "/issued/" + id + ".pdf");
    assertThat(pdfText(issued))
        .contains("Safer Borough board: board pack")
        .contains("Domestic abuse offences 600 600")
        .contains("Community Safety Team; Youth service");
    assertThat(sha256(issued))
        .isEqualTo(
            jdbc.sql("select sha256 from issued_board_pack where id = :id")
                .param("id", id)
                .query(String.class)
                .single());

    // the figures change: September 2016 is corrected
    indicatorImport.importValues(
        partnership, "indicator,period,value\n1,2016-09,80\n".getBytes(StandardCharsets.UTF_8));
    byte[] draft =
        download(
            lead,
            base
                + "/download?period=2016/17 Q2&board=Safer Borough board"
                + "&meetingDate.day=15&meetingDate.month=11&meetingDate.year=2016&format=pdf");
    assertThat(pdfText(draft)).contains("Domestic abuse offences 600 630");

    byte[] again = download(viewer, base + "/issued/" + id + ".pdf");
    assertThat(again).isEqualTo(issued);
    assertThat(pdfText(again)).contains("Domestic abuse offences 600 600");

    List<AuditRecord> records =
        audit.search(partnership.id(), new AuditQuery(null, null, null, null, null, 1, 50));
    assertThat(records)
        .filteredOn(r -> r.objectType() != null && r.objectType().equals("IssuedBoardPack"))
        .extracting(AuditRecord::action, AuditRecord::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "EXPORT", "Downloaded issued board pack " + id + " for 2016/17 Q2 as PDF"),
            org.assertj.core.groups.Tuple.tuple(
                "EXPORT", "Downloaded issued board pack " + id + " for 2016/17 Q2 as PDF"),
            org.assertj.core.groups.Tuple.tuple(
                "ISSUE",
                "Issued board pack "
                    + id
                    + " for 2016/17 Q2, figures to 2016-09, with delivery plans "
                    + planId()
                    + ": PDF of "
                    + issued.length
                    + " bytes, SHA-256 "
                    + sha256(issued)));
  }

  @Test
  void anotherPartnershipsPackIsNotFound() throws Exception {
    issue();
    long id = newestIssuedId();
    Partnership other = fixtures.partnership();
    MockHttpSession otherAdmin = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));

    mvc.perform(get("/p/" + other.slug() + "/board-pack/issued/" + id + ".pdf").session(otherAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/issued/" + id + ".pdf").session(otherAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/issued/" + (id + 1000) + ".pdf").session(viewer))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/issued/seven.pdf").session(viewer)).andExpect(status().isNotFound());
    assertThat(text(page(otherAdmin, get("/p/" + other.slug() + "/board-pack"))))
        .contains("No board pack has been issued yet.");
  }

  @Test
  void onlyAdministratorsAndStrategicLeadsIssuePacks() throws Exception {
    assertThat(page(lead, get(base))).contains("Issue board pack");
    assertThat(page(viewer, get(base)))
        .contains("Download a draft")
        .doesNotContain("Issue board pack");

    mvc.perform(get(base + "/issue").param("period", "2016/17 Q2").session(viewer))
        .andExpect(status().isForbidden());
    mvc.perform(post(base + "/issue").param("period", "2016/17 Q2").session(viewer).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post(base + "/issue").param("period", "2016/17 Q2").session(lead))
        .andExpect(status().isForbidden());
    assertThat(issuedCount()).isZero();
  }

  /** Over real HTTP: the check of the choices goes to the form's own download, as a server does. */
  @Test
  void wrongChoicesShowTheFormAgainWithTheProblem() throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    browser.signIn(leadEmail, Fixtures.PASSWORD, null);
    HttpResponse<String> form =
        browser.get(
            base
                + "/issue?period=Q9&meetingDate.day=31&meetingDate.month=2&meetingDate.year=2016"
                + "&format=pdf");
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.body()).contains("<title>Error: Board pack");
    assertThat(text(form.body()))
        .contains("There is a problem")
        .contains("Enter the period as a financial year and a quarter, like ")
        .contains("The meeting date must be a real date")
        .contains("Download a draft");
    // a confirmation changed by hand issues nothing
    mvc.perform(
            post(base + "/issue")
                .param("period", "Q9")
                .param("plans", "999999")
                .param("issueToken", UUID.randomUUID().toString())
                .session(lead)
                .with(csrf()))
        .andExpect(status().isBadRequest());
    mvc.perform(post(base + "/issue").param("period", "2016/17 Q2").session(lead).with(csrf()))
        .andExpect(status().isBadRequest());
    assertThat(issuedCount()).isZero();
  }

  /**
   * The confirmation carries the day and month it showed, not blanks worked out again when it is
   * confirmed, and a one-time token: sending it twice issues one pack.
   */
  @Test
  void theConfirmationIssuesWhatItShowedOnce() throws Exception {
    String confirm = page(lead, get(base + "/issue").param("period", "2016/17 Q2"));
    String today = LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
    assertThat(confirm)
        .contains("name=\"meetingDate.year\" value=\"" + today.substring(0, 4) + "\"")
        .contains("name=\"dataMonth\" value=\"2016-09\"")
        .containsPattern("name=\"issueToken\" value=\"[0-9a-f-]{36}\"");

    // figures for October arrive before it is confirmed: the pack confirmed is still September's
    indicatorImport.importValues(
        partnership, "indicator,period,value\n1,2016-10,70\n".getBytes(StandardCharsets.UTF_8));
    mvc.perform(confirmation(confirm).session(lead).with(csrf()))
        .andExpect(header().string("Location", base + "#issued"));
    mvc.perform(confirmation(confirm).session(lead).with(csrf()))
        .andExpect(header().string("Location", base + "#issued"))
        .andExpect(flash().attribute("message", "Board pack for 2016/17 Q2 was already issued"));
    assertThat(issuedCount()).isEqualTo(1);
    assertThat(text(page(viewer, get(base)))).contains("2016/17 Q2 September 2016");
  }

  /**
   * The back button fetches the confirmation again, with a new token: it says that a pack with
   * these choices was issued already, and issuing again keeps a second one.
   */
  @Test
  void theConfirmationSaysWhenThePackWasIssuedAlready() throws Exception {
    issue();
    String again =
        page(
            lead,
            get(base + "/issue")
                .param("period", "2016/17 Q2")
                .param("board", "Safer Borough board"));
    assertThat(text(again))
        .containsPattern(
            "A board pack with these choices was issued on \\d{1,2} \\w+ \\d{4} at"
                + " "
                + CLOCK
                + " by Test Strategic lead\\. Issuing it again keeps a second"
                + " pack beside it\\.");
    assertThat(text(page(lead, get(base + "/issue").param("period", "2016/17 Q2"))))
        .as("another board")
        .doesNotContain("with these choices was issued");
  }

  /**
   * A pack confirmed without some figures is not issued if others went missing since: the
   * confirmation agreed to go without the ones it named.
   */
  @Test
  void moreFiguresMissingThanConfirmedIssueNothing() throws Exception {
    indicatorImport.importDefinitions(
        partnership, "ref,name,unit\n2,Stalking offences,count\n".getBytes(StandardCharsets.UTF_8));
    String download =
        page(lead, get(base + "/download").param("period", "2016/17 Q2").param("format", "pdf"));
    Matcher agreement =
        Pattern.compile("name=\"withoutMissing\" type=\"checkbox\" value=\"([^\"]+)\"")
            .matcher(download);
    assertThat(agreement.find()).isTrue();
    String confirm =
        page(
            lead,
            get(base + "/issue")
                .param("period", "2016/17 Q2")
                .param("withoutMissing", agreement.group(1)));
    assertThat(text(confirm)).contains("Stalking offences");
    indicatorImport.importDefinitions(
        partnership, "ref,name,unit\n3,Sexual offences,count\n".getBytes(StandardCharsets.UTF_8));

    mvc.perform(confirmation(confirm).session(lead).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(issuedCount()).isZero();
  }

  /** An indicator added after the confirmation was shown sends the person back to it. */
  @Test
  void figuresMissingSinceTheConfirmationIssueNothing() throws Exception {
    String confirm = page(lead, get(base + "/issue").param("period", "2016/17 Q2"));
    assertThat(confirm).doesNotContain("name=\"withoutMissing\"");
    indicatorImport.importDefinitions(
        partnership, "ref,name,unit\n2,Stalking offences,count\n".getBytes(StandardCharsets.UTF_8));

    String back =
        mvc.perform(confirmation(confirm).session(lead).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(back).startsWith(base + "/issue?period=2016%2F17+Q2&plans=" + planId() + "&");
    back = back.replace("+", "%20"); // a space, as a servlet container reads it (MockMvc does not)
    assertThat(issuedCount()).isZero();
    // the check of the choices goes to the form's own download (a forward, which MockMvc only
    // notes)
    mvc.perform(get(java.net.URI.create(back)).session(lead))
        .andExpect(forwardedUrl("/p/" + partnership.slug() + "/board-pack/download"));
    String query = back.substring(back.indexOf('?'));
    assertThat(text(page(lead, get(java.net.URI.create(base + "/download" + query)))))
        .contains("The pack would leave out 1 figure")
        .contains("Stalking offences");
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveAnIssuedPack() throws Exception {
    issue();
    long id = newestIssuedId();
    for (String change :
        List.of(
            "update issued_board_pack set board = 'Another board' where id = " + id,
            "update issued_board_pack set pdf = 'x'::bytea where id = " + id,
            "delete from issued_board_pack where id = " + id)) {
      assertThatThrownBy(() -> jdbc.sql(change).update())
          .as(change)
          .rootCause()
          // the application's role has no right to; were it given one, the trigger refuses
          .hasMessageMatching(
              "(?s).*(permission denied for table issued_board_pack"
                  + "|issued board packs cannot be changed or removed).*");
    }
    assertThatThrownBy(() -> jdbc.sql("truncate issued_board_pack").update())
        .rootCause()
        .hasMessageContaining("permission denied for table issued_board_pack");
    assertThat(
            jdbc.sql("select board from issued_board_pack where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("Safer Borough board");
  }

  @Test
  void theCommandIssuesAPackAndWritesTheIssuedPdf() throws Exception {
    Path out = dir.resolve("issued.pdf");
    AdminCommands.Result result =
        commands.run(
            "report",
            "board-pack",
            "--partnership",
            partnership.slug(),
            "--period",
            "2016/17 Q2",
            "--meeting-date",
            "2016-11-15",
            "--format",
            "pdf",
            "--out",
            out.toString(),
            "--issue");
    assertThat(result.exitCode()).as(result.err()).isZero();
    long id = newestIssuedId();
    assertThat(result.out())
        .contains("Board pack for 2016/17 Q2 issued as number " + id + " (1 plans, 1 indicators)");
    assertThat(Files.readAllBytes(out))
        .isEqualTo(download(viewer, base + "/issued/" + id + ".pdf"));
    assertThat(text(page(viewer, get(base))))
        .contains("2016/17 Q2 September 2016 15 November 2016 Command line");

    AdminCommands.Result html =
        commands.run(
            "report",
            "board-pack",
            "--partnership",
            partnership.slug(),
            "--period",
            "2016/17 Q2",
            "--format",
            "html",
            "--out",
            dir.resolve("issued.html").toString(),
            "--issue");
    assertThat(html.exitCode()).isEqualTo(1);
    assertThat(html.err()).contains("An issued board pack is a PDF: give --format pdf");
    assertThat(issuedCount()).isEqualTo(1);
  }

  private void issue() throws Exception {
    String confirm =
        page(
            lead,
            get(base + "/issue")
                .param("period", "2016/17 Q2")
                .param("board", "Safer Borough board"));
    mvc.perform(confirmation(confirm).session(lead).with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  /** The confirmation page's form, sent as a browser sends it: its hidden fields. */
  private MockHttpServletRequestBuilder confirmation(String page) {
    MockHttpServletRequestBuilder request = post(base + "/issue");
    Matcher field =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .matcher(page);
    while (field.find()) {
      if (!field.group(1).equals("_csrf")) {
        request.param(field.group(1), HtmlUtils.htmlUnescape(field.group(2)));
      }
    }
    return request;
  }

  private long issuedCount() {
    return jdbc.sql("select count(*) from issued_board_pack where partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  private long newestIssuedId() {
    return jdbc.sql("select max(id) from issued_board_pack where partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  private long planId() {
    return jdbc.sql("select id from delivery_plan where partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  private String page(MockHttpSession session, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private byte[] download(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
