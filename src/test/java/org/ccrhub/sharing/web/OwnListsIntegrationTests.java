package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.LawfulBases;
import org.ccrhub.sharing.OwnInformationTypes;
import org.ccrhub.sharing.OwnLawfulBases;
import org.ccrhub.sharing.SharingImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A partnership's own lawful bases and types of information as its people meet them: an
 * administrator adds a local power, which the protocol, request and decision forms then offer and
 * an imported log matches by its other name; once a request cites it, it keeps its code and can
 * only be retired; the data protection lead adds a type of information the decision form offers; a
 * code or name another entry has, shipped or own, is refused with a message that says which; bad
 * input comes back on the form; members read the lists, only the keepers change them, another
 * partnership finds nothing, and every change is in the audit trail.
 */
@CcrHubTest
class OwnListsIntegrationTests extends SharingPageTests {

  static final String LASSA = "Local Authority Social Services Act 1970 s7";

  @Autowired AuditTrail audit;
  @Autowired LawfulBases lawfulBases;
  @Autowired SharingImport sharingImport;

  MockHttpSession admin;

  @BeforeEach
  void anAdministrator() throws Exception {
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
  }

  @Test
  void aBasisAddedIsOfferedOnEveryFormMatchedByAnImportAndOnceCitedOnlyRetired() throws Exception {
    MockHttpServletResponse added =
        send(
            newBasis(
                "kind", "POWER",
                "code", " " + LASSA + " ",
                "aliases", "LASSA 1970 s7\n\nlassa 1970 S7\nLASSA s7",
                "title", "Social services functions of local authorities",
                "needs", "NONE",
                "schedulePart", "NONE",
                "note", "Cited by the council for adult social care"),
            admin);
    assertThat(added.getRedirectedUrl()).isEqualTo(base + "/lawful-bases");
    long id = ownBasis(LASSA);
    assertThat(text(page(admin, base + "/lawful-bases")))
        .contains("Your partnership’s own")
        .contains(LASSA + " Also written LASSA 1970 s7; LASSA s7")
        .contains("Power to share Social services functions of local authorities")
        .contains("Yes Nothing")
        .contains("UK GDPR Article 6: lawful basis", "UK GDPR 6(1)(e)")
        .contains("DPA 2018 Schedule 1 condition", "DPA 2018 Sch 1 para 18")
        .contains("Needs: A DPA 2018 Schedule 1 Part 2 condition");
    assertThat(audit.about(partnership.id(), OwnLawfulBases.LAWFUL_BASIS, "" + id, 10))
        .extracting(AuditRecord::summary)
        .containsExactly("Added the lawful basis " + LASSA + " (Power to share)");

    // offered on the protocol form and, to an officer, on the request form
    assertThat(page(admin, base + "/protocols/new")).contains(LASSA);
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(text(page(asOfficer, base + "/requests/new")))
        .contains(LASSA + ": Social services functions of local authorities");

    // a request citing it; then the SPOC's decision form offers it
    MockHttpServletResponse raised =
        send(request(council, "NOT_SOUGHT", "bases", "" + id), asOfficer);
    assertThat(raised.getRedirectedUrl()).isEqualTo(base + "/requests/1");
    assertThat(page(asOfficer, base + "/requests/1")).contains(LASSA);
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    assertThat(text(page(asSpoc, base + "/requests/1/decision")))
        .contains(LASSA + ": Social services functions of local authorities");

    // cited now: it keeps its code and kind, cannot be deleted, and can be retired
    String edit = text(page(admin, base + "/lawful-bases/" + id + "/edit"));
    assertThat(edit)
        .contains("1 request cites it, so its kind and code stay as they are.")
        .contains("Retire it")
        .doesNotContain("Delete this lawful basis");
    String refused =
        send(
                edit(
                    id,
                    "kind",
                    "POWER",
                    "code",
                    "LASSA 1970 section 7",
                    "title",
                    "Social services functions",
                    "version",
                    "0"),
                admin)
            .getContentAsString();
    assertThat(text(refused))
        .contains("There is a problem")
        .contains(
            "Its code and kind stay as they are: 1 request cites it. Retire it and add another"
                + " instead");
    assertThat(refused).contains("value=\"LASSA 1970 section 7\"");
    assertThat(
            text(
                send(post(base + "/lawful-bases/" + id + "/delete").with(csrf()), admin)
                    .getContentAsString()))
        .contains(
            LASSA
                + " cannot be deleted: 1 request cites it. Retire it instead, and it will no"
                + " longer be offered");
    // its title and note can still change
    assertThat(
            send(
                    edit(
                        id,
                        "kind",
                        "POWER",
                        "code",
                        LASSA,
                        "aliases",
                        "LASSA 1970 s7",
                        "title",
                        "Social services functions of councils",
                        "version",
                        "0"),
                    admin)
                .getRedirectedUrl())
        .isEqualTo(base + "/lawful-bases");

    assertThat(
            send(post(base + "/lawful-bases/" + id + "/retire").with(csrf()), admin)
                .getRedirectedUrl())
        .isEqualTo(base + "/lawful-bases");
    assertThat(text(page(admin, base + "/lawful-bases")))
        .contains("Not since " + Dates.date(today.minusDays(1)))
        .contains("1 request");
    assertThat(page(asOfficer, base + "/requests/new")).doesNotContain(LASSA);
    // the request still names it
    assertThat(page(asOfficer, base + "/requests/1")).contains(LASSA);
    send(post(base + "/lawful-bases/" + id + "/restore").with(csrf()), admin);
    assertThat(page(asOfficer, base + "/requests/new")).contains(LASSA);

    // an imported log names it by its other name, capitals and spaces aside
    sharingImport.importLog(
        partnership,
        (HEADER
                + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,"
                + "victim,Risk assessment,no,,given,UK GDPR 6(1)(e); lassa  1970 S7,,,,,,,,\r\n")
            .getBytes(StandardCharsets.UTF_8),
        "log.csv",
        "Dana Lead");
    assertThat(
            jdbc.sql(
                    "select count(*) from sharing_request_basis rb join sharing_request r"
                        + " on r.id = rb.request_id where r.partnership_id = :p and r.imported"
                        + " and rb.basis_id = :b")
                .param("p", partnership.id())
                .param("b", id)
                .query(Integer.class)
                .single())
        .isOne();
    assertThat(text(page(admin, base + "/lawful-bases"))).contains("2 requests");

    assertThat(audit.about(partnership.id(), OwnLawfulBases.LAWFUL_BASIS, "" + id, 10))
        .extracting(AuditRecord::action)
        .containsExactlyInAnyOrder("CREATE", "UPDATE", "RETIRE", "RESTORE");
    assertThat(audit.about(partnership.id(), OwnLawfulBases.LAWFUL_BASIS, "" + id, 10))
        .extracting(AuditRecord::summary)
        .contains(
            "Changed the lawful basis " + LASSA + ": other names, title, note",
            "Retired the lawful basis "
                + LASSA
                + ": its last day in use was "
                + Dates.date(today.minusDays(1)));
  }

