package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The protocol register as its people use it: an administrator adds a protocol, records its signed
 * version, adds the parties with their SPOCs and deputies and puts it in force; every member reads
 * the register, only the keepers change it, another partnership finds nothing; a SPOC or deputy
 * must sign in with two factors while their party is under a protocol not ended, and sees its
 * review coming on their home page.
 */
@CcrHubTest
class ProtocolPagesIntegrationTests {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired Agencies agencies;
  @Autowired People people;
  @Autowired PersonAccounts personAccounts;
  @Autowired LawfulBases lawfulBases;
  @Autowired Protocols protocols;
  @Autowired SharingContacts contacts;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  MockHttpSession admin;
  String base;
  long police;
  long homes;
  long sam;
  long jo;
  long kim;
  long lee;
  String spocEmail;
  LocalDate today;

  @BeforeEach
  void aPartnershipWithTwoAgenciesAndTheirPeople() throws Exception {
    today = LocalDate.now(Dates.UK);
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    base = "/p/" + partnership.slug() + "/sharing/protocols";
    police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE).id();
    homes = agencies.create(partnership, "Southmere Homes", AgencyType.HOUSING).id();
    sam =
        people.create(partnership, "Sam Okafor", "Detective Sergeant", police, null, Set.of()).id();
    jo = people.create(partnership, "Jo Reed", null, police, null, Set.of()).id();
    kim = people.create(partnership, "Kim Hale", null, homes, null, Set.of()).id();
    lee = people.create(partnership, "Lee Tran", null, homes, null, Set.of()).id();
    spocEmail = fixtures.user(partnership, Role.VIEWER);
    personAccounts.link(partnership, accountId(spocEmail), Optional.of(sam));
  }

  @Test
  void anAdministratorAddsAProtocolRecordsItsSignedVersionAddsItsPartiesAndPutsItInForce()
      throws Exception {
    long id = createProtocol("Northbridge ISP");
    assertThat(page(admin, base + "/" + id)).contains("Northbridge ISP", "Draft", "Not in force");

    // a version with its signed PDF
    mvc.perform(
            multipart(base + "/" + id + "/versions/new")
                .file(
                    new MockMultipartFile(
                        "document", "Northbridge ISP v2.1.pdf", "application/pdf", PDF))
                .param("label", "2.1")
                .param("author", "Community safety team")
                .param("approvedBy", "CSP board")
                .param("approvedOn.day", "1")
                .param("approvedOn.month", "3")
                .param("approvedOn.year", "2026")
                .param("reviewOn.day", "1")
                .param("reviewOn.month", "3")
                .param("reviewOn.year", "2099")
                .param("notes", "Article 6(1)(ea) added")
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));

    // one party, then in force: refused, saying what is missing
    addParty(id, police, sam, jo);
    String refused =
        mvc.perform(inForce(id, today.minusDays(1)).session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("There is a problem")
        .contains(
            "The Northbridge ISP needs at least two parties before it can come into force: it has"
                + " only one. Add another party");
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.DRAFT);

    addParty(id, homes, kim, null);
    mvc.perform(inForce(id, today.minusDays(1)).session(admin))
        .andExpect(redirectedUrl(base + "/" + id));

    String html = page(admin, base + "/" + id);
    assertThat(html)
        .contains("Since " + Dates.date(today.minusDays(1)))
        .contains("UK GDPR 6(1)(e)")
        .contains("Personal: about someone who can be identified")
        .contains("2.1", "Community safety team", "1 March 2026 by CSP board", "1 March 2099")
        .contains("Northbridge ISP v2.1.pdf")
        .contains("Sam Okafor")
        .doesNotContain("Sam Okafor (no account")
        .contains("Jo Reed (no account: cannot decide)")
        .contains("Kim Hale (no account: cannot decide)")
        .contains("Still a party");

    // the signed PDF downloads as uploaded, audited
    long document =
        jdbc.sql(
                "select d.id from sharing_protocol_document d join sharing_protocol_version v"
                    + " on v.id = d.version_id where v.protocol_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    MvcResult download =
        mvc.perform(get(base + "/" + id + "/documents/" + document).session(admin))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn();
    assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);

    List<AuditRecord> trail = audit.about(partnership.id(), Protocols.PROTOCOL, "" + id, 20);
    assertThat(trail)
        .extracting(AuditRecord::action)
        .contains("CREATE", "RECORD_VERSION", "PUT_IN_FORCE", "EXPORT");
    assertThat(trail)
        .filteredOn(r -> r.action().equals("RECORD_VERSION"))
        .extracting(AuditRecord::summary)
        .singleElement()
        .asString()
        .contains("Recorded version 2.1 of Northbridge ISP", "SHA-256");
    long party =
        jdbc.sql("select id from sharing_party where protocol_id = :id and agency_id = :a")
            .param("id", id)
            .param("a", police)
            .query(Long.class)
            .single();
    assertThat(audit.about(partnership.id(), Protocols.PARTY, "" + party, 10))
        .extracting(AuditRecord::summary)
        .contains(
            "Appointed person " + sam + " as SPOC for Northbridge Police under the Northbridge ISP",
            "Appointed person "
                + jo
                + " as deputy SPOC for Northbridge Police under the Northbridge ISP");
  }

  @Test
  void aViewerReadsTheRegisterButCannotChangeIt() throws Exception {
    long id = protocolInForce("Northbridge ISP", today.plusDays(300));
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));

    String register = page(viewer, base);
    assertThat(register)
        .contains("Northbridge ISP", "In force", "2.1")
        .doesNotContain("Add a protocol");
    assertThat(page(viewer, base + "/" + id))
        .contains("Sam Okafor")
        .doesNotContain("Record a version")
        .doesNotContain("Start a review");

    for (String form :
        List.of(
            "/new",
            "/" + id + "/edit",
            "/" + id + "/versions/new",
            "/" + id + "/in-force",
            "/" + id + "/end",
            "/" + id + "/parties/new")) {
      mvc.perform(get(base + form).session(viewer)).andExpect(status().isForbidden());
      mvc.perform(post(base + form).session(viewer).with(csrf()).param("title", "Mine"))
          .andExpect(status().isForbidden());
    }
    mvc.perform(post(base + "/" + id + "/review").session(viewer).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.IN_FORCE);
  }

  @Test
  void anotherPartnershipsAdministratorFindsNothingAndBadAddressesAreNotFound() throws Exception {
    long id = createProtocol("Northbridge ISP");
    Partnership other = fixtures.partnership();
    MockHttpSession theirs = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    String theirBase = "/p/" + other.slug() + "/sharing/protocols";

    mvc.perform(get(theirBase + "/" + id).session(theirs)).andExpect(status().isNotFound());
    mvc.perform(get(theirBase + "/" + id + "/edit").session(theirs))
        .andExpect(status().isNotFound());
    mvc.perform(post(theirBase + "/" + id + "/review").session(theirs).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/" + id).session(theirs)).andExpect(status().isNotFound());
    assertThat(page(theirs, theirBase)).doesNotContain("Northbridge ISP");

    for (String bad :
        List.of(
            "/abc",
            "/99999999999999999999",
            "/-1",
            "/" + id + "/documents/123456789",
            "/" + id + "/parties/123456789/edit",
            "/" + id + "/versions/123456789/document")) {
      mvc.perform(get(base + bad).session(admin)).andExpect(status().isNotFound());
    }
  }

  @Test
  void aFormWithErrorsComesBackWithTheErrorSummaryAndWhatWasTyped() throws Exception {
    createProtocol("Northbridge ISP");
    String html =
        mvc.perform(
                post(base + "/new")
                    .session(admin)
                    .with(csrf())
                    .param("title", "  ")
                    .param("purposes", "To keep people safe")
                    .param("categories", "PERSONAL")
                    .param("responseWorkingDays", "ten")
                    .param("attachmentsAllowed", "no")
                    .param("attachmentRetentionDays", "400")
                    .param("retentionYears", "6"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("<title>Error: Add a protocol")
        .contains("There is a problem")
        .contains("href=\"#title\">Enter the title</a>")
        .contains("The response time must be a whole number")
        .contains("Attachments must be kept from 1 to 365 days")
        .contains("To keep people safe")
        .contains("value=\"ten\"")
        .contains("value=\"400\"");

    // a title taken (capitals aside), and far too long a text
    assertThat(
            mvc.perform(
                    post(base + "/new")
                        .session(admin)
                        .with(csrf())
                        .param("title", "NORTHBRIDGE isp")
                        .param("responseWorkingDays", "10")
                        .param("attachmentsAllowed", "no")
                        .param("attachmentRetentionDays", "30")
                        .param("retentionYears", "6"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("There is already a protocol called NORTHBRIDGE isp: choose another title");
    assertThat(
            mvc.perform(
                    post(base + "/new")
                        .session(admin)
                        .with(csrf())
                        .param("title", "T".repeat(100_000))
                        .param("purposes", "P".repeat(100_000))
                        .param("responseWorkingDays", "99999999999")
                        .param("bases", "12345678901234567890")
                        .param("attachmentsAllowed", "maybe")
                        .param("attachmentRetentionDays", "30")
                        .param("retentionYears", "6"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("The title must be 200 characters or fewer")
        .contains("The purposes must be 4000 characters or fewer")
        .contains("Choose the lawful bases from the list")
        .contains("Select whether decisions may carry attachments");
  }

  @Test
  void aWithdrawalNeedsAReasonAndAnEndedProtocolIsWithdrawn() throws Exception {
    long id = protocolInForce("Northbridge ISP", today.plusDays(300));
    String html =
        mvc.perform(end(id, "WITHDRAWN", today.minusDays(1), "").session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("There is a problem")
        .contains("Enter why the protocol is being withdrawn");
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.IN_FORCE);

    mvc.perform(end(id, "WITHDRAWN", today.minusDays(1), "Replaced by the 2027 ISP").session(admin))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.WITHDRAWN);
    assertThat(page(admin, base + "/" + id))
        .contains("Withdrawn")
        .contains("Last day in force was " + Dates.date(today.minusDays(1)))
        .contains("Replaced by the 2027 ISP");
  }

  @Test
  void aSpocOrDeputyMustSignInWithTwoFactorsWhileTheirPartyIsUnderAProtocolNotEnded()
      throws Exception {
    long id = protocolInForce("Northbridge ISP", today.plusDays(300));
    String deputyEmail = fixtures.user(partnership, Role.ANALYST);
    personAccounts.link(partnership, accountId(deputyEmail), Optional.of(jo));

    MockHttpSession password =
        (MockHttpSession)
            mvc.perform(
                    formLogin("/sign-in")
                        .userParameter("email")
                        .user(spocEmail)
                        .password(Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/account/two-factor"))
                .andReturn()
                .getRequest()
                .getSession(false);
    mvc.perform(get("/p/" + partnership.slug()).session(password))
        .andExpect(redirectedUrl("/account/two-factor"));
    mvc.perform(get(base).session(password)).andExpect(redirectedUrl("/account/two-factor"));
    assertThat(page(password, "/account/two-factor"))
        .contains(
            "Your role as SPOC for Northbridge Police under the Northbridge ISP requires"
                + " two-factor sign-in. Set it up to continue.");
    assertThat(contacts.heldBy(accountId(deputyEmail)))
        .containsExactly("deputy SPOC for Northbridge Police under the Northbridge ISP");
    assertThat(contacts.heldIn(partnership.id(), accountId(deputyEmail))).isTrue();
    assertThat(contacts.heldIn(fixtures.partnership().id(), accountId(deputyEmail))).isFalse();

    // once the police leave, neither is held to it
    long party =
        jdbc.sql("select id from sharing_party where protocol_id = :id and agency_id = :a")
            .param("id", id)
            .param("a", police)
            .query(Long.class)
            .single();
    protocols.recordLeaving(partnership, id, party, today.minusDays(1));
    assertThat(contacts.heldBy(accountId(spocEmail))).isEmpty();
    assertThat(contacts.heldBy(accountId(deputyEmail))).isEmpty();
    assertThat(contacts.heldIn(partnership.id(), accountId(spocEmail))).isFalse();
    // rejoined, and the protocol ended yesterday: still not
    protocols.rejoin(partnership, id, party);
    assertThat(contacts.heldBy(accountId(spocEmail))).hasSize(1);
    protocols.end(
        partnership,
        id,
        new ProtocolRegisterChanges.Ending(ProtocolEnding.EXPIRED, today.minusDays(1), ""));
    assertThat(contacts.heldBy(accountId(spocEmail))).isEmpty();
  }

  @Test
  void theReviewComingShowsOnTheHomePageOfItsSpocsAndAdministrators() throws Exception {
    long id = protocolInForce("Northbridge ISP", today.plusDays(20));

    MockHttpSession spoc = twoFactor.signIn(mvc, spocEmail);
    assertThat(page(spoc, "/p/" + partnership.slug()))
        .contains("Information sharing protocols to review")
        .contains("Northbridge ISP: review due in 20 days")
        .contains(base + "/" + id);
    // the administrators too; a member who is nobody's SPOC, not
    assertThat(page(admin, "/p/" + partnership.slug()))
        .contains("Northbridge ISP: review due in 20 days");
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    assertThat(page(viewer, "/p/" + partnership.slug()))
        .doesNotContain("Information sharing protocols to review");
    assertThat(page(viewer, base)).contains("Review due in 20 days");

    // overdue once the day has passed; not at all once it has ended
    protocols.recordVersion(
        partnership,
        id,
        new ProtocolRegisterChanges.NewVersion(
            "2.2",
            "",
            "",
            Optional.of(today.minusYears(1)),
            Optional.of(today.minusDays(14)),
            "Recorded late"),
        Optional.empty(),
        "Test");
    assertThat(page(spoc, "/p/" + partnership.slug()))
        .contains("Northbridge ISP: review overdue by 14 days");
    protocols.end(
        partnership,
        id,
        new ProtocolRegisterChanges.Ending(ProtocolEnding.EXPIRED, today.minusDays(1), ""));
    assertThat(page(admin, "/p/" + partnership.slug()))
        .doesNotContain("Information sharing protocols to review");
  }

  @Test
  void aReviewRunsUntilTheNextVersionAndPartiesLeaveAndRejoin() throws Exception {
    long id = protocolInForce("Northbridge ISP", today.plusDays(300));
    mvc.perform(post(base + "/" + id + "/review").session(admin).with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.UNDER_REVIEW);
    assertThat(page(admin, base)).contains("Under review");
    // a second start is refused, saying why
    mvc.perform(post(base + "/" + id + "/review").session(admin).with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    mvc.perform(
            multipart(base + "/" + id + "/versions/new")
                .file(
                    new MockMultipartFile(
                        "document",
                        "v3.docx",
                        "application/pdf",
                        "PK\3\4".getBytes(StandardCharsets.US_ASCII)))
                .param("label", "3.0")
                .session(admin)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("The selected file must be a PDF")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"3.0\"")));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.UNDER_REVIEW);
    // a signed PDF too large for the register, added to a version recorded already
    long version =
        jdbc.sql("select id from sharing_protocol_version where protocol_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    byte[] large = java.util.Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
    mvc.perform(
            multipart(base + "/" + id + "/versions/" + version + "/document")
                .file(new MockMultipartFile("document", "scan.pdf", "application/pdf", large))
                .session(admin)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "The selected file must be smaller than 20MB")));
    mvc.perform(
            multipart(base + "/" + id + "/versions/" + version + "/document")
                .file(new MockMultipartFile("document", "scan.pdf", "application/pdf", PDF))
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.UNDER_REVIEW);
    mvc.perform(
            post(base + "/" + id + "/versions/new")
                .param("label", "3.0")
                .param("approvedOn.day", "31")
                .param("approvedOn.month", "2")
                .param("approvedOn.year", "2027")
                .session(admin)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "The date it was approved must be a real date")));
    mvc.perform(
            post(base + "/" + id + "/versions/new")
                .param("label", "3.0")
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.IN_FORCE);

    long party =
        jdbc.sql("select id from sharing_party where protocol_id = :id and agency_id = :a")
            .param("id", id)
            .param("a", homes)
            .query(Long.class)
            .single();
    String leave = base + "/" + id + "/parties/" + party + "/leave";
    mvc.perform(
            post(leave)
                .param("lastDay.day", "1")
                .param("lastDay.month", "1")
                .param("lastDay.year", "2026")
                .session(admin)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "The last day must be on or after 2 March 2026, the day it joined")));
    mvc.perform(
            post(leave)
                .param("lastDay.day", "" + today.getDayOfMonth())
                .param("lastDay.month", "" + today.getMonthValue())
                .param("lastDay.year", "" + today.getYear())
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(page(admin, base + "/" + id)).contains("Rejoin");
    mvc.perform(post(base + "/" + id + "/parties/" + party + "/rejoin").session(admin).with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(audit.about(partnership.id(), Protocols.PARTY, "" + party, 10))
        .extracting(AuditRecord::action)
        .contains("LEAVE", "REJOIN");

    // ended by mistake, and the end removed
    mvc.perform(end(id, "EXPIRED", today.minusDays(1), "").session(admin))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.EXPIRED);
    mvc.perform(post(base + "/" + id + "/end/remove").session(admin).with(csrf()))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(statusOf(id)).isEqualTo(ProtocolStatus.IN_FORCE);
    assertThat(audit.about(partnership.id(), Protocols.PROTOCOL, "" + id, 20))
        .extracting(AuditRecord::action)
        .contains("START_REVIEW", "END", "REMOVE_END");
  }

  @Test
  void aPartysSpocAndDeputyAreTwoPeopleOfItsAgency() throws Exception {
    long id = protocolInForce("Northbridge ISP", today.plusDays(300));
    long party =
        jdbc.sql("select id from sharing_party where protocol_id = :id and agency_id = :a")
            .param("id", id)
            .param("a", police)
            .query(Long.class)
            .single();
    String edit = base + "/" + id + "/parties/" + party + "/edit";
    String form = page(admin, edit);
    assertThat(form).contains("Sam Okafor, Detective Sergeant").doesNotContain("Kim Hale");
    int version =
        jdbc.sql("select version from sharing_party where id = :id")
            .param("id", party)
            .query(Integer.class)
            .single();

    String refused =
        mvc.perform(partyEdit(edit, version, sam, sam).session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("Choose a deputy who is not the SPOC: they must be two people");
    assertThat(
            mvc.perform(partyEdit(edit, version, kim, jo).session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Choose a SPOC who works for Northbridge Police");

    // the deputy becomes SPOC, with no deputy: both audited by person id
    mvc.perform(partyEdit(edit, version, jo, null).session(admin))
        .andExpect(redirectedUrl(base + "/" + id));
    assertThat(audit.about(partnership.id(), Protocols.PARTY, "" + party, 10))
        .extracting(AuditRecord::summary)
        .contains(
            "Appointed person "
                + jo
                + " as SPOC for Northbridge Police under the Northbridge ISP,"
                + " in place of person "
                + sam,
            "Person "
                + jo
                + " is no longer deputy SPOC for Northbridge Police under the Northbridge ISP");
    // a form opened before that change is refused
    assertThat(
            mvc.perform(partyEdit(edit, version, sam, jo).session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Someone else changed");

    // the police are a party already; and the agency is the partnership's
    assertThat(
            mvc.perform(
                    post(base + "/" + id + "/parties/new")
                        .session(admin)
                        .with(csrf())
                        .param("agency", "" + police)
                        .param("joinedOn.day", "2")
                        .param("joinedOn.month", "3")
                        .param("joinedOn.year", "2026")
                        .param("spoc", "" + sam))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Northbridge Police is already a party to the Northbridge ISP");
  }

  @Test
  void everyPageOfTheRegisterOpensForItsKeepers() throws Exception {
    long id = protocolInForce("The MARAC ISP", today.plusDays(300));
    long party =
        jdbc.sql("select id from sharing_party where protocol_id = :id order by id limit 1")
            .param("id", id)
            .query(Long.class)
            .single();
    long version =
        jdbc.sql("select id from sharing_protocol_version where protocol_id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    for (String path :
        List.of(
            "",
            "/new",
            "/" + id,
            "/" + id + "/edit",
            "/" + id + "/versions/new",
            "/" + id + "/versions/" + version + "/document",
            "/" + id + "/in-force",
            "/" + id + "/end",
            "/" + id + "/parties/new",
            "/" + id + "/parties/" + party + "/edit",
            "/" + id + "/parties/" + party + "/leave")) {
      assertThat(page(admin, base + path))
          .contains(path.equals("/new") ? "Add a protocol" : "The MARAC ISP")
          .doesNotContain("the The");
    }
    // putting it in force again is refused, saying why
    assertThat(
            mvc.perform(inForce(id, today).session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("The MARAC ISP is already in force, since " + Dates.date(today.minusDays(1)));
  }

  // --- the journey's steps, through the pages

  private long createProtocol(String title) throws Exception {
    long basis =
        lawfulBases.of(partnership).stream()
            .filter(b -> b.code().equals("UK GDPR 6(1)(e)"))
            .findFirst()
            .orElseThrow()
            .id();
    MvcResult created =
        mvc.perform(
                post(base + "/new")
                    .session(admin)
                    .with(csrf())
                    .param("title", title)
                    .param("purposes", "To reduce crime and disorder")
                    .param("categories", "PERSONAL", "SPECIAL_CATEGORY")
                    .param("bases", Long.toString(basis))
                    .param("responseWorkingDays", "10")
                    .param("attachmentsAllowed", "no")
                    .param("attachmentRetentionDays", "30")
                    .param("retentionYears", "6"))
            .andExpect(redirectedUrlPattern(base + "/*"))
            .andReturn();
    String url = created.getResponse().getRedirectedUrl();
    return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
  }

  /** A protocol in force since yesterday, whose version is to be reviewed on the day. */
  private long protocolInForce(String title, LocalDate reviewOn) throws Exception {
    long id = createProtocol(title);
    mvc.perform(
            post(base + "/" + id + "/versions/new")
                .session(admin)
                .with(csrf())
                .param("label", "2.1")
                .param("approvedOn.day", "1")
                .param("approvedOn.month", "3")
                .param("approvedOn.year", "2026")
                .param("reviewOn.day", "" + reviewOn.getDayOfMonth())
                .param("reviewOn.month", "" + reviewOn.getMonthValue())
                .param("reviewOn.year", "" + reviewOn.getYear()))
        .andExpect(redirectedUrl(base + "/" + id));
    addParty(id, police, sam, jo);
    addParty(id, homes, kim, lee);
    mvc.perform(inForce(id, today.minusDays(1)).session(admin))
        .andExpect(redirectedUrl(base + "/" + id));
    return id;
  }

  private void addParty(long id, long agency, long spoc, Long deputy) throws Exception {
    mvc.perform(
            post(base + "/" + id + "/parties/new")
                .session(admin)
                .with(csrf())
                .param("agency", "" + agency)
                .param("signatoryName", "A. Signer")
                .param("signatoryRole", "Chief Executive")
                .param("signedOn.day", "2")
                .param("signedOn.month", "3")
                .param("signedOn.year", "2026")
                .param("joinedOn.day", "2")
                .param("joinedOn.month", "3")
                .param("joinedOn.year", "2026")
                .param("spoc", "" + spoc)
                .param("deputy", deputy == null ? "" : "" + deputy))
        .andExpect(redirectedUrl(base + "/" + id));
  }

  private MockHttpServletRequestBuilder partyEdit(String url, int version, long spoc, Long deputy) {
    return post(url)
        .with(csrf())
        .param("version", "" + version)
        .param("signatoryName", "A. Signer")
        .param("joinedOn.day", "2")
        .param("joinedOn.month", "3")
        .param("joinedOn.year", "2026")
        .param("spoc", "" + spoc)
        .param("deputy", deputy == null ? "" : "" + deputy);
  }

  private MockHttpServletRequestBuilder inForce(long id, LocalDate from) {
    return post(base + "/" + id + "/in-force")
        .with(csrf())
        .param("inForceFrom.day", "" + from.getDayOfMonth())
        .param("inForceFrom.month", "" + from.getMonthValue())
        .param("inForceFrom.year", "" + from.getYear());
  }

  private MockHttpServletRequestBuilder end(
      long id, String ending, LocalDate lastDay, String reason) {
    return post(base + "/" + id + "/end")
        .with(csrf())
        .param("ending", ending)
        .param("lastDay.day", "" + lastDay.getDayOfMonth())
        .param("lastDay.month", "" + lastDay.getMonthValue())
        .param("lastDay.year", "" + lastDay.getYear())
        .param("reason", reason);
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private ProtocolStatus statusOf(long id) {
    return protocols.protocol(partnership, id, today).status();
  }

  private long accountId(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }
}
