package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Information sharing as its users meet it: a new officer raises a request between two agencies,
 * the asked agency's SPOC decides it (after the rules refuse a refusal without reasons and sharing
 * without consent without a ground), and both are found in the decision log and the audit trail; a
 * third agency's user, a viewer and another partnership's SPOC find nothing; a request with no
 * protocol in force, or under an expired one, is refused with the reason.
 */
@CcrHubTest
class SharingPagesIntegrationTests extends SharingPageTests {

  @Test
  void aNewOfficerAsksTheSpocDecidesAndBothAreInTheLogAndTheTrail() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(send(get(base + "/requests/new"), asOfficer).getContentAsString())
        .contains("Ask for information", "Northbridge Council", "Northbridge ISP");

    MockHttpServletResponse raised = send(request(council, "NOT_SOUGHT"), asOfficer);
    assertThat(raised.getRedirectedUrl()).isEqualTo(base + "/requests/1");
    String page = send(get(base + "/requests/1"), asOfficer).getContentAsString();
    assertThat(page)
        .contains("Request 1", "PC Ann Smith", "Vicky Victim", "Waiting for a decision")
        .contains("OFFICIAL-SENSITIVE");

    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    String home = "/p/" + partnership.slug();
    assertThat(send(get(home), asSpoc).getContentAsString())
        .contains("1 request is waiting for your agency to decide");
    assertThat(send(get(home), asOfficer).getContentAsString())
        .contains("1 request you made is waiting for a decision");
    assertThat(send(get(base + "/requests/1"), asSpoc).getContentAsString())
        .contains("Vicky Victim", "Record the decision");
    // the form of a first decision asks nothing about a correction, and says who it is about
    assertThat(send(get(base + "/requests/1/decision"), asSpoc).getContentAsString())
        .contains("Who it is about", "Person 1, victim", "Vicky Victim")
        .doesNotContain("Why are you correcting it?");
    String refused = send(decision(1, "outcome", "REFUSE"), asSpoc).getContentAsString();
    assertThat(refused).contains("There is a problem", "Give the reasons for refusing");
    String noGround =
        send(
                decision(
                    1,
                    "outcome",
                    "SHARE",
                    "subjectTold",
                    "yes",
                    "informationTypes",
                    "Police incidents",
                    "method",
                    "SECURE_EMAIL",
                    "suppliedOn.day",
                    Integer.toString(LocalDate.now(Dates.UK).getDayOfMonth()),
                    "suppliedOn.month",
                    Integer.toString(LocalDate.now(Dates.UK).getMonthValue()),
                    "suppliedOn.year",
                    Integer.toString(LocalDate.now(Dates.UK).getYear())),
                asSpoc)
            .getContentAsString();
    assertThat(noGround).contains("Choose the grounds for sharing without consent");
    assertThat(
            jdbc.sql("select count(*) from sharing_decision where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isZero();

    MockHttpServletResponse decided =
        send(
            decision(
                1,
                "outcome",
                "SHARE",
                "grounds",
                "PREVENT_SIGNIFICANT_HARM",
                "subjectTold",
                "no",
                "notToldReason",
                "Telling her partner's family would raise the risk",
                "informationTypes",
                "Police incidents",
                "method",
                "SECURE_EMAIL",
                "suppliedOn.day",
                Integer.toString(LocalDate.now(Dates.UK).getDayOfMonth()),
                "suppliedOn.month",
                Integer.toString(LocalDate.now(Dates.UK).getMonthValue()),
                "suppliedOn.year",
                Integer.toString(LocalDate.now(Dates.UK).getYear()),
                "summary",
                "Domestic abuse records at the address"),
            asSpoc);
    assertThat(decided.getRedirectedUrl()).isEqualTo(base + "/requests/1");
    assertThat(send(get(base + "/requests/1"), asOfficer).getContentAsString())
        .contains("Share on", "Prevent significant harm", "Sam Spoc, Information Governance")
        .contains("Received", "when it was sent through CCR Hub");

    // a correction is a new entry naming the one it corrects; the first stays as it was
    // a second decision on a decided request is refused: only a correction changes it
    assertThat(
            send(decision(1, "outcome", "REFUSE", "reasons", "Recorded in error"), asSpoc)
                .getStatus())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from sharing_decision where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isOne();
    MockHttpServletRequestBuilder correction =
        post(base + "/requests/1/decision/correct")
            .with(csrf())
            .param("decidedOn.day", Integer.toString(LocalDate.now(Dates.UK).getDayOfMonth()))
            .param("decidedOn.month", Integer.toString(LocalDate.now(Dates.UK).getMonthValue()))
            .param("decidedOn.year", Integer.toString(LocalDate.now(Dates.UK).getYear()))
            .param("authorisedBy", "Sam Spoc, Information Governance")
            .param("bases", basis("UK GDPR 6(1)(e)"))
            .param("outcome", "REFUSE")
            .param("reasons", "The record belongs to another borough");
    assertThat(send(correction, asSpoc).getContentAsString())
        .contains("Enter why the entry is corrected");
    assertThat(
            send(correction.param("correctionReason", "Shared by mistake: recalled"), asSpoc)
                .getRedirectedUrl())
        .isEqualTo(base + "/requests/1");
    assertThat(
            jdbc.sql(
                    "select string_agg(outcome || coalesce(':' || corrects_id::text, ''), ' '"
                        + " order by id) from sharing_decision where partnership_id = :p")
                .param("p", partnership.id())
                .query(String.class)
                .single())
        .matches("SHARE REFUSE:\\d+");
    assertThat(send(get(base + "/requests/1"), asOfficer).getContentAsString())
        .contains("Shared by mistake: recalled", "Corrected");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.sql(
                        "update sharing_decision set reasons = 'changed' where partnership_id = :p")
                    .param("p", partnership.id())
                    .update())
        .rootCause()
        .hasMessageContaining("cannot be changed or removed");

    // the SPOC was told a request came, the officer that it was decided: numbers and agencies only
    List<String> mails =
        jdbc.sql(
                "select template || ' to ' || recipient || ': ' || subject || ' | ' || body"
                    + " from mail_message where partnership_id = :p order by id")
            .param("p", partnership.id())
            .query(String.class)
            .list();
    assertThat(mails).hasSize(3);
    assertThat(mails.get(0))
        .startsWith(
            "sharing-request-received to " + spoc + ": Request 1 from Northbridge Police, due by")
        .contains("/p/" + partnership.slug() + "/sharing/requests/1");
    assertThat(mails.get(1))
        .startsWith("sharing-request-decided to " + officer + ": Request 1 decided: share");
    assertThat(mails.get(2))
        .startsWith("sharing-request-decided to " + officer + ": Request 1 decided: refuse");
    assertThat(String.join("\n", mails))
        .doesNotContain("Vicky", "High Street", "domestic abuse", "Risk assessment");

    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    String log = send(get(base + "/log"), asDpl).getContentAsString();
    assertThat(log).contains("Request 1", "PC Ann Smith", "Prevent significant harm", "Corrected");
    assertThat(log).doesNotContain("Vicky Victim");
    String spocLog =
        send(get(base + "/log").param("decision", "SHARE_IN_PART"), asSpoc).getContentAsString();
    assertThat(spocLog).contains("0 entries");

    MockHttpServletResponse file =
        send(
            post(base + "/log/export").with(csrf()).param("format", "csv").param("reason", "ICO"),
            asDpl);
    assertThat(file.getContentAsString())
        .contains(",PC Ann Smith,Northbridge Council,")
        .contains("Shared by mistake: recalled");
    assertThat(file.getHeader("Content-Disposition")).contains("OFFICIAL-SENSITIVE");

    List<String> trail =
        jdbc.sql(
                "select action || ' ' || object_type || ': ' || coalesce(summary, '')"
                    + " from audit_event where partnership_id = :p and object_type in"
                    + " ('SharingRequest', 'DecisionLog') order by id")
            .param("p", partnership.id())
            .query(String.class)
            .list();
    assertThat(trail)
        .anyMatch(t -> t.startsWith("CREATE SharingRequest: Raised request 1 from Northbridge"))
        .anyMatch(t -> t.startsWith("DECIDE SharingRequest: Decided request 1: share"))
        .anyMatch(t -> t.startsWith("CORRECT SharingRequest: Corrected the decision on request 1"))
        .anyMatch(t -> t.startsWith("READ SharingRequest: Opened request 1 with the subjects"))
        .anyMatch(t -> t.startsWith("READ DecisionLog: Searched the decision log"))
        .anyMatch(t -> t.startsWith("EXPORT DecisionLog") && t.contains("because: ICO"))
        .noneMatch(t -> t.contains("Vicky"));
  }

