package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Importing an old decision log from the browser: the check shows what the import would do (the
 * agency and protocol it creates) and saves nothing; the import saves it all; a file with problems
 * lists each by row and column and saves nothing; the same file again adds nothing; only
 * administrators and the data protection lead import.
 */
@CcrHubTest
class SharingImportPagesIntegrationTests extends SharingPageTests {

  static final String LOG =
      HEADER
          + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,victim,"
          + "Risk assessment,no,,given,UK GDPR 6(1)(e),2016-05-26,share,,yes,,J Brown,"
          + "Contact details,secure email\r\n"
          + "24/05/2016,Riverside Refuge,Dee White,Northbridge Police,Old MARAC ISP,victim,"
          + "Safety planning,yes,,given,UK GDPR 6(1)(e),,,,,,,,\r\n";

  String admin;

  @BeforeEach
  void anAdministrator() {
    admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
  }

  MockHttpServletResponse upload(String content, MockHttpSession session) throws Exception {
    return mvc.perform(
            multipart(base + "/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "old log.csv",
                        "text/csv",
                        content.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .session(session))
        .andReturn()
        .getResponse();
  }

  int requests() {
    return jdbc.sql("select count(*) from sharing_request where partnership_id = :p")
        .param("p", partnership.id())
        .query(Integer.class)
        .single();
  }

  String key(String page) {
    return page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
  }

  @Test
  void theCheckShowsWhatTheImportDoesAndSavesNothingThenTheImportSavesIt() throws Exception {
    MockHttpSession session = Fixtures.signIn(mvc, admin);
    assertThat(send(get(base), session).getContentAsString()).contains("Import a decision log");
    String preview = upload(LOG, session).getContentAsString();
    assertThat(preview)
        .contains("Check the import", "Import 2 requests (numbers 1 to 2): 1 decided, 1 still open")
        .contains("Agency created (type Other, correct it on the Agencies page): Riverside Refuge")
        .contains("Protocol created as a past record, in force 24 May 2016 to 24 May 2016");
    assertThat(requests()).isZero();
    assertThat(
            jdbc.sql("select count(*) from agency where partnership_id = :p and name = :n")
                .param("p", partnership.id())
                .param("n", "Riverside Refuge")
                .query(Integer.class)
                .single())
        .isZero();

    MockHttpServletResponse imported =
        send(post(base + "/import/confirm").with(csrf()).param("key", key(preview)), session);
    // the flashed result is shown on the next page the session asks for
    assertThat(imported.getRedirectedUrl()).isEqualTo(base + "/import");
    assertThat(requests()).isEqualTo(2);
    assertThat(send(get(base + "/import"), session).getContentAsString())
        .contains("Imported old log.csv. Imported 2 requests", "Riverside Refuge");

    // the same file again adds nothing
    String again = upload(LOG, session).getContentAsString();
    assertThat(again).contains("Import 0 requests", "2 rows were imported before");
    send(post(base + "/import/confirm").with(csrf()).param("key", key(again)), session);
    assertThat(requests()).isEqualTo(2);
    // a key used once, or never given, is gone: the page asks for the file again
    assertThat(
            send(post(base + "/import/confirm").with(csrf()).param("key", key(preview)), session)
                .getRedirectedUrl())
        .isEqualTo(base + "/import?expired=true");
  }

  @Test
  void aFileWithProblemsListsEachByRowAndColumnAndSavesNothing() throws Exception {
    MockHttpSession session = twoFactor.signIn(mvc, dpl);
    String bad =
        HEADER
            + "2016-05-32,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
            + "victim,Risk,no,,given,UK GDPR 6(1)(e),2016-05-26,refuse,,,,J Brown,,\r\n"
            + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
            + "victim,Risk,maybe,,given,Made Up Act 2099,,,,,,,,\r\n";
    String page = upload(bad, session).getContentAsString();
    assertThat(page)
        .contains("The file cannot be imported", "Nothing has been imported")
        .contains("request_date", "decision", "urgent", "lawful_basis")
        .doesNotContain("Import the log");
    assertThat(requests()).isZero();
    assertThat(send(post(base + "/import").with(csrf()), session).getContentAsString())
        .contains("There is a problem", "Select a CSV, XLSX or ODS file to import");
  }

  @Test
  void onlyAdministratorsAndTheDataProtectionLeadImport() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(send(get(base + "/import"), asOfficer).getStatus()).isEqualTo(403);
    assertThat(upload(LOG, asOfficer).getStatus()).isEqualTo(403);
    assertThat(send(get(base), asOfficer).getContentAsString())
        .doesNotContain("Import a decision log");
    assertThat(upload(LOG, Fixtures.signIn(mvc, viewer)).getStatus()).isEqualTo(403);
    assertThat(requests()).isZero();
  }
}
