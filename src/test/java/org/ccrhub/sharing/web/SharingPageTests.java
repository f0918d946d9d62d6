package org.ccrhub.sharing.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A partnership where information is shared, as the sharing pages' tests start from: police,
 * council and housing; an officer of the police, the council's SPOC, a housing officer, a viewer of
 * the police and the data protection lead, each signed in with two factors when a test asks; the
 * Northbridge ISP in force for a year between the police and the council. With the forms a user
 * sends: a request and a decision.
 */
abstract class SharingPageTests {

  /** The header row of a decision log to import. */
  static final String HEADER =
      "request_date,requesting_agency,requesting_officer,asked_agency,protocol,subject_role,"
          + "purpose,urgent,needed_by,consent,lawful_basis,decision_date,decision,reasons,"
          + "subject_told,not_told_reason,authorised_by,information_types,method\r\n";

  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired TwoFactorSessions twoFactor;

  final LocalDate today = LocalDate.now(Dates.UK);
  Partnership partnership;
  String base;
  Agency police;
  Agency council;
  Agency housing;
  long protocolId;
  String officer;
  String spoc;
  String housingOfficer;
  String viewer;
  String dpl;

  @BeforeEach
  void aPartnershipWithAProtocolBetweenPoliceAndCouncil() {
    partnership = fixtures.partnership();
    base = "/p/" + partnership.slug() + "/sharing";
    police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE);
    council = agencies.create(partnership, "Northbridge Council", AgencyType.LOCAL_AUTHORITY);
    housing = agencies.create(partnership, "Southmere Homes", AgencyType.HOUSING);
    officer = member(Role.ACTION_LEAD, "PC Ann Smith", police);
    spoc = member(Role.ANALYST, "Sam Spoc", council);
    housingOfficer = member(Role.ACTION_LEAD, "Harry Homes", housing);
    viewer = member(Role.VIEWER, "Cllr Vee", police);
    dpl = member(Role.DATA_PROTECTION_LEAD, "Dana Lead", null);
    protocolId = protocol(partnership, "Northbridge ISP", today.minusYears(1), null);
    party(partnership, protocolId, police, null);
    party(partnership, protocolId, council, personOf(spoc));
  }

  /** A member with a role, linked to a new person of the agency (or of none); their email. */
  String member(Role role, String name, Agency agency) {
    return member(partnership, role, name, agency);
  }

  /** A member of another partnership, as {@link #member(Role, String, Agency)}. */
  String member(Partnership p, Role role, String name, Agency agency) {
    return rows().member(p, role, name, agency);
  }

  long personOf(String email) {
    return rows().personOf(email);
  }

  long protocol(Partnership p, String title, LocalDate from, LocalDate until) {
    return rows().protocol(p, title, from, until);
  }

  /** The agency a party to the protocol since a year ago, with its SPOC (or none). */
  void party(Partnership p, long protocol, Agency agency, Long spocPerson) {
    rows().party(p, protocol, agency, today.minusYears(1), spocPerson);
  }

  private SharingRows rows() {
    return new SharingRows(fixtures, jdbc);
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder request, MockHttpSession session)
      throws Exception {
    return mvc.perform(request.session(session)).andReturn().getResponse();
  }

  MockHttpServletRequestBuilder request(Agency asked, String consent, String... more) {
    MockHttpServletRequestBuilder post =
        post(base + "/requests/new")
            .with(csrf())
            .param("token", java.util.UUID.randomUUID().toString())
            .param("askedAgency", Long.toString(asked.id()))
            .param("protocol", Long.toString(protocolId))
            .param("informationSought", "Any record of domestic abuse at the address")
            .param("purpose", "Risk assessment before the MARAC")
            .param("categories", "PERSONAL")
            .param("bases", basis("UK GDPR 6(1)(e)"), basis("Crime and Disorder Act 1998 s115"))
            .param("urgent", "no")
            .param("subjects[0].role", "VICTIM")
            .param("subjects[0].name", "Vicky Victim")
            .param("subjects[0].address", "1 High Street")
            .param("subjects[0].consent", consent)
            .param("subjects[0].notSoughtReason", "NOT_SOUGHT".equals(consent) ? "Risk" : "");
    for (int i = 0; i + 1 < more.length; i += 2) {
      post.param(more[i], more[i + 1]);
    }
    return post;
  }

  String basis(String code) {
    return jdbc.sql("select id::text from lawful_basis where partnership_id is null and code = :c")
        .param("c", code)
        .query(String.class)
        .single();
  }

  MockHttpServletRequestBuilder decision(int number, String... fields) {
    MockHttpServletRequestBuilder post =
        post(base + "/requests/" + number + "/decision")
            .with(csrf())
            .param("decidedOn.day", Integer.toString(today.getDayOfMonth()))
            .param("decidedOn.month", Integer.toString(today.getMonthValue()))
            .param("decidedOn.year", Integer.toString(today.getYear()))
            .param("authorisedBy", "Sam Spoc, Information Governance")
            .param("bases", basis("UK GDPR 6(1)(e)"));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      post.param(fields[i], fields[i + 1]);
    }
    return post;
  }

  /** A decision to share today without consent, to prevent significant harm, by secure email. */
  MockHttpServletRequestBuilder share(int number) {
    return decision(
        number,
        "outcome",
        "SHARE",
        "grounds",
        "PREVENT_SIGNIFICANT_HARM",
        "subjectTold",
        "no",
        "notToldReason",
        "Telling him would raise the risk",
        "informationTypes",
        "Police incidents",
        "method",
        "SECURE_EMAIL",
        "suppliedOn.day",
        Integer.toString(today.getDayOfMonth()),
        "suppliedOn.month",
        Integer.toString(today.getMonthValue()),
        "suppliedOn.year",
        Integer.toString(today.getYear()));
  }

  /** The protocol lets files be kept with decisions to share, for the days given. */
  void allowFiles(int days) {
    jdbc.sql(
            "update sharing_protocol set attachments_allowed = true,"
                + " attachment_retention_days = :days where id = :id")
        .param("days", days)
        .param("id", protocolId)
        .update();
  }

  /** Sends a file with the form at the address, as the page's file field does. */
  MockHttpServletResponse attach(String url, String name, byte[] bytes, MockHttpSession session)
      throws Exception {
    return mvc.perform(
            multipart(url)
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .with(csrf())
                .session(session))
        .andReturn()
        .getResponse();
  }

  /** The form of a consent given today by Vicky Victim herself, for information to the agency. */
  MockHttpServletRequestBuilder consentGiven(Agency recipient) {
    return post(base + "/consents/new")
        .with(csrf())
        .param("subjectName", "Vicky Victim")
        .param("givenBy", "SUBJECT")
        .param("explained", "yes")
        .param("covers", "Police incidents and risk assessments")
        .param("purposes", "Safety planning")
        .param("recipients", Long.toString(recipient.id()))
        .param("answer", "GIVEN")
        .param("givenOn.day", Integer.toString(today.getDayOfMonth()))
        .param("givenOn.month", Integer.toString(today.getMonthValue()))
        .param("givenOn.year", Integer.toString(today.getYear()));
  }
}
