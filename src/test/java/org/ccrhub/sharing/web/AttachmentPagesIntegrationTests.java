package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.ccrhub.CcrHubTest;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.sharing.SharingRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Files kept with a decision to share, where the protocol allows it, and scans of signed consent
 * forms, as their users meet them: the asked SPOC adds the file, the requesting officer downloads
 * it, everyone else finds nothing, every download is in "who looked", and the file goes on its day;
 * where the protocol does not allow it, or the decision refuses, no file can be added; a consent
 * form's scan is seen by whoever sees a request relying on its record and goes with the record's
 * details.
 */
@CcrHubTest
class AttachmentPagesIntegrationTests extends SharingPageTests {

  static final byte[] NOTES = "Incident log 2026: three call-outs".getBytes(StandardCharsets.UTF_8);

  @Autowired SharingRetention retention;

  int files() {
    return jdbc.sql("select count(*) from sharing_attachment where partnership_id = :p")
        .param("p", partnership.id())
        .query(Integer.class)
        .single();
  }

  @Test
  void theSpocAddsAFileTheOfficerDownloadsItOthersFindNothingAndItGoesOnItsDay() throws Exception {
    allowFiles(14);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    assertThat(send(share(1), asSpoc).getRedirectedUrl()).isEqualTo(base + "/requests/1");
    assertThat(send(get(base + "/requests/1"), asSpoc).getContentAsString())
        .contains("Add a file to the decision");
    String url = base + "/requests/1/files/new";
    assertThat(send(get(url), asSpoc).getContentAsString())
        .contains("Add a file to the decision", "It is kept for 14 days");

    // bad files are refused with the reason, and nothing is kept
    assertThat(attach(url, "empty.pdf", new byte[0], asSpoc).getContentAsString())
        .contains("There is a problem", "The selected file is empty");
    assertThat(attach(url, "big.pdf", new byte[10 * 1024 * 1024 + 1], asSpoc).getContentAsString())
        .contains("The selected file must be smaller than 10MB");
    assertThat(send(post(url).with(csrf()), asSpoc).getContentAsString()).contains("Select a file");
    assertThat(files()).isZero();
    // the requesting officer does not decide: not found
    assertThat(attach(url, "notes.txt", NOTES, asOfficer).getStatus()).isEqualTo(404);

    MockHttpServletResponse added =
        attach(url, "C:\\Users\\sam\\incidents for Vicky.txt", NOTES, asSpoc);
    assertThat(added.getRedirectedUrl()).isEqualTo(base + "/requests/1#files");
    String page = send(get(base + "/requests/1"), asOfficer).getContentAsString();
    assertThat(page)
        .contains("Files given with the decision", "incidents for Vicky.txt", "OFFICIAL-SENSITIVE")
        .contains("Until " + org.ccrhub.shared.Dates.date(LocalDate.now(Dates.UK).plusDays(13)));
    long id =
        jdbc.sql("select id from sharing_attachment where partnership_id = :p")
            .param("p", partnership.id())
            .query(Long.class)
            .single();
    String file = base + "/requests/1/files/" + id;
    MockHttpServletResponse download = send(get(file), asOfficer);
    assertThat(download.getStatus()).isEqualTo(200);
    assertThat(download.getContentAsByteArray()).isEqualTo(NOTES);
    assertThat(download.getContentType()).isEqualTo("application/octet-stream");
    assertThat(download.getHeader("Content-Disposition"))
        .contains("attachment", "OFFICIAL-SENSITIVE");
    assertThat(download.getHeader("Cache-Control")).contains("no-store");

    // a user of a third agency, another officer of the police, a viewer: not found
    String otherOfficer = member(Role.ACTION_LEAD, "PC Other", police);
    assertThat(send(get(file), twoFactor.signIn(mvc, housingOfficer)).getStatus()).isEqualTo(404);
    assertThat(send(get(file), twoFactor.signIn(mvc, otherOfficer)).getStatus()).isEqualTo(404);
    assertThat(send(get(file), twoFactor.signIn(mvc, viewer)).getStatus()).isEqualTo(404);
    assertThat(
            send(get(base + "/requests/1"), twoFactor.signIn(mvc, otherOfficer))
                .getContentAsString())
        .doesNotContain("incidents for Vicky.txt");
    // the upload and the download are in "who looked", by number, never with the file's name
    assertThat(send(get(base + "/requests/1/looked-at"), asSpoc).getContentAsString())
        .contains("Added file " + id + " to the decision of request 1")
        .contains("Downloaded file " + id + " of the decision of request 1");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where partnership_id = :p"
                        + " and summary like '%Vicky%'")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isZero();