  @Test
  void aCodeOrOtherNameAnotherBasisHasIsRefusedSayingWhichAndAnUnusedOneIsDeleted()
      throws Exception {
    assertThat(
            text(
                send(
                        newBasis(
                            "kind", "ARTICLE_6", "code", "uk gdpr article 6 (1)(e)", "title", "x"),
                        admin)
                    .getContentAsString()))
        .contains("There is a problem")
        .contains(
            "uk gdpr article 6 (1)(e) is already the lawful basis UK GDPR 6(1)(e), which CCR Hub"
                + " ships: choose another code");
    assertThat(
            text(
                send(
                        newBasis(
                            "kind", "POWER",
                            "code", "Local crime protocol",
                            "aliases", "CDA 1998 s115",
                            "title", "Our own"),
                        admin)
                    .getContentAsString()))
        .contains(
            "CDA 1998 s115 is already another name of Crime and Disorder Act 1998 s115, which"
                + " CCR Hub ships: remove it");

    // the DPA 1998 condition, to import old logs: in use until 24/05/2018
    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    assertThat(
            send(
                    newBasis(
                        "kind", "ARTICLE_6",
                        "code", "DPA 1998 Sch 2 para 5",
                        "aliases", "DPA 1998 Schedule 2 para 5",
                        "title", "Functions of a public nature",
                        "inUseUntil.day", "24",
                        "inUseUntil.month", "5",
                        "inUseUntil.year", "2018"),
                    asDpl)
                .getRedirectedUrl())
        .isEqualTo(base + "/lawful-bases");
    long old = ownBasis("DPA 1998 Sch 2 para 5");
    assertThat(text(page(asDpl, base + "/lawful-bases"))).contains("Not since 24 May 2018");
    assertThat(
            text(
                send(
                        newBasis(
                            "kind", "POWER",
                            "code", "DPA 1998 SCH 2 PARA 5",
                            "title", "Again"),
                        admin)
                    .getContentAsString()))
        .contains(
            "DPA 1998 SCH 2 PARA 5 is already the lawful basis DPA 1998 Sch 2 para 5, one of"
                + " your partnership's own: choose another code");
    // another partnership may have the same code
    Partnership other = fixtures.partnership();
    MockHttpSession theirs = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    String theirBase = "/p/" + other.slug() + "/sharing/lawful-bases";
    assertThat(
            send(
                    post(theirBase + "/new")
                        .with(csrf())
                        .param("kind", "ARTICLE_6")
                        .param("code", "DPA 1998 Sch 2 para 5")
                        .param("title", "Theirs"),
                    theirs)
                .getRedirectedUrl())
        .isEqualTo(theirBase);

    // nothing cites it: it is deleted
    assertThat(text(page(admin, base + "/lawful-bases/" + old + "/edit")))
        .contains("Its last day in use was 24 May 2018", "Restore it", "Delete this lawful basis");
    assertThat(
            send(post(base + "/lawful-bases/" + old + "/delete").with(csrf()), admin)
                .getRedirectedUrl())
        .isEqualTo(base + "/lawful-bases");
    assertThat(text(page(admin, base + "/lawful-bases")))
        .contains("DPA 1998 Sch 2 para 5 deleted")
        .contains("Your partnership has not added any.");
    assertThat(audit.about(partnership.id(), OwnLawfulBases.LAWFUL_BASIS, "" + old, 10))
        .extracting(AuditRecord::summary)
        .contains("Deleted the lawful basis DPA 1998 Sch 2 para 5");
  }

