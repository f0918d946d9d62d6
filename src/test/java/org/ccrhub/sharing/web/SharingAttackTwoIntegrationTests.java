package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Information sharing's newest parts attacked from outside (a second security review, 2026-12-03):
 * files kept with decisions and consent records, the decision log's import page, delegations, the
 * partnership's own lists, the sharing officer and the board's figures as a PDF.
 *
 * <p>Each finding of the review has a test here, which failed until it was fixed; the others pass
 * and pin what held.
 */
@CcrHubTest
class SharingAttackTwoIntegrationTests extends SharingPageTests {

  static final byte[] NOTES = "Incident log 2026: three call-outs".getBytes(StandardCharsets.UTF_8);

  long lastFile() {
    return jdbc.sql("select max(id) from sharing_attachment where partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  /** An open request made today, straight into the table. */
  void openRequest(int number, long requesting, long asked) {
    jdbc.sql(
            "insert into sharing_request (partnership_id, number, protocol_id,"
                + " requesting_agency_id, asked_agency_id, requesting_officer, requested_on,"
                + " due_on) values (:p, :n, :protocol, :requesting, :asked, 'PC Test', :day,"
                + " :day)")
        .param("p", partnership.id())
        .param("n", number)
        .param("protocol", protocolId)
        .param("requesting", requesting)
        .param("asked", asked)
        .param("day", LocalDate.now(Dates.UK))
        .update();
  }

  // --- findings

  /**
   * Finding: the figures' totals gave away a pair's hidden count. Six requests from the police to
   * the council and two from housing: the pairs show 6 and {@code <5}, and the totals said 8
   * requests, 8 still open, 8 not urgent, so anyone subtracts 6 from 8. A total over a column with
   * a hidden count is hidden too, on the page and in the board's PDF, and so are the counts by
   * urgency that add up to it.
   */
  @Test
  void theBoardsTotalsDoNotGiveAwayAHiddenCountOfAnAgencyPair() throws Exception {
    party(partnership, protocolId, housing, null);
    for (int n = 1; n <= 6; n++) {
      openRequest(n, police.id(), council.id());
    }
    openRequest(7, housing.id(), council.id());
    openRequest(8, housing.id(), council.id());

    MockHttpServletResponse pdf =
        send(get(base + "/figures").param("format", "pdf"), Fixtures.signIn(mvc, viewer));
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text).contains("Southmere Homes", "<5", "Requests [c]", "Still open [c]");
    // nor do the counts by urgency, which add up to the requests
    assertThat(text).contains("Urgent 0", "Not urgent [c]");
    assertThat(text).doesNotContain("Requests 8", "Still open 8", "Not urgent 8");

    String page = send(get(base + "/figures"), Fixtures.signIn(mvc, viewer)).getContentAsString();
    assertThat(page).contains("[c] requests made from").doesNotContain(">8<", "8 requests made");
    // the data protection lead still sees them exactly
    assertThat(send(get(base + "/figures"), twoFactor.signIn(mvc, dpl)).getContentAsString())
        .contains("8 requests made from");
  }

  /**
   * Finding: a file's name kept Unicode's bidirectional controls, so "report", U+202E, "fdp.exe"
   * was listed and downloaded as if it were "reportexe.pdf". They are removed, as control
   * characters are.
   */
  @Test
  void aFileNameCannotHideItsExtensionBehindARightToLeftOverride() throws Exception {
    allowFiles(30);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(share(1), asSpoc);
    assertThat(
            attach(base + "/requests/1/files/new", "report\u202Efdp.exe\u2066\u200F", NOTES, asSpoc)
                .getRedirectedUrl())
        .isEqualTo(base + "/requests/1#files");
    long id = lastFile();
    assertThat(
            jdbc.sql("select file_name from sharing_attachment where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("reportfdp.exe");
    MockHttpServletResponse download = send(get(base + "/requests/1/files/" + id), asOfficer);
    assertThat(download.getHeader("Content-Disposition")).doesNotContain("%E2%80%AE");
  }

  // --- what held

  /** Files are found only under their own request or record, by any id. */
  @Test
  void aFileIsFoundOnlyUnderItsOwnRequestOrRecord() throws Exception {
    allowFiles(30);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(share(1), asSpoc);
    send(share(2), asSpoc);
    attach(base + "/requests/1/files/new", "one.txt", NOTES, asSpoc);
    long first = lastFile();
    // request 2's page is not request 1's file, nor is a consent record's
    assertThat(send(get(base + "/requests/2/files/" + first), asOfficer).getStatus())
        .isEqualTo(404);
    assertThat(
            send(post(base + "/requests/2/files/" + first + "/remove").with(csrf()), asSpoc)
                .getStatus())
        .isEqualTo(404);
    String record = send(consentGiven(council), asOfficer).getRedirectedUrl();
    assertThat(send(get(record + "/files/" + first), asOfficer).getStatus()).isEqualTo(404);
    attach(record + "/files/new", "form.jpg", NOTES, asOfficer);
    long scan = lastFile();
    assertThat(send(get(base + "/requests/1/files/" + scan), asOfficer).getStatus()).isEqualTo(404);
    // the council's SPOC, while no request relies on the record: not found
    assertThat(send(get(record + "/files/" + scan), asSpoc).getStatus()).isEqualTo(404);
    // a removed file is not downloadable, and removing it again changes nothing
    assertThat(
            send(post(base + "/requests/1/files/" + first + "/remove").with(csrf()), asOfficer)
                .getRedirectedUrl())
        .isEqualTo(base + "/requests/1#files");
    assertThat(send(get(base + "/requests/1/files/" + first), asSpoc).getStatus()).isEqualTo(404);
    // a hostile name is kept without its folders, quotes or line breaks, and sent as a download
    attach(base + "/requests/2/files/new", "..\\..\\x\"\r\n<script>.html", NOTES, asSpoc);
    long hostile = lastFile();
    MockHttpServletResponse download = send(get(base + "/requests/2/files/" + hostile), asOfficer);
    assertThat(download.getContentType()).isEqualTo("application/octet-stream");
    assertThat(download.getHeader("Content-Disposition"))
        .startsWith("attachment")
        .doesNotContain("\r", "\n");
    assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(send(get(base + "/requests/2"), asOfficer).getContentAsString())
        .contains("x&lt;script&gt;.html")
        .doesNotContain("<script>.html");
  }

  /** Only the asked agency's deciders add files, and never to an imported request. */
  @Test
  void onlyTheDecidersAddFilesAndNeverToAnImportedRequest() throws Exception {
    allowFiles(30);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(share(1), asSpoc);
    String url = base + "/requests/1/files/new";
    assertThat(attach(url, "x.txt", NOTES, twoFactor.signIn(mvc, dpl)).getStatus()).isEqualTo(404);
    String colleague = member(Role.ACTION_LEAD, "Colin Council", council);
    assertThat(attach(url, "x.txt", NOTES, twoFactor.signIn(mvc, colleague)).getStatus())
        .isEqualTo(404);
    jdbc.sql("update sharing_request set imported = true where partnership_id = :p")
        .param("p", partnership.id())
        .update();
    assertThat(attach(url, "x.txt", NOTES, asSpoc).getContentAsString())
        .contains("This request came from an imported log");
    assertThat(
            jdbc.sql("select count(*) from sharing_attachment where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isZero();
  }

  /** The sharing officer cannot import a log, keep the lists, or see the delegations. */
  @Test
  void theSharingOfficerKeepsNothing() throws Exception {
    String sharingOfficer = member(Role.SHARING_OFFICER, "DC Sally Share", police);
    MockHttpSession session = twoFactor.signIn(mvc, sharingOfficer);
    assertThat(send(get(base + "/import"), session).getStatus()).isEqualTo(403);
    assertThat(send(get(base + "/lawful-bases/new"), session).getStatus()).isEqualTo(403);
    assertThat(send(get(base + "/information-types/new"), session).getStatus()).isEqualTo(403);
    assertThat(send(get(base + "/delegations"), session).getStatus()).isEqualTo(404);
    assertThat(send(get(base + "/log"), session).getStatus()).isEqualTo(404);
    assertThat(send(get("/p/" + partnership.slug() + "/plans"), session).getStatus())
        .isNotEqualTo(500);
  }
}