    // on its day the content goes; its name and size stay
    retention.purge(partnership, LocalDate.now(Dates.UK).plusDays(13), "test");
    assertThat(send(get(file), asOfficer).getStatus()).isEqualTo(200);
    retention.purge(partnership, LocalDate.now(Dates.UK).plusDays(14), "test");
    assertThat(send(get(file), asOfficer).getStatus()).isEqualTo(404);
    assertThat(send(get(base + "/requests/1"), asOfficer).getContentAsString())
        .contains("incidents for Vicky.txt", "Removed");
    assertThat(
            jdbc.sql("select content is null from sharing_attachment where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void theRequesterRemovesTheFileOnceTheyHaveIt() throws Exception {
    allowFiles(30);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(share(1), asSpoc);
    attach(base + "/requests/1/files/new", "notes.txt", NOTES, asSpoc);
    long id =
        jdbc.sql("select id from sharing_attachment where partnership_id = :p")
            .param("p", partnership.id())
            .query(Long.class)
            .single();
    String remove = base + "/requests/1/files/" + id + "/remove";
    assertThat(send(post(remove).with(csrf()), twoFactor.signIn(mvc, housingOfficer)).getStatus())
        .isEqualTo(404);
    assertThat(send(post(remove).with(csrf()), asOfficer).getRedirectedUrl())
        .isEqualTo(base + "/requests/1#files");
    assertThat(send(get(base + "/requests/1/files/" + id), asSpoc).getStatus()).isEqualTo(404);
    assertThat(send(get(base + "/requests/1"), asSpoc).getContentAsString())
        .contains("notes.txt", "Removed", "PC Ann Smith");
  }

  @Test
  void aDecisionCorrectedToARefusalKeepsNoneOfTheFiles() throws Exception {
    allowFiles(30);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(share(1), asSpoc);
    attach(base + "/requests/1/files/new", "notes.txt", NOTES, asSpoc);
    long id =
        jdbc.sql("select id from sharing_attachment where partnership_id = :p")
            .param("p", partnership.id())
            .query(Long.class)
            .single();
    LocalDate today = LocalDate.now(Dates.UK);
    assertThat(
            send(
                    post(base + "/requests/1/decision/correct")
                        .with(csrf())
                        .param("decidedOn.day", Integer.toString(today.getDayOfMonth()))
                        .param("decidedOn.month", Integer.toString(today.getMonthValue()))
                        .param("decidedOn.year", Integer.toString(today.getYear()))
                        .param("authorisedBy", "Sam Spoc")
                        .param("bases", basis("UK GDPR 6(1)(e)"))
                        .param("outcome", "REFUSE")
                        .param("reasons", "Shared in error: the record is another borough's")
                        .param("correctionReason", "Shared by mistake"),
                    asSpoc)
                .getRedirectedUrl())
        .isEqualTo(base + "/requests/1");
    assertThat(send(get(base + "/requests/1/files/" + id), asOfficer).getStatus()).isEqualTo(404);
    assertThat(send(get(base + "/requests/1"), asOfficer).getContentAsString())
        .contains("notes.txt", "Removed", "the correction to a refusal");
  }

  @Test
  void noFileWhereTheProtocolDoesNotAllowItNorWithARefusal() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(share(1), asSpoc);
    assertThat(send(get(base + "/requests/1"), asSpoc).getContentAsString())
        .doesNotContain("Add a file to the decision", "Files given with the decision");
    assertThat(
            attach(base + "/requests/1/files/new", "notes.txt", NOTES, asSpoc).getContentAsString())
        .contains("Northbridge ISP does not allow the information shared to be kept here");

    allowFiles(30);
    send(request(council, "NOT_SOUGHT"), asOfficer);
    send(decision(2, "outcome", "REFUSE", "reasons", "Nothing held"), asSpoc);
    assertThat(
            attach(base + "/requests/2/files/new", "notes.txt", NOTES, asSpoc).getContentAsString())
        .contains("A file can only be added to a decision to share");
    // an open request has no decision to carry a file
    send(request(council, "NOT_SOUGHT"), asOfficer);
    assertThat(
            attach(base + "/requests/3/files/new", "notes.txt", NOTES, asSpoc).getContentAsString())
        .contains("A file can only be added to a decision to share");
    assertThat(files()).isZero();
  }

