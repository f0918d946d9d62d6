package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.SharingContacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Delegations as their people meet them: the council's SPOC lets a colleague decide until a day,
 * extends it by a new grant, and the deputy ends it sooner, all in the audit trail; every grant the
 * rules refuse says why on its field and changes nothing; a delegate sees their own delegations and
 * cannot delegate; administrators see and end every one, the data protection lead sees them;
 * another agency's user, a viewer and another partnership's SPOC find nothing; a delegate decides a
 * request, and once the delegation ends sees its people no more and cannot decide.
 */
@CcrHubTest
class DelegationPagesIntegrationTests {

  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired SharingContacts contacts;

  Partnership partnership;
  String base;
  LocalDate today;
  Agency police;
  Agency council;
  Agency housing;
  long protocolId;
  long councilParty;
  long policeParty;
  String spoc;
  String deputy;
  String colleague;
  String councilViewer;
  String officer;
  String housingOfficer;
  String admin;
  String dpl;
  long noAccount;

  @BeforeEach
  void theCouncilHasASpocADeputyAndColleagues() {
    today = LocalDate.now(Dates.UK);
    partnership = fixtures.partnership();
    base = "/p/" + partnership.slug() + "/sharing";
    police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE);
    council = agencies.create(partnership, "Northbridge Council", AgencyType.LOCAL_AUTHORITY);
    housing = agencies.create(partnership, "Southmere Homes", AgencyType.HOUSING);
    spoc = member(Role.ANALYST, "Sam Spoc", council);
    deputy = member(Role.ACTION_LEAD, "Deb Deputy", council);
    colleague = member(Role.ACTION_LEAD, "Dan Delegate", council);
    councilViewer = member(Role.VIEWER, "Vic Viewer", council);
    officer = member(Role.ACTION_LEAD, "PC Ann Smith", police);
    housingOfficer = member(Role.ACTION_LEAD, "Harry Homes", housing);
    admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    dpl = member(Role.DATA_PROTECTION_LEAD, "Dana Lead", null);
    noAccount = person(partnership, "Nora Noaccount", council);
    protocolId =
        jdbc.sql(
                "insert into sharing_protocol (partnership_id, title, in_force_from)"
                    + " values (:p, 'Northbridge ISP', :from) returning id")
            .param("p", partnership.id())
            .param("from", today.minusYears(1))
            .query(Long.class)
            .single();
    policeParty = party(partnership, protocolId, police, null, null);
    councilParty = party(partnership, protocolId, council, personOf(spoc), personOf(deputy));
  }

  @Test
  void theSpocLetsAColleagueDecideExtendsItAndTheDeputyEndsItSooner() throws Exception {
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    assertThat(page(asSpoc, "/p/" + partnership.slug() + "/sharing")).contains(">Delegations<");
    assertThat(page(asSpoc, base + "/delegations"))
        .contains("Delegations", "There are no delegations to show", "Add a delegation");

    String form = page(asSpoc, base + "/delegations/new");
    assertThat(form)
        .contains("Add a delegation", "Northbridge Council under the Northbridge ISP")
        .contains("Dan Delegate", "At most 12 months ahead, like ")
        // themselves, the deputy (who decides already), people without an account that works on
        // requests, and other agencies' people are not offered
        .doesNotContain("Sam Spoc", "Deb Deputy", "Nora Noaccount", "Vic Viewer", "PC Ann Smith");

    LocalDate first = today.plusMonths(3);
    MockHttpServletResponse granted = send(grant(councilParty, personOf(colleague), first), asSpoc);
    assertThat(granted.getRedirectedUrl()).isEqualTo(base + "/delegations");
    assertThat(page(asSpoc, base + "/delegations"))
        .contains(
            "Dan Delegate can decide for Northbridge Council under the Northbridge ISP until "
                + Dates.date(first));
    assertThat(page(asSpoc, base + "/delegations"))
        .doesNotContain("can decide for")
        .contains("Dan Delegate", ">Sam Spoc,<", Dates.date(today), Dates.date(first), ">Active<")
        .contains("End<span class=\"govuk-visually-hidden\"> the delegation to Dan Delegate");
    assertThat(contacts.heldBy(accountOf(colleague)))
        .containsExactly("delegate for Northbridge Council under the Northbridge ISP");

    // a new grant to the same person for the same party replaces the active one
    LocalDate later = today.plusMonths(6);
    send(grant(councilParty, personOf(colleague), later), asSpoc);
    assertThat(page(asSpoc, base + "/delegations"))
        .contains(
            "Dan Delegate can decide for Northbridge Council under the Northbridge ISP until "
                + Dates.date(later)
                + " (in place of the delegation until "
                + Dates.date(first)
                + ")");
    assertThat(rows())
        .containsExactly(
            "Dan Delegate until " + first + " ended by Sam Spoc",
            "Dan Delegate until " + later + " active");
    String list = page(asSpoc, base + "/delegations");
    assertThat(list)
        .contains("Ended on " + Dates.date(today), "by <span class=\"app-break-word\">Sam Spoc<");
    assertThat(list.split("govuk-button--warning", -1)).hasSize(2);

    // the delegate sees their delegation but cannot delegate or end it
    MockHttpSession asDelegate = twoFactor.signIn(mvc, colleague);
    assertThat(page(asDelegate, "/p/" + partnership.slug() + "/sharing")).contains(">Delegations<");
    assertThat(page(asDelegate, base + "/delegations"))
        .contains("You see the delegations to you", "Dan Delegate", "Active")
        .doesNotContain("Add a delegation", "govuk-button--warning");
    assertThat(send(get(base + "/delegations/new"), asDelegate).getStatus()).isEqualTo(404);
    assertThat(send(grant(councilParty, personOf(officer), later), asDelegate).getStatus())
        .isEqualTo(404);
    long active = activeId();
    assertThat(send(end(active), asDelegate).getStatus()).isEqualTo(404);

    // the party's deputy ends it sooner; ending it again says it has ended
    MockHttpSession asDeputy = twoFactor.signIn(mvc, deputy);
    MockHttpServletResponse ended = send(end(active), asDeputy);
    assertThat(ended.getRedirectedUrl()).isEqualTo(base + "/delegations");
    assertThat(page(asDeputy, base + "/delegations"))
        .contains(
            "Dan Delegate no longer decides for Northbridge Council under the Northbridge ISP");
    assertThat(rows())
        .containsExactly(
            "Dan Delegate until " + first + " ended by Sam Spoc",
            "Dan Delegate until " + later + " ended by Deb Deputy");
    send(end(active), asDeputy);
    assertThat(page(asDeputy, base + "/delegations"))
        .contains(
            "The delegation to Dan Delegate had ended already (ended on "
                + Dates.date(today)
                + ")");
    assertThat(page(asDelegate, base + "/delegations")).doesNotContain(">Active<");
    assertThat(contacts.heldBy(accountOf(colleague))).isEmpty();

    assertThat(
            jdbc.sql(
                    "select action || ': ' || summary || ' by ' || actor from audit_event"
                        + " where partnership_id = :p and object_type = 'SharingDelegation'"
                        + " order by id")
                .param("p", partnership.id())
                .query(String.class)
                .list())
        .containsExactly(
            "DELEGATE: Let person "
                + personOf(colleague)
                + " decide for Northbridge Council under the Northbridge ISP until "
                + Dates.date(first)
                + " by "
                + spoc,
            "END_DELEGATION: Ended the delegation to person "
                + personOf(colleague)
                + " for Northbridge Council under the Northbridge ISP until "
                + Dates.date(first)
                + ": replaced by one until "
                + Dates.date(later)
                + " by "
                + spoc,
            "DELEGATE: Let person "
                + personOf(colleague)
                + " decide for Northbridge Council under the Northbridge ISP until "
                + Dates.date(later)
                + " (was until "
                + Dates.date(first)
                + ") by "
                + spoc,
            "END_DELEGATION: Ended the delegation to person "
                + personOf(colleague)
                + " for Northbridge Council under the Northbridge ISP before its last day, "
                + Dates.date(later)
                + " by "
                + deputy);
  }

  @Test
  void aGrantTheRulesRefuseSaysWhyOnItsFieldAndChangesNothing() throws Exception {
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    long dan = personOf(colleague);

    assertThat(refusal(asSpoc, grant(councilParty, dan, today.plusMonths(12).plusDays(1))))
        .contains(
            "The last day must be at most 12 months ahead, on or before "
                + Dates.date(today.plusMonths(12)));
    assertThat(refusal(asSpoc, grant(councilParty, dan, today.minusDays(1))))
        .contains("The last day must be today or later");
    assertThat(refusal(asSpoc, grant(councilParty, personOf(officer), today)))
        .contains("PC Ann Smith does not work for Northbridge Council: select someone who does");
    assertThat(refusal(asSpoc, grant(councilParty, noAccount, today)))
        .contains(
            "Nora Noaccount has no account that can work on requests, so could not decide."
                + " Ask your partnership administrator");
    assertThat(refusal(asSpoc, grant(councilParty, personOf(councilViewer), today)))
        .contains("Vic Viewer has no account that can work on requests");
    assertThat(refusal(asSpoc, grant(councilParty, personOf(spoc), today)))
        .contains("You decide already: select someone else");
    assertThat(refusal(asSpoc, grant(councilParty, personOf(deputy), today)))
        .contains(
            "Deb Deputy is the deputy for Northbridge Council under the Northbridge ISP, so"
                + " decides already: select someone else");
    // the police's party is not one the council's SPOC decides for
    assertThat(refusal(asSpoc, grant(policeParty, dan, today)))
        .contains("Select a protocol you are the SPOC or deputy for");

    // nothing chosen or typed; garbage, ids too long for a number, an absurd year
    assertThat(refusal(asSpoc, post(base + "/delegations/new").with(csrf())))
        .contains(
            "Select the protocol the delegate will decide under",
            "Select the person who will decide",
            "Enter the last day");
    String garbage =
        refusal(
            asSpoc,
            post(base + "/delegations/new")
                .with(csrf())
                .param("party", "'; drop table person; --")
                .param("person", "99999999999999999999999")
                .param("until.day", "31")
                .param("until.month", "12")
                .param("until.year", "99999"));
    assertThat(garbage)
        .contains("Select the protocol the delegate will decide under")
        .contains("Select the person who will decide")
        .contains("The last day must be a real date")
        // what was typed is shown again
        .contains("value=\"99999\"");
    assertThat(refusal(asSpoc, grant(councilParty, 999_999_999_999_999_999L, today)))
        .contains("Select a person who works for Northbridge Council");
    // a person of another partnership is not found in this one
    Partnership other = fixtures.partnership();
    assertThat(
            refusal(
                asSpoc, grant(councilParty, person(other, "Olga Other", null), today.plusDays(1))))
        .contains("Select a person who works for Northbridge Council");

    // the choices made are kept on the refused form
    String kept = refusal(asSpoc, grant(councilParty, dan, today.plusYears(2)));
    assertThat(kept)
        .containsPattern("<option value=\"" + dan + "\" selected=\"selected\">Dan Delegate")
        .contains("value=\"" + today.plusYears(2).getYear() + "\"");

    assertThat(
            jdbc.sql("select count(*) from sharing_delegation where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isZero();
    // today is allowed, and so is exactly 12 months ahead
    assertThat(send(grant(councilParty, dan, today), asSpoc).getRedirectedUrl())
        .isEqualTo(base + "/delegations");
    assertThat(
            send(
                    grant(
                        councilParty,
                        personOf(member(Role.ANALYST, "Ada Analyst", council)),
                        today.plusMonths(12)),
                    asSpoc)
                .getRedirectedUrl())
        .isEqualTo(base + "/delegations");
  }

  @Test
  void administratorsSeeAndEndEveryOneTheLeadSeesThemAndOthersFindNothing() throws Exception {
    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(grant(councilParty, personOf(colleague), today.plusMonths(1)), asSpoc);
    long id = activeId();

    MockHttpSession asDpl = twoFactor.signIn(mvc, dpl);
    assertThat(page(asDpl, base + "/delegations"))
        .contains("You see every delegation of the partnership", "Dan Delegate")
        .doesNotContain("Add a delegation", "govuk-button--warning");
    assertThat(send(get(base + "/delegations/new"), asDpl).getStatus()).isEqualTo(404);
    assertThat(send(end(id), asDpl).getStatus()).isEqualTo(404);

    // others: a user of a third agency, one of the other party, a viewer of the council
    for (String email : List.of(housingOfficer, officer, councilViewer)) {
      MockHttpSession session = twoFactor.signIn(mvc, email);
      assertThat(send(get(base + "/delegations"), session).getStatus()).as(email).isEqualTo(404);
      assertThat(send(end(id), session).getStatus()).as(email).isEqualTo(404);
      assertThat(page(session, "/p/" + partnership.slug() + "/sharing"))
          .doesNotContain(">Delegations<");
    }

    // another partnership's SPOC: nothing here, and this delegation's id is not found in theirs
    Partnership other = fixtures.partnership();
    Agency otherCouncil = agencies.create(other, "Eastport Council", AgencyType.LOCAL_AUTHORITY);
    String otherSpoc = fixtures.user(other, Role.ANALYST);
    long otherSpocPerson = person(other, "Olly Other", otherCouncil);
    link(other, otherSpoc, otherSpocPerson);
    long otherProtocol =
        jdbc.sql(
                "insert into sharing_protocol (partnership_id, title, in_force_from)"
                    + " values (:p, 'Eastport ISP', :from) returning id")
            .param("p", other.id())
            .param("from", today.minusYears(1))
            .query(Long.class)
            .single();
    party(other, otherProtocol, otherCouncil, otherSpocPerson, null);
    MockHttpSession asOtherSpoc = twoFactor.signIn(mvc, otherSpoc);
    assertThat(send(get(base + "/delegations"), asOtherSpoc).getStatus()).isEqualTo(404);
    String theirs = "/p/" + other.slug() + "/sharing/delegations";
    assertThat(page(asOtherSpoc, theirs)).doesNotContain("Dan Delegate");
    assertThat(send(post(theirs + "/" + id + "/end").with(csrf()), asOtherSpoc).getStatus())
        .isEqualTo(404);
    assertThat(refusal(asOtherSpoc, grant(theirs, otherProtocol, personOf(colleague), today)))
        .contains("Select a protocol you are the SPOC or deputy for");

    // ids that are not delegations
    assertThat(send(post(base + "/delegations/abc/end").with(csrf()), asSpoc).getStatus())
        .isEqualTo(404);
    assertThat(send(end(Long.MAX_VALUE), asSpoc).getStatus()).isEqualTo(404);
    assertThat(
            send(post(base + "/delegations/99999999999999999999999/end").with(csrf()), asSpoc)
                .getStatus())
        .isEqualTo(404);

    // without two-factor sign-in nothing is looked up, whoever it is
    MockHttpSession plain = Fixtures.signIn(mvc, admin);
    // (the page that says so is a forward, which MockMvc records and a server follows)
    MockHttpServletResponse list = send(get(base + "/delegations"), plain);
    assertThat(list.getForwardedUrl()).isEqualTo(base + "/two-factor-needed");
    assertThat(list.getContentAsString()).doesNotContain("Dan Delegate");
    assertThat(send(end(id), plain).getForwardedUrl()).isEqualTo(base + "/two-factor-needed");
    assertThat(activeId()).isEqualTo(id);

    // an administrator sees and may end it, but delegates for nobody
    MockHttpSession asAdmin = twoFactor.signIn(mvc, admin);
    assertThat(page(asAdmin, base + "/delegations"))
        .contains("You see every delegation of the partnership", "Dan Delegate", "Active")
        .contains("govuk-button--warning")
        .doesNotContain("Add a delegation");
    send(end(id), asAdmin);
    assertThat(page(asAdmin, base + "/delegations"))
        .contains(
            "Dan Delegate no longer decides for Northbridge Council under the Northbridge ISP");
    assertThat(rows())
        .containsExactly(
            "Dan Delegate until "
                + today.plusMonths(1)
                + " ended by "
                + "Test Partnership administrator");
  }

  @Test
  void aDelegateDecidesARequestAndOnceTheDelegationEndsCannot() throws Exception {
    MockHttpSession asOfficer = twoFactor.signIn(mvc, officer);
    assertThat(send(request(), asOfficer).getRedirectedUrl()).isEqualTo(base + "/requests/1");
    MockHttpSession asDelegate = twoFactor.signIn(mvc, colleague);
    // a user of the council sees the request, not who it is about, and cannot decide it
    assertThat(page(asDelegate, base + "/requests/1"))
        .contains("Request 1")
        .doesNotContain("Vicky Victim", "Record the decision");
    assertThat(send(get(base + "/requests/1/decision"), asDelegate).getStatus()).isEqualTo(404);

    MockHttpSession asSpoc = twoFactor.signIn(mvc, spoc);
    send(grant(councilParty, personOf(colleague), today.plusWeeks(2)), asSpoc);
    assertThat(page(asDelegate, base + "/requests/1"))
        .contains("Vicky Victim", "Record the decision");
    assertThat(page(asDelegate, base + "/requests/1/decision")).contains("Record the decision");
    assertThat(send(decision(1), asDelegate).getRedirectedUrl()).isEqualTo(base + "/requests/1");
    assertThat(
            jdbc.sql(
                    "select outcome || ' recorded by ' || recorded_by from sharing_decision"
                        + " where partnership_id = :p")
                .param("p", partnership.id())
                .query(String.class)
                .single())
        .isEqualTo("REFUSE recorded by Dan Delegate");

    // a second request comes; the delegation ends before the delegate decides it
    assertThat(send(request(), asOfficer).getRedirectedUrl()).isEqualTo(base + "/requests/2");
    assertThat(page(asDelegate, base + "/requests/2")).contains("Vicky Victim");
    send(end(activeId()), asSpoc);
    assertThat(page(asDelegate, base + "/requests/2"))
        .contains("Request 2")
        .doesNotContain("Vicky Victim", "Record the decision");
    assertThat(send(get(base + "/requests/2/decision"), asDelegate).getStatus()).isEqualTo(404);
    assertThat(send(decision(2), asDelegate).getStatus()).isEqualTo(404);
    assertThat(
            jdbc.sql("select count(*) from sharing_decision where partnership_id = :p")
                .param("p", partnership.id())
                .query(Integer.class)
                .single())
        .isOne();
  }

  // --- fixtures ---

  /** A member with a role, linked to a new person of the agency (or of none); their email. */
  String member(Role role, String name, Agency agency) {
    String email = fixtures.user(partnership, role);
    link(partnership, email, person(partnership, name, agency));
    return email;
  }

  long person(Partnership p, String name, Agency agency) {
    return jdbc.sql(
            "insert into person (partnership_id, name, agency_id) values (:p, :name, :agency)"
                + " returning id")
        .param("p", p.id())
        .param("name", name)
        .param("agency", agency == null ? null : agency.id())
        .query(Long.class)
        .single();
  }

  void link(Partnership p, String email, long person) {
    jdbc.sql(
            "insert into account_person (partnership_id, user_account_id, person_id)"
                + " values (:p, (select id from user_account where email = :email), :person)")
        .param("p", p.id())
        .param("email", email)
        .param("person", person)
        .update();
  }

  long personOf(String email) {
    return jdbc.sql(
            "select person_id from account_person ap join user_account u on u.id ="
                + " ap.user_account_id where u.email = :email")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  long accountOf(String email) {
    return jdbc.sql("select id from user_account where email = :email")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  long party(Partnership p, long protocol, Agency agency, Long spocPerson, Long deputyPerson) {
    return jdbc.sql(
            "insert into sharing_party (partnership_id, protocol_id, agency_id, party_from,"
                + " spoc_person_id, deputy_person_id) values (:p, :protocol, :agency, :from,"
                + " :spoc, :deputy) returning id")
        .param("p", p.id())
        .param("protocol", protocol)
        .param("agency", agency.id())
        .param("from", today.minusYears(1))
        .param("spoc", spocPerson)
        .param("deputy", deputyPerson)
        .query(Long.class)
        .single();
  }

  /** The partnership's delegations, oldest first: "Dan Delegate until 2027-03-31 active". */
  List<String> rows() {
    return jdbc.sql(
            "select x.name || ' until ' || d.until || coalesce(' ended by ' || d.ended_by,"
                + " ' active') from sharing_delegation d join person x on x.id = d.person_id"
                + " where d.partnership_id = :p order by d.id")
        .param("p", partnership.id())
        .query(String.class)
        .list();
  }

  long activeId() {
    return jdbc.sql(
            "select id from sharing_delegation where partnership_id = :p and ended_at is null")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  MockHttpServletRequestBuilder grant(long party, long person, LocalDate until) {
    return grant(base + "/delegations", party, person, until);
  }

  static MockHttpServletRequestBuilder grant(
      String delegations, long party, long person, LocalDate until) {
    return post(delegations + "/new")
        .with(csrf())
        .param("party", Long.toString(party))
        .param("person", Long.toString(person))
        .param("until.day", Integer.toString(until.getDayOfMonth()))
        .param("until.month", Integer.toString(until.getMonthValue()))
        .param("until.year", Integer.toString(until.getYear()));
  }

  MockHttpServletRequestBuilder end(long id) {
    return post(base + "/delegations/" + id + "/end").with(csrf());
  }

  /** The refused form: shown again (200) with the error summary. */
  String refusal(MockHttpSession session, MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = send(request, session);
    assertThat(response.getStatus()).isEqualTo(200);
    String page = response.getContentAsString();
    assertThat(page).contains("There is a problem", "<title>Error: Add a delegation");
    return page;
  }

  String page(MockHttpSession session, String path) throws Exception {
    MockHttpServletResponse response = send(get(path), session);
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder request, MockHttpSession session)
      throws Exception {
    return mvc.perform(request.session(session)).andReturn().getResponse();
  }

  MockHttpServletRequestBuilder request() {
    return post(base + "/requests/new")
        .with(csrf())
        .param("token", UUID.randomUUID().toString())
        .param("askedAgency", Long.toString(council.id()))
        .param("protocol", Long.toString(protocolId))
        .param("informationSought", "Any record of domestic abuse at the address")
        .param("purpose", "Risk assessment before the MARAC")
        .param("categories", "PERSONAL")
        .param("bases", basis("UK GDPR 6(1)(e)"), basis("Crime and Disorder Act 1998 s115"))
        .param("urgent", "no")
        .param("subjects[0].role", "VICTIM")
        .param("subjects[0].name", "Vicky Victim")
        .param("subjects[0].address", "1 High Street")
        .param("subjects[0].consent", "GIVEN");
  }

  String basis(String code) {
    return jdbc.sql("select id::text from lawful_basis where partnership_id is null and code = :c")
        .param("c", code)
        .query(String.class)
        .single();
  }

  MockHttpServletRequestBuilder decision(int number) {
    return post(base + "/requests/" + number + "/decision")
        .with(csrf())
        .param("decidedOn.day", Integer.toString(today.getDayOfMonth()))
        .param("decidedOn.month", Integer.toString(today.getMonthValue()))
        .param("decidedOn.year", Integer.toString(today.getYear()))
        .param("authorisedBy", "Dan Delegate, Council records team")
        .param("bases", basis("UK GDPR 6(1)(e)"))
        .param("outcome", "REFUSE")
        .param("reasons", "We hold nothing about her");
  }
}