  @Test
  void othersFindNothingAndWithoutTwoFactorNothingIsLookedUp() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(send(request(council, "GIVEN"), asOfficer).getRedirectedUrl())
        .isEqualTo(base + "/requests/1");

    assertThat(send(get(base + "/requests/1"), twoFactor.signIn(mvc, housingOfficer)).getStatus())
        .isEqualTo(404);
    assertThat(send(get(base + "/requests/1"), twoFactor.signIn(mvc, viewer)).getStatus())
        .isEqualTo(404);
    assertThat(send(get(base + "/requests/99"), asOfficer).getStatus()).isEqualTo(404);

    // a SPOC of another partnership, asking for this partnership's request
    Partnership other = fixtures.partnership();
    String otherSpoc = fixtures.user(other, Role.ANALYST);
    assertThat(send(get(base + "/requests/1"), twoFactor.signIn(mvc, otherSpoc)).getStatus())
        .isEqualTo(404);

    // the officer who asked may read it but not decide it
    assertThat(send(get(base + "/requests/1/decision"), asOfficer).getStatus()).isEqualTo(404);
    // the viewer sees the register's page but no requests, and no log
    assertThat(send(get(base + "/log"), twoFactor.signIn(mvc, viewer)).getStatus()).isEqualTo(404);

    // without two-factor sign-in the page says so, whatever the number
    String plain = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    MockHttpSession withoutTwoFactor = Fixtures.signIn(mvc, plain);
    MockHttpServletResponse told = send(get(base + "/requests/1"), withoutTwoFactor);
    assertThat(told.getForwardedUrl()).isEqualTo(base + "/two-factor-needed");
    assertThat(told.getContentAsString()).doesNotContain("Vicky");
    assertThat(send(get(base + "/two-factor-needed"), withoutTwoFactor).getContentAsString())
        .contains("Information sharing needs two-factor sign-in");
  }

  @Test
  void theBoardSeesTheFiguresWithSmallNumbersHiddenAndTheDataProtectionLeadExactly()
      throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(send(request(council, "GIVEN"), asOfficer).getRedirectedUrl())
        .isEqualTo(base + "/requests/1");

    String board = send(get(base + "/figures"), Fixtures.signIn(mvc, viewer)).getContentAsString();
    assertThat(board)
        .contains("Information sharing figures", "Northbridge Police", "&lt;5")
        .doesNotContain("You see exact figures");
    String exact = send(get(base + "/figures"), twoFactor.signIn(mvc, dpl)).getContentAsString();
    assertThat(exact).contains("You see exact figures").contains(">1<");
    assertThat(
            send(get(base + "/figures").param("from", "31/02/2016"), asOfficer)
                .getContentAsString())
        .contains("There is a problem", "Enter a real date");

    // the board's PDF hides small numbers whoever takes it, the data protection lead too
    MockHttpServletResponse pdf =
        send(get(base + "/figures").param("format", "pdf"), twoFactor.signIn(mvc, dpl));
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Information sharing figures", "OFFICIAL", "Northbridge Police")
          .contains("Northbridge Council", "<5", "By lawful basis", "UK GDPR 6(1)(e)");
    }
    assertThat(
            send(get(base + "/figures").param("format", "pdf").param("to", "nonsense"), asOfficer)
                .getContentAsString())
        .contains("There is a problem");
  }

  @Test
  void aConsentRecordBacksARequestUntilItIsWithdrawnAndThenCountsForNothing() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    MockHttpServletResponse saved = send(consentGiven(council), asOfficer);
    String record = saved.getRedirectedUrl();
    assertThat(record).startsWith(base + "/consents/");
    assertThat(send(get(record), asOfficer).getContentAsString())
        .contains("Vicky Victim", "Given on", "Northbridge Council");
    String id = record.substring(record.lastIndexOf('/') + 1);

    assertThat(
            send(request(council, "GIVEN", "subjects[0].consentRecord", id), asOfficer)
                .getRedirectedUrl())
        .isEqualTo(base + "/requests/1");
    // another agency's user, a viewer: not found
    assertThat(send(get(record), twoFactor.signIn(mvc, housingOfficer)).getStatus()).isEqualTo(404);
    assertThat(send(get(record), twoFactor.signIn(mvc, viewer)).getStatus()).isEqualTo(404);

    // withdrawn today: no later request relies on it, and a decision today is without consent
    MockHttpServletResponse withdrawn =
        send(
            post(record + "/withdraw")
                .with(csrf())
                .param("withdrawnOn.day", Integer.toString(today.getDayOfMonth()))
                .param("withdrawnOn.month", Integer.toString(today.getMonthValue()))
                .param("withdrawnOn.year", Integer.toString(today.getYear()))
                .param("note", "By phone to the IDVA"),
            asOfficer);
    assertThat(withdrawn.getRedirectedUrl()).isEqualTo(record);
    assertThat(send(get(record), asOfficer).getContentAsString())
        .contains("Withdrawn", "By phone to the IDVA")
        .doesNotContain("Record a withdrawal");
    assertThat(
            send(request(council, "GIVEN", "subjects[0].consentRecord", id), asOfficer)
                .getContentAsString())
        .contains("This consent record cannot be relied on");
    String decision =
        send(
                decision(
                    1,
                    "outcome",
                    "SHARE",
                    "subjectTold",
                    "yes",
                    "informationTypes",
                    "Police incidents",
                    "method",
                    "PHONE",
                    "suppliedOn.day",
                    Integer.toString(today.getDayOfMonth()),
                    "suppliedOn.month",
                    Integer.toString(today.getMonthValue()),
                    "suppliedOn.year",
                    Integer.toString(today.getYear())),
                twoFactor.signIn(mvc, spoc))
            .getContentAsString();
    assertThat(decision).contains("Choose the grounds for sharing without consent");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                jdbc.sql("update sharing_consent set withdrawn_on = null where id = :id")
                    .param("id", Long.parseLong(id))
                    .update())
        .rootCause()
        .hasMessageContaining("cannot be undone");
  }

  @Test
  void aRequestWithNoProtocolInForceOrUnderAnExpiredOneIsRefusedWithTheReason() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    String noProtocol = send(request(housing, "GIVEN"), asOfficer).getContentAsString();
    assertThat(noProtocol)
        .contains("There is a problem")
        .contains("Southmere Homes is not a party to the Northbridge ISP");

    jdbc.sql(
            "update sharing_protocol set in_force_until = :until, ending = 'EXPIRED' where id = :id")
        .param("until", LocalDate.now(Dates.UK).minusDays(1))
        .param("id", protocolId)
        .update();
    String expired = send(request(council, "GIVEN"), asOfficer).getContentAsString();
    assertThat(expired).contains("expired on", "so it takes no new requests");
    assertThat(
            jdbc.sql("select count(*) from sharing_request where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isZero();
  }
}