  @Test
  void aConsentScanIsSeenWithTheRequestRelyingOnItAndGoesWithTheRecordsDetails() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    String record = send(consentGiven(council), asOfficer).getRedirectedUrl();
    String consentId = record.substring(record.lastIndexOf('/') + 1);
    assertThat(send(get(record), asOfficer).getContentAsString())
        .contains("No scan of the signed form has been added", "Add the scan of the signed form");
    assertThat(
            attach(record + "/files/new", "form.jpg", new byte[0], asOfficer).getContentAsString())
        .contains("The selected file is empty");
    byte[] scan = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
    assertThat(attach(record + "/files/new", "signed form.jpg", scan, asOfficer).getRedirectedUrl())
        .isEqualTo(record);
    long id =
        jdbc.sql("select id from sharing_attachment where consent_id = :c")
            .param("c", Long.valueOf(consentId))
            .query(Long.class)
            .single();
    String file = record + "/files/" + id;

    // before any request relies on it, the council's SPOC does not see it
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    assertThat(send(get(record), asSpoc).getStatus()).isEqualTo(404);
    send(request(council, "GIVEN", "subjects[0].consentRecord", consentId), asOfficer);
    // now the SPOC who sees the request's details sees the record and its scan, and cannot add one
    assertThat(send(get(base + "/requests/1"), asSpoc).getContentAsString())
        .contains("consent record " + consentId);
    // the list names the person only to the agency that keeps the record
    assertThat(send(get(base + "/consents"), asSpoc).getContentAsString())
        .contains("Record " + consentId, "On the record")
        .doesNotContain("Vicky Victim");
    assertThat(send(get(base + "/consents"), asOfficer).getContentAsString())
        .contains("Vicky Victim");
    assertThat(send(get(record), asSpoc).getContentAsString())
        .contains("Vicky Victim", "signed form.jpg")
        .doesNotContain("Add the scan of the signed form", "Record a withdrawal");
    assertThat(send(get(file), asSpoc).getContentAsByteArray()).isEqualTo(scan);
    assertThat(send(get(record + "/files/new"), asSpoc).getStatus()).isEqualTo(404);
    assertThat(attach(record + "/files/new", "x.jpg", scan, asSpoc).getStatus()).isEqualTo(404);
    assertThat(send(post(file + "/remove").with(csrf()), asSpoc).getStatus()).isEqualTo(404);
    // a third agency's user: not found
    MockHttpSession asHousing = twoFactor.signIn(mvc, housingOfficer);
    assertThat(send(get(record), asHousing).getStatus()).isEqualTo(404);
    assertThat(send(get(file), asHousing).getStatus()).isEqualTo(404);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where partnership_id = :p"
                        + " and object_type = 'ConsentRecord' and object_id = :c"
                        + " and summary like 'Downloaded file %'")
                .param("p", partnership.id())
                .param("c", consentId)
                .query(Integer.class)
                .single())
        .isOne();

    // the scan goes with the record's details at the end of its retention period
    retention.purge(partnership, today.plusYears(7), "test");
    assertThat(send(get(file), asOfficer).getStatus()).isEqualTo(404);
    assertThat(send(get(record), asOfficer).getContentAsString())
        .contains("signed form.jpg (removed")
        .doesNotContain("Add the scan of the signed form");
  }
}
