package org.ccrhub.marac.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.marac.BareRows;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The MARAC attacked from outside: ids of other MARACs and partnerships changed in addresses and
 * forms, weaker roles trying what only the coordinator may, hostile input and tampered or purged
 * rows. Nothing is reached that should not be, and nothing ends in a server error.
 */
@CcrHubTest
class MaracAttackIntegrationTests {

  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracRoles roles;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired TwoFactorSessions twoFactor;

  LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
  Partnership partnership;
  Marac marac;
  long police;
  String coordinator;
  String base;
  long meeting;
  long heard;
  long action;
  long sample;

  @BeforeEach
  void aMaracWithAHeardCase() {
    partnership = fixtures.partnership();
    marac =
        maracs.create(
            partnership, "Target MARAC", MaracSettings.defaults(112350), MeetingFrequency.MONTHLY);
    police = agencies.create(partnership, "Met Police", AgencyType.POLICE).id();
    coordinator = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, coordinator, MaracRole.MARAC_COORDINATOR, null);
    base = "/p/" + partnership.slug() + "/marac/" + marac.id();
    meeting = meeting(marac, today.minusDays(7), true);
    heard = referral(marac, police, today.minusDays(20), "Secret Victim");
    onMeeting(heard, meeting);
    action =
        jdbc.sql(
                "insert into marac_action (referral_id, meeting_id, agency_id, description, due_on)"
                    + " values (:r, :m, :a, 'Visit', :d) returning id")
            .param("r", heard)
            .param("m", meeting)
            .param("a", police)
            .param("d", today.plusDays(10))
            .query(Long.class)
            .single();
    sample =
        jdbc.sql(
                "insert into marac_audit_sample (marac_id, from_date, to_date, drawn_by, drawn_at)"
                    + " values (:m, :f, :t, 'test', now()) returning id")
            .param("m", marac.id())
            .param("f", today.minusMonths(6))
            .param("t", today)
            .query(Long.class)
            .single();
    jdbc.sql("insert into marac_audit_sample_case (sample_id, referral_id) values (:s, :r)")
        .param("s", sample)
        .param("r", heard)
        .update();
  }

  // --- helpers

  private void grant(Partnership p, Marac m, String email, MaracRole role, Long agency) {
    roles.grant(p, m, accountId(email), role, Optional.ofNullable(agency), "test");
  }

  private long accountId(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }

  private long meeting(Marac m, LocalDate date, boolean released) {
    return jdbc.sql(
            "insert into marac_meeting (marac_id, meeting_date, kind, released_at, released_by)"
                + " values (:m, :d, 'REGULAR', :at, :by) returning id")
        .param("m", m.id())
        .param("d", date)
        .param("at", released ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
        .param("by", released ? "test" : null)
        .query(Long.class)
        .single();
  }

  private long referral(Marac m, long agency, LocalDate date, String name) {
    return BareRows.referral(jdbc, m.id(), BareRows.victim(jdbc, m.id()), agency, date, name);
  }

  private void onMeeting(long referral, long meetingId) {
    jdbc.sql("update marac_referral set meeting_id = :m where id = :id")
        .param("m", meetingId)
        .param("id", referral)
        .update();
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request, MockHttpSession s)
      throws Exception {
    return mvc.perform(request.session(s)).andReturn().getResponse();
  }

  private int status(MockHttpServletRequestBuilder request, MockHttpSession s) throws Exception {
    return send(request, s).getStatus();
  }

  /** Every page that shows case data, by GET, relative to a MARAC's address. */
  private List<String> casePages(long caseId, long meetingId, long sampleId) {
    return List.of(
        "/cases",
        "/cases/" + caseId,
        "/cases/" + caseId + "/meeting",
        "/cases/" + caseId + "/looked-at",
        "/cases/" + caseId + "/print",
        "/meetings",
        "/meetings/" + meetingId,
        "/meetings/" + meetingId + "/attendance",
        "/meetings/" + meetingId + "/minutes",
        "/our-actions",
        "/agency-performance",
        "/audit-samples",
        "/audit-samples/" + sampleId,
        "/people");
  }

  // --- tests

  @Test
  void anotherMaracOrPartnershipReachesNothingOfThisMaracByChangingIds() throws Exception {
    // another MARAC of the same partnership, with its own coordinator, case, meeting and sample
    Marac sister =
        maracs.create(
            partnership, "Sister MARAC", MaracSettings.defaults(5000), MeetingFrequency.WEEKLY);
    String sisterCoordinator = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, sister, sisterCoordinator, MaracRole.MARAC_COORDINATOR, null);
    long sisterMeeting = meeting(sister, today.minusDays(3), true);
    long sisterCase = referral(sister, police, today.minusDays(10), "Sister Case");
    onMeeting(sisterCase, sisterMeeting);
    long sisterSample =
        jdbc.sql(
                "insert into marac_audit_sample (marac_id, from_date, to_date, drawn_by, drawn_at)"
                    + " values (:m, :f, :t, 'test', now()) returning id")
            .param("m", sister.id())
            .param("f", today.minusMonths(6))
            .param("t", today)
            .query(Long.class)
            .single();
    jdbc.sql("insert into marac_audit_sample_case (sample_id, referral_id) values (:s, :r)")
        .param("s", sisterSample)
        .param("r", sisterCase)
        .update();
    // a partnership elsewhere, with a MARAC coordinator and its own agency
    Partnership other = fixtures.partnership();
    Marac theirs =
        maracs.create(other, "Their MARAC", MaracSettings.defaults(5000), MeetingFrequency.WEEKLY);
    String stranger = fixtures.user(other, Role.PARTNERSHIP_ADMIN);
    grant(other, theirs, stranger, MaracRole.MARAC_COORDINATOR, null);
    long theirAgency = agencies.create(other, "Their Police", AgencyType.POLICE).id();

    MockHttpSession sisterSession = twoFactor.signIn(mvc, sisterCoordinator);
    MockHttpSession strangerSession = twoFactor.signIn(mvc, stranger);
    String sisterBase = "/p/" + partnership.slug() + "/marac/" + sister.id();
    String mixed = "/p/" + other.slug() + "/marac/" + marac.id();
    for (String path : casePages(heard, meeting, sample)) {
      assertThat(status(get(base + path), sisterSession)).as(path).isEqualTo(404);
      assertThat(status(get(base + path), strangerSession)).as(path).isIn(403, 404);
      assertThat(status(get(mixed + path), strangerSession)).as(path).isEqualTo(404);
    }
    // this MARAC's case, meeting and sample through the sister MARAC's own address
    for (String path :
        List.of(
            "/cases/" + heard,
            "/cases/" + heard + "/meeting",
            "/cases/" + heard + "/looked-at",
            "/cases/" + heard + "/print",
            "/meetings/" + meeting,
            "/meetings/" + meeting + "/attendance",
            "/meetings/" + meeting + "/minutes",
            "/audit-samples/" + sample)) {
      assertThat(status(get(sisterBase + path), sisterSession)).as(path).isEqualTo(404);
    }
    List<MockHttpServletRequestBuilder> changes =
        List.of(
            post(sisterBase + "/cases/" + sisterCase + "/meeting/actions/" + action)
                .param("status", "DONE"),
            post(sisterBase + "/cases/" + heard + "/meeting/actions/" + action)
                .param("status", "DONE"),
            post(sisterBase + "/cases/" + heard + "/meeting/risks").param("risks", "x"),
            post(sisterBase + "/cases/" + heard + "/close")
                .param("closedOn.day", "1")
                .param("closedOn.month", "1")
                .param("closedOn.year", "2026")
                .param("closureReason", "x")
                .param("version", "0"),
            post(sisterBase + "/cases/" + heard + "/reopen").param("version", "0"),
            post(sisterBase + "/meetings/" + sisterMeeting + "/cases/" + heard + "/move")
                .param("to", "" + sisterMeeting),
            post(sisterBase + "/meetings/" + sisterMeeting + "/cases/" + sisterCase + "/move")
                .param("to", "" + meeting),
            post(sisterBase + "/meetings/" + meeting + "/release"),
            post(sisterBase + "/meetings/" + meeting + "/build"),
            post(sisterBase + "/meetings/" + meeting + "/cancel"),
            post(sisterBase + "/meetings/" + meeting + "/minutes.pdf").param("reason", "r"),
            post(sisterBase + "/meetings/" + meeting + "/case-list.pdf").param("reason", "r"),
            post(sisterBase + "/meetings/" + meeting + "/attendance")
                .param("status-" + police, "PRESENT"),
            post(sisterBase + "/audit-samples/" + sisterSample + "/cases/" + heard)
                .param("outcome", "MET"),
            post(sisterBase + "/audit-samples/" + sample + "/cases/" + heard)
                .param("outcome", "MET"),
            post(sisterBase + "/cases/" + heard + "/print").param("reason", "r"));
    for (MockHttpServletRequestBuilder change : changes) {
      assertThat(status(change.with(csrf()), sisterSession)).isEqualTo(404);
    }
    // an agency of another partnership on this MARAC's case
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    assertThat(
            status(
                post(base + "/cases/" + heard + "/meeting/actions")
                    .with(csrf())
                    .param("actionAgency", "" + theirAgency)
                    .param("description", "Visit")
                    .param("due.day", "1")
                    .param("due.month", "1")
                    .param("due.year", "" + (today.getYear() + 1)),
                coord))
        .isIn(200, 404);
    assertThat(
            status(
                post(base + "/people/grant")
                    .with(csrf())
                    .param("account", "" + accountId(stranger))
                    .param("role", "IDVA"),
                coord))
        .isEqualTo(200);
    // nothing changed
    assertThat(
            jdbc.sql(
                    "select count(*) from marac_action x join marac_referral r"
                        + " on r.id = x.referral_id where r.marac_id = :m")
                .param("m", marac.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select status from marac_action where id = :id")
                .param("id", action)
                .query(String.class)
                .single())
        .isEqualTo("OPEN");
    assertThat(
            jdbc.sql("select meeting_id from marac_referral where id = :id")
                .param("id", sisterCase)
                .query(Long.class)
                .single())
        .isEqualTo(sisterMeeting);
    assertThat(
            jdbc.sql("select count(*) from marac_role where marac_id = :m")
                .param("m", marac.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void weakerRolesSeeAndChangeOnlyWhatTheirRoleAllows() throws Exception {
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    String member = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, member, MaracRole.MARAC_MEMBER, police);
    String idva = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, idva, MaracRole.IDVA, null);
    String chair = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, chair, MaracRole.MARAC_CHAIR, null);
    long unreleased = meeting(marac, today.plusDays(20), false);
    long waiting = referral(marac, police, today.minusDays(2), "Waiting Victim");
    onMeeting(waiting, unreleased);

    MockHttpSession asAdmin = Fixtures.signIn(mvc, admin);
    for (String path : casePages(heard, meeting, sample)) {
      if (path.equals("/people")) {
        continue;
      }
      assertThat(status(get(base + path), asAdmin)).as(path).isEqualTo(404);
    }
    MockHttpSession asMember = twoFactor.signIn(mvc, member);
    MockHttpSession asIdva = twoFactor.signIn(mvc, idva);
    MockHttpSession asChair = twoFactor.signIn(mvc, chair);
    for (MockHttpSession s : List.of(asMember, asIdva)) {
      assertThat(status(get(base + "/cases/" + waiting), s)).isEqualTo(404);
      assertThat(status(get(base + "/cases/" + waiting + "/meeting"), s)).isEqualTo(404);
      assertThat(status(get(base + "/cases/" + heard + "/looked-at"), s)).isEqualTo(404);
      assertThat(status(get(base + "/audit-samples"), s)).isEqualTo(404);
      assertThat(status(get(base + "/people"), s)).isEqualTo(404);
      assertThat(
              status(
                  post(base + "/meetings/" + unreleased + "/case-list.pdf")
                      .with(csrf())
                      .param("reason", "r"),
                  s))
          .isEqualTo(404);
      assertThat(send(get(base + "/meetings/" + unreleased), s).getContentAsString())
          .doesNotContain("Waiting Victim");
      assertThat(send(get(base + "/meetings/" + unreleased + "/minutes"), s).getContentAsString())
          .doesNotContain("Waiting Victim");
    }
    for (MockHttpSession s : List.of(asMember, asIdva, asChair)) {
      for (MockHttpServletRequestBuilder change :
          List.of(
              post(base + "/meetings/" + unreleased + "/build"),
              post(base + "/meetings/" + unreleased + "/release"),
              post(base + "/meetings/" + unreleased + "/cancel"),
              post(base + "/meetings")
                  .param("date.day", "1")
                  .param("date.month", "1")
                  .param("date.year", "" + (today.getYear() + 1))
                  .param("count", "1"),
              post(base + "/meetings/" + meeting + "/attendance")
                  .param("status-" + police, "PRESENT"),
              post(base + "/cases/" + heard + "/idva/allocate")
                  .param("idva", "" + accountId(idva))
                  .param("version", "" + version(heard)),
              post(base + "/cases/" + heard + "/close")
                  .param("closedOn.day", "1")
                  .param("closedOn.month", "1")
                  .param("closedOn.year", "" + today.getYear())
                  .param("closureReason", "x")
                  .param("version", "" + version(heard)),
              post(base + "/cases/" + heard + "/reopen").param("version", "" + version(heard)),
              post(base + "/meetings/" + meeting + "/cases/" + heard + "/move").param("to", ""),
              post(base + "/people/grant")
                  .param("account", "" + accountId(admin))
                  .param("role", "MARAC_COORDINATOR"),
              get(base + "/cases/new"))) {
        assertThat(status(change.with(csrf()), s)).isEqualTo(404);
      }
    }
    for (MockHttpSession s : List.of(asMember, asIdva)) {
      assertThat(
              status(
                  post(base + "/cases/" + heard + "/meeting/actions")
                      .with(csrf())
                      .param("actionAgency", "" + police)
                      .param("description", "x")
                      .param("due.day", "1")
                      .param("due.month", "1")
                      .param("due.year", "" + (today.getYear() + 1)),
                  s))
          .isEqualTo(404);
      assertThat(
              status(
                  post(base + "/cases/" + heard + "/meeting/risks")
                      .with(csrf())
                      .param("risks", "x"),
                  s))
          .isEqualTo(404);
    }
    assertThat(
            jdbc.sql("select meeting_id from marac_referral where id = :id")
                .param("id", heard)
                .query(Long.class)
                .single())
        .isEqualTo(meeting);
    assertThat(
            jdbc.sql("select released_at is null from marac_meeting where id = :id")
                .param("id", unreleased)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql("select count(*) from marac_role where marac_id = :m")
                .param("m", marac.id())
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void aMeetingDateTheDatabaseCannotHoldIsAnErrorOnTheFormNotAServerError() throws Exception {
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    for (String kind : List.of("EMERGENCY", "REGULAR")) {
      MockHttpServletResponse r =
          send(
              post(base + "/meetings")
                  .with(csrf())
                  .param("date.day", "1")
                  .param("date.month", "1")
                  .param("date.year", "1900")
                  .param("kind", kind)
                  .param("count", "3"),
              coord);
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getContentAsString())
          .contains("There is a problem", "The date of the meeting must be between 1990 and 2100");
    }
    assertThat(
            jdbc.sql("select count(*) from marac_meeting where marac_id = :m")
                .param("m", marac.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aHandMadeReferralWithHundredsOfRowsIsRefusedNotSaved() throws Exception {
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    MockHttpServletRequestBuilder perpetrators = referralForm(coord);
    MockHttpServletRequestBuilder children = referralForm(coord);
    for (int i = 1; i < 200; i++) {
      perpetrators
          .param("perpetrators[" + i + "].name", "Person " + i)
          .param("perpetrators[" + i + "].gender", "MALE");
      children.param("children[" + i + "].name", "Child " + i);
    }
    MockHttpServletRequestBuilder otherNames =
        referralForm(coord).param("victimOtherNames", "Name\n".repeat(5000));
    for (var entry :
        java.util.Map.of(
                perpetrators, "Enter 20 perpetrators or fewer",
                children, "Enter 20 children and dependants or fewer",
                otherNames, "Enter 20 other names or fewer")
            .entrySet()) {
      MockHttpServletResponse r = send(entry.getKey(), coord);
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getContentAsString()).contains("There is a problem", entry.getValue());
    }
    assertThat(
            jdbc.sql("select count(*) from marac_referral where marac_id = :m")
                .param("m", marac.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // twenty is still fine
    MockHttpServletRequestBuilder twenty = referralForm(coord);
    for (int i = 1; i < 20; i++) {
      twenty.param("perpetrators[" + i + "].name", "Person " + i);
    }
    assertThat(send(twenty, coord).getStatus()).isEqualTo(302);
  }

  @Test
  void aMemberSeesNoNearMatchesNorHowManyThereAre() throws Exception {
    long candidate =
        jdbc.sql("insert into marac_victim (marac_id) values (:m) returning id")
            .param("m", marac.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into marac_match (marac_id, referral_id, candidate_victim_id, reasons)"
                + " values (:m, :r, :v, array['SWAPPED_NAMES'])")
        .param("m", marac.id())
        .param("r", heard)
        .param("v", candidate)
        .update();
    String member = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, member, MaracRole.MARAC_MEMBER, police);
    MockHttpSession asMember = twoFactor.signIn(mvc, member);
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    assertThat(send(get(base + "/cases"), coord).getContentAsString())
        .contains("Secret Victim", "Near match to review");
    for (String path : List.of("/cases", "/cases?review=matches", "/cases/" + heard)) {
      String page = send(get(base + path), asMember).getContentAsString();
      assertThat(page).as(path).contains("Secret Victim").doesNotContainIgnoringCase("near match");
    }
  }

  @Test
  void aPageShownAgainWithAProblemRecordsTheLookAtTheCase() throws Exception {
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    long before = reads(heard);
    MockHttpServletResponse r =
        send(
            post(base + "/cases/" + heard + "/meeting/risks")
                .with(csrf())
                .param("risks", "x".repeat(8001)),
            coord);
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("Secret Victim", "8,000 characters or fewer");
    assertThat(reads(heard)).isEqualTo(before + 1);
  }

  @Test
  void aPurgedCaseShowsOnEveryPageWithoutAnError() throws Exception {
    jdbc.sql(
            """
            update marac_referral set victim_name = null, victim_other_names = '{}',
                victim_dob = null, victim_age = 30, referring_officer = null,
                victim_address = null, safe_contact = null, feared_people = null,
                safe_people = null, victim_unaware_reason = null, purged_at = now()
            where id = :id
            """)
        .param("id", heard)
        .update();
    jdbc.sql("insert into marac_perpetrator (referral_id, gender) values (:r, 'MALE')")
        .param("r", heard)
        .update();
    jdbc.sql("insert into marac_child (referral_id) values (:r)").param("r", heard).update();
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    for (String path : casePages(heard, meeting, sample)) {
      assertThat(status(get(base + path), coord)).as(path).isEqualTo(200);
    }
    for (String pdf :
        List.of(
            "/cases/" + heard + "/print",
            "/meetings/" + meeting + "/minutes.pdf",
            "/meetings/" + meeting + "/case-list.pdf")) {
      MockHttpServletResponse r = send(post(base + pdf).with(csrf()).param("reason", "r"), coord);
      assertThat(r.getStatus()).as(pdf).isEqualTo(200);
      assertThat(r.getHeader("Cache-Control")).as(pdf).contains("no-store");
    }
  }

  @Test
  void aRoleTakenAwayOrALeaverLosesSightAtTheNextRequestAndARoleRowForAStrangerGivesNothing()
      throws Exception {
    String member = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, member, MaracRole.MARAC_MEMBER, police);
    String leaver = fixtures.user(partnership, Role.VIEWER);
    grant(partnership, marac, leaver, MaracRole.MARAC_CHAIR, null);
    MockHttpSession asMember = twoFactor.signIn(mvc, member);
    MockHttpSession asLeaver = twoFactor.signIn(mvc, leaver);
    assertThat(status(get(base + "/cases/" + heard), asMember)).isEqualTo(200);
    assertThat(status(get(base + "/cases/" + heard), asLeaver)).isEqualTo(200);

    roles.remove(partnership, marac, accountId(member), MaracRole.MARAC_MEMBER);
    jdbc.sql("delete from membership where user_account_id = :a and partnership_id = :p")
        .param("a", accountId(leaver))
        .param("p", partnership.id())
        .update();
    for (MockHttpSession s : List.of(asMember, asLeaver)) {
      for (String path : casePages(heard, meeting, sample)) {
        assertThat(status(get(base + path), s)).as(path).isEqualTo(404);
      }
    }

    // a role row put straight into the database for someone of another partnership
    Partnership other = fixtures.partnership();
    String stranger = fixtures.user(other, Role.PARTNERSHIP_ADMIN);
    jdbc.sql(
            "insert into marac_role (marac_id, user_account_id, role, granted_by, granted_at)"
                + " values (:m, :a, 'MARAC_COORDINATOR', 'tampered', now())")
        .param("m", marac.id())
        .param("a", accountId(stranger))
        .update();
    MockHttpSession asStranger = twoFactor.signIn(mvc, stranger);
    for (String path : casePages(heard, meeting, sample)) {
      assertThat(status(get(base + path), asStranger)).as(path).isEqualTo(404);
      assertThat(status(get("/p/" + other.slug() + "/marac/" + marac.id() + path), asStranger))
          .as(path)
          .isEqualTo(404);
    }
  }

  private long reads(long caseId) {
    return jdbc.sql(
            "select count(*) from audit_event where object_type = 'MaracCase'"
                + " and object_id = :id and action = 'READ'")
        .param("id", Long.toString(caseId))
        .query(Long.class)
        .single();
  }

  private MockHttpServletRequestBuilder referralForm(MockHttpSession s) {
    MockHttpServletRequestBuilder request =
        post(base + "/cases/new")
            .with(csrf())
            .param("referringAgency", Long.toString(police))
            .param("referralDate.day", "" + today.getDayOfMonth())
            .param("referralDate.month", "" + today.getMonthValue())
            .param("referralDate.year", "" + today.getYear())
            .param("victimName", "Dee Example")
            .param("victimDob.day", "4")
            .param("victimDob.month", "11")
            .param("victimDob.year", "1990")
            .param("victimGender", "FEMALE")
            .param("ethnicity", "IRISH")
            .param("disabled", "NO")
            .param("lgbt", "NO")
            .param("victimAware", "YES")
            .param("perpetrators[0].name", "Bob Example")
            .param("perpetrators[0].gender", "MALE")
            .param("riskAssessment", "DASH")
            .param("consent", "GIVEN")
            .param("idvaOffer", "ACCEPTED");
    for (int i = 0; i < 24; i++) {
      request.param("dash[" + i + "]", "YES");
    }
    return request;
  }

  private int version(long id) {
    return jdbc.sql("select version from marac_referral where id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }
}