  @Test
  void badInputComesBackOnTheFormWithEverythingTypedAndNeverAnError() throws Exception {
    String html =
        send(
                newBasis(
                    "kind", "POWER",
                    "code", "",
                    "aliases", "Our power",
                    "title", "A power of ours",
                    "needs", "SCHEDULE_1_PART_1",
                    "schedulePart", "2",
                    "note", "Kept for the council",
                    "inUseFrom.day", "1",
                    "inUseFrom.month", "6",
                    "inUseFrom.year", "2020",
                    "inUseUntil.day", "31",
                    "inUseUntil.month", "5",
                    "inUseUntil.year", "2020"),
                admin)
            .getContentAsString();
    assertThat(html).contains("<title>Error: Add a lawful basis");
    assertThat(text(html))
        .contains("There is a problem")
        .contains("Enter the code")
        .contains(
            "Only an Article 9 or Article 10 condition needs a Schedule 1 condition alongside it:"
                + " select Nothing else")
        .contains("Only a DPA 2018 Schedule 1 condition has a part of the Schedule: select None")
        .contains("The last day in use must be on or after the first day");
    assertThat(html)
        .contains("href=\"#code\"")
        .contains("Our power")
        .contains("value=\"A power of ours\"")
        .contains("Kept for the council")
        .contains("value=\"2020\"");

    for (MockHttpServletRequestBuilder bad :
        List.of(
            newBasis("code", "No kind", "title", "x"),
            newBasis("kind", "NONSENSE", "code", "x", "title", "x"),
            newBasis(
                "kind", "POWER",
                "code", "C".repeat(100_000),
                "title", "T".repeat(100_000),
                "aliases", "A\n".repeat(5000),
                "note", "N".repeat(100_000)),
            newBasis(
                "kind", "ARTICLE_9",
                "code", "x",
                "title", "x",
                "needs", "EVERYTHING",
                "schedulePart", "7",
                "inUseFrom.day", "31",
                "inUseFrom.month", "2",
                "inUseFrom.year", "2020",
                "version", "99999999999999"),
            post(base + "/information-types/new")
                .with(csrf())
                .param("name", "N".repeat(100_000)))) {
      MockHttpServletResponse response = send(bad, admin);
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsString()).contains("There is a problem");
    }
    assertThat(ownBases()).isZero();
  }

  @Test
  void theDataProtectionLeadAddsATypeOfInformationThatDecisionsOfferUntilRetired()
      throws Exception {
    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    assertThat(
            text(
                send(
                        post(base + "/information-types/new")
                            .with(csrf())
                            .param("name", "contact DETAILS"),
                        asDpl)
                    .getContentAsString()))
        .contains(
            "There is already a type of information called contact DETAILS, which CCR Hub ships:"
                + " choose another name");
    assertThat(
            send(
                    post(base + "/information-types/new")
                        .with(csrf())
                        .param("name", " Immigration status "),
                    asDpl)
                .getRedirectedUrl())
        .isEqualTo(base + "/information-types");
    long id = ownType("Immigration status");
    assertThat(text(page(asDpl, base + "/information-types")))
        .contains("Immigration status Yes 0")
        .contains("Contact details", "Risk assessment");

    // a request asked of the council: its SPOC's decision form offers the type
    requestOfCouncil();
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    assertThat(page(asSpoc, base + "/requests/1/decision")).contains("Immigration status");

    // renamed while no decision names it; then retired, no longer offered; restored
    assertThat(
            send(
                    post(base + "/information-types/" + id + "/edit")
                        .with(csrf())
                        .param("name", "Immigration and residence status")
                        .param("version", "0"),
                    asDpl)
                .getRedirectedUrl())
        .isEqualTo(base + "/information-types");
    send(post(base + "/information-types/" + id + "/retire").with(csrf()), asDpl);
    assertThat(text(page(asDpl, base + "/information-types")))
        .contains("Immigration and residence status Retired");
    assertThat(page(asSpoc, base + "/requests/1/decision"))
        .doesNotContain("Immigration and residence status");
    send(post(base + "/information-types/" + id + "/restore").with(csrf()), asDpl);

    // a decision names it: it keeps its name, and is not deleted
    MockHttpServletResponse decided =
        send(
            post(base + "/requests/1/decision")
                .with(csrf())
                .param("decidedOn.day", "" + today.getDayOfMonth())
                .param("decidedOn.month", "" + today.getMonthValue())
                .param("decidedOn.year", "" + today.getYear())
                .param("authorisedBy", "Sam Spoc")
                .param("bases", basis("UK GDPR 6(1)(e)"))
                .param("outcome", "SHARE")
                .param("grounds", "PREVENT_SIGNIFICANT_HARM")
                .param("subjectTold", "yes")
                .param("informationTypes", "Immigration and residence status")
                .param("method", "SECURE_EMAIL")
                .param("suppliedOn.day", "" + today.getDayOfMonth())
                .param("suppliedOn.month", "" + today.getMonthValue())
                .param("suppliedOn.year", "" + today.getYear())
                .param("summary", "Status on record"),
            asSpoc);
    assertThat(decided.getRedirectedUrl()).isEqualTo(base + "/requests/1");
    assertThat(
            text(
                send(
                        post(base + "/information-types/" + id + "/edit")
                            .with(csrf())
                            .param("name", "Residence")
                            .param("version", "3"),
                        asDpl)
                    .getContentAsString()))
        .contains("Its name stays as it is: 1 decision names it. Retire it and add another");
    assertThat(
            text(
                send(post(base + "/information-types/" + id + "/delete").with(csrf()), asDpl)
                    .getContentAsString()))
        .contains(
            "Immigration and residence status cannot be deleted: 1 decision names it. Retire it"
                + " instead");
    assertThat(audit.about(partnership.id(), OwnInformationTypes.INFORMATION_TYPE, "" + id, 10))
        .extracting(AuditRecord::summary)
        .containsExactlyInAnyOrder(
            "Added the type of information Immigration status",
            "Renamed the type of information Immigration status to Immigration and residence"
                + " status",
            "Retired the type of information Immigration and residence status",
            "Restored the type of information Immigration and residence status");
  }

  @Test
  void membersReadTheListsOnlyKeepersChangeThemAndAnotherPartnershipFindsNothing()
      throws Exception {
    send(newBasis("kind", "POWER", "code", LASSA, "title", "Social services"), admin);
    send(post(base + "/information-types/new").with(csrf()).param("name", "Immigration"), admin);
    long basis = ownBasis(LASSA);
    long type = ownType("Immigration");

    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    assertThat(page(viewer, base)).contains("Lawful bases", "Types of information");
    assertThat(page(viewer, base + "/protocols"))
        .contains(base + "/lawful-bases", base + "/information-types");
    assertThat(text(page(viewer, base + "/lawful-bases")))
        .contains(LASSA, "UK GDPR 6(1)(e)")
        .doesNotContain("Add a lawful basis");
    assertThat(text(page(viewer, base + "/information-types")))
        .contains("Immigration", "Contact details")
        .doesNotContain("Add a type of information");
    for (String path :
        List.of(
            "/lawful-bases/new",
            "/lawful-bases/" + basis + "/edit",
            "/information-types/new",
            "/information-types/" + type + "/edit")) {
      assertThat(send(get(base + path), viewer).getStatus()).isEqualTo(403);
      assertThat(send(post(base + path).with(csrf()).param("name", "Mine"), viewer).getStatus())
          .isEqualTo(403);
    }
    for (String path :
        List.of(
            "/lawful-bases/" + basis + "/retire",
            "/lawful-bases/" + basis + "/delete",
            "/information-types/" + type + "/delete")) {
      assertThat(send(post(base + path).with(csrf()), viewer).getStatus()).isEqualTo(403);
    }
    assertThat(ownBases()).isOne();

    // another partnership's administrator: our entries are not found, at either address
    Partnership other = fixtures.partnership();
    MockHttpSession theirs = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    String theirBase = "/p/" + other.slug() + "/sharing";
    assertThat(page(theirs, theirBase + "/lawful-bases")).doesNotContain(LASSA);
    assertThat(page(theirs, theirBase + "/information-types")).doesNotContain("Immigration");
    for (String path :
        List.of(
            theirBase + "/lawful-bases/" + basis + "/edit",
            theirBase + "/information-types/" + type + "/edit",
            base + "/lawful-bases/" + basis + "/edit")) {
      assertThat(send(get(path), theirs).getStatus()).isEqualTo(404);
    }
    for (String path :
        List.of(
            theirBase + "/lawful-bases/" + basis + "/delete",
            theirBase + "/lawful-bases/" + basis + "/retire",
            theirBase + "/information-types/" + type + "/delete")) {
      assertThat(send(post(path).with(csrf()), theirs).getStatus()).isEqualTo(404);
    }
    assertThat(ownBases()).isOne();
    assertThat(ownType("Immigration")).isEqualTo(type);

    // shipped entries cannot be changed; bad addresses are not found
    for (String bad :
        List.of(
            "/lawful-bases/" + basis("UK GDPR 6(1)(e)") + "/edit",
            "/information-types/" + shippedType("Contact details") + "/edit",
            "/lawful-bases/abc/edit",
            "/lawful-bases/99999999999999999999/edit",
            "/information-types/-1/edit")) {
      assertThat(send(get(base + bad), admin).getStatus()).isEqualTo(404);
    }
    assertThat(
            send(
                    post(base + "/lawful-bases/" + basis("UK GDPR 6(1)(e)") + "/delete")
                        .with(csrf()),
                    admin)
                .getStatus())
        .isEqualTo(404);
  }

  // --- helpers

  /** The officer asks the council about a victim, consent not sought: request 1. */
  private void requestOfCouncil() throws Exception {
    MockHttpServletResponse raised =
        send(request(council, "NOT_SOUGHT"), twoFactor.signIn(mvc, officer));
    assertThat(raised.getRedirectedUrl()).isEqualTo(base + "/requests/1");
  }

  private MockHttpServletRequestBuilder newBasis(String... fields) {
    return form(post(base + "/lawful-bases/new"), fields);
  }

  private MockHttpServletRequestBuilder edit(long id, String... fields) {
    return form(post(base + "/lawful-bases/" + id + "/edit"), fields);
  }

  private static MockHttpServletRequestBuilder form(
      MockHttpServletRequestBuilder post, String... fields) {
    post.with(csrf());
    for (int i = 0; i + 1 < fields.length; i += 2) {
      post.param(fields[i], fields[i + 1]);
    }
    return post;
  }

  private String page(MockHttpSession session, String url) throws Exception {
    MockHttpServletResponse response = send(get(url), session);
    assertThat(response.getStatus()).as(url).isEqualTo(200);
    return response.getContentAsString();
  }

  /** The page's text as a person reads it: tags gone, entities decoded, spaces collapsed. */
  private static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
  }

  private String shippedType(String name) {
    return jdbc.sql(
            "select id::text from information_type where partnership_id is null and name = :n")
        .param("n", name)
        .query(String.class)
        .single();
  }

  private long ownBasis(String code) {
    return jdbc.sql("select id from lawful_basis where partnership_id = :p and code = :c")
        .param("p", partnership.id())
        .param("c", code)
        .query(Long.class)
        .single();
  }

  private int ownBases() {
    return jdbc.sql("select count(*) from lawful_basis where partnership_id = :p")
        .param("p", partnership.id())
        .query(Integer.class)
        .single();
  }

  private long ownType(String name) {
    return jdbc.sql("select id from information_type where partnership_id = :p and name = :n")
        .param("p", partnership.id())
        .param("n", name)
        .query(Long.class)
        .single();
  }
}
