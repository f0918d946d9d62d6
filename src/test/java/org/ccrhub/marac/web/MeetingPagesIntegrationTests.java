package org.ccrhub.marac.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.marac.BareRows;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.marac.MeetingSeries;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A meeting from scheduling to minutes, as the coordinator and a member go through it: the agenda
 * in the SafeLives order with repeats flagged, release, research kept to the member's agency,
 * actions and their updates, attendance in the minutes PDF, audited downloads, and audit samples.
 */
@CcrHubTest
class MeetingPagesIntegrationTests {

  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracRoles roles;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired TwoFactorSessions twoFactor;

  Partnership partnership;
  Marac marac;
  String coordinator;
  String member;
  long police;
  long health;
  LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
  String base;

  @BeforeEach
  void aMaracWithACoordinatorAndAPoliceMember() {
    partnership = fixtures.partnership();
    marac =
        maracs.create(
            partnership,
            "Haringey MARAC",
            MaracSettings.defaults(112350),
            MeetingFrequency.MONTHLY);
    police = agency("Police");
    health = agency("Health");
    coordinator = fixtures.user(partnership, Role.VIEWER);
    roles.grant(
        partnership,
        marac,
        accountId(coordinator),
        MaracRole.MARAC_COORDINATOR,
        Optional.empty(),
        "test");
    member = fixtures.user(partnership, Role.VIEWER);
    roles.grant(
        partnership, marac, accountId(member), MaracRole.MARAC_MEMBER, Optional.of(police), "test");
    base = "/p/" + partnership.slug() + "/marac/" + marac.id();
  }

  @Test
  void aMeetingFromSchedulingToMinutes() throws Exception {
    long earlierVictim = victim();
    long earlier = referral(earlierVictim, today.minusDays(60), "Ann One");
    jdbc.sql("update marac_referral set closed_on = :d where id = :id")
        .param("d", today.minusDays(50))
        .param("id", earlier)
        .update();
    long repeat = referral(earlierVictim, today.minusDays(5), "Ann One");
    long withChild = referral(victim(), today.minusDays(3), "Bea Two");
    jdbc.sql("insert into marac_child (referral_id) values (:r)").param("r", withChild).update();
    long adult = referral(victim(), today.minusDays(10), "Cat Three");

    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    MockHttpSession mem = twoFactor.signIn(mvc, member);

    // the coordinator schedules three monthly meetings
    LocalDate first = today.plusDays(14);
    mvc.perform(
            post(base + "/meetings")
                .session(coord)
                .with(csrf())
                .param("date.day", "" + first.getDayOfMonth())
                .param("date.month", "" + first.getMonthValue())
                .param("date.year", "" + first.getYear())
                .param("kind", "REGULAR")
                .param("count", "3"))
        .andExpect(status().is3xxRedirection());
    List<LocalDate> dates =
        jdbc.sql("select meeting_date from marac_meeting where marac_id = :m order by 1")
            .param("m", marac.id())
            .query(LocalDate.class)
            .list();
    assertThat(dates).isEqualTo(MeetingSeries.dates(first, MeetingFrequency.MONTHLY, 3));
    long meeting =
        jdbc.sql("select id from marac_meeting where marac_id = :m and meeting_date = :d")
            .param("m", marac.id())
            .param("d", first)
            .query(Long.class)
            .single();
    String meetingPage = base + "/meetings/" + meeting;
    assertThat(page(get(base + "/meetings"), coord))
        .contains(Dates.date(first), "Schedule meetings");

    // a bad date is shown again with the error summary
    String bad =
        page(
            post(base + "/meetings")
                .param("date.day", "31")
                .param("date.month", "2")
                .param("date.year", "2027")
                .param("count", "x"),
            coord);
    assertThat(bad).contains("There is a problem", "must be a real date", "value=\"31\"");

    // the agenda is built in the SafeLives order, repeats flagged
    mvc.perform(post(meetingPage + "/build").session(coord).with(csrf()))
        .andExpect(status().is3xxRedirection());
    String agenda = page(get(meetingPage), coord);
    assertThat(agenda).contains("New cases with children (1)", "New cases without children (2)");
    assertThat(agenda.indexOf("Bea Two")).isLessThan(agenda.indexOf("Cat Three"));
    assertThat(agenda.indexOf("Cat Three")).isLessThan(agenda.indexOf("Ann One"));
    assertThat(agenda.substring(agenda.indexOf("Ann One"))).contains("Repeat");
    assertThat(agenda.substring(agenda.indexOf("Bea Two"), agenda.indexOf("Cat Three")))
        .doesNotContain("Repeat");
    assertThat(agenda).contains("OFFICIAL-SENSITIVE");
    assertThat(auditCount("READ", "MaracCases", "agenda of meeting " + meeting)).isPositive();

    // before release a member sees no case of the meeting
    assertThat(page(get(meetingPage), mem)).doesNotContain("Ann One", "Bea Two");
    mvc.perform(get(base + "/cases/" + repeat + "/meeting").session(mem))
        .andExpect(status().isNotFound());
    mvc.perform(post(meetingPage + "/case-list.pdf").session(mem).with(csrf()).param("reason", "x"))
        .andExpect(status().isNotFound());

    mvc.perform(post(meetingPage + "/release").session(coord).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(page(get(meetingPage), mem)).contains("Ann One", "Bea Two", "Cat Three");

    // the member downloads the case list, giving a reason, and the download is audited
    assertThat(page(post(meetingPage + "/case-list.pdf").param("reason", " "), mem))
        .contains("There is a problem", "Enter why you need this copy");
    byte[] caseList =
        mvc.perform(
                post(meetingPage + "/case-list.pdf")
                    .session(mem)
                    .with(csrf())
                    .param("reason", "Research for the meeting"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(text(caseList)).contains("OFFICIAL-SENSITIVE", "Bea Two", "Repeat");
    assertThat(auditCount("EXPORT", "MaracCases", "because: Research for the meeting"))
        .isEqualTo(1);

    // the member records research for their own agency only
    mvc.perform(
            post(base + "/cases/" + repeat + "/meeting/research")
                .session(mem)
                .with(csrf())
                .param("agency", "" + police)
                .param("facts", "Three call-outs since May")
                .param("opinion", "Risk is rising"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post(base + "/cases/" + repeat + "/meeting/research")
                .session(mem)
                .with(csrf())
                .param("agency", "" + health)
                .param("facts", "Not mine to write"))
        .andExpect(status().isNotFound());
    jdbc.sql(
            "insert into marac_research (referral_id, agency_id, facts, recorded_by, recorded_at)"
                + " values (:r, :a, 'Seen at A and E twice', 'test', now())")
        .param("r", repeat)
        .param("a", health)
        .update();
    String asMember = page(get(base + "/cases/" + repeat + "/meeting"), mem);
    assertThat(asMember).contains("Three call-outs since May", "Risk is rising");
    assertThat(asMember).doesNotContain("Seen at A and E twice");
    String asCoordinator = page(get(base + "/cases/" + repeat + "/meeting"), coord);
    assertThat(asCoordinator).contains("Three call-outs since May", "Seen at A and E twice");
    assertThat(auditCount("UPDATE", "MaracCase", "research of agency " + police)).isEqualTo(1);

    // at the meeting: risks and actions; the member updates their agency's action only
    mvc.perform(
            post(base + "/cases/" + repeat + "/meeting/risks")
                .session(coord)
                .with(csrf())
                .param("risks", "Escalating threats to kill"))
        .andExpect(status().is3xxRedirection());
    LocalDate due = today.plusDays(30);
    addAction(coord, repeat, police, "Flag the address for urgent response", due)
        .andExpect(status().is3xxRedirection());
    addAction(coord, repeat, health, "Share A and E attendances", due)
        .andExpect(status().is3xxRedirection());
    addAction(mem, repeat, police, "Members cannot add actions", due)
        .andExpect(status().isNotFound());
    long policeAction = actionId(police);
    long healthAction = actionId(health);
    mvc.perform(
            post(base + "/cases/" + repeat + "/meeting/actions/" + policeAction)
                .session(mem)
                .with(csrf())
                .param("status", "DONE")
                .param("note", "Flag added"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post(base + "/cases/" + repeat + "/meeting/actions/" + healthAction)
                .session(mem)
                .with(csrf())
                .param("status", "DONE"))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.sql("select status || ':' || update_note from marac_action where id = :id")
                .param("id", policeAction)
                .query(String.class)
                .single())
        .isEqualTo("DONE:Flag added");
    assertThat(page(get(base + "/our-actions"), mem))
        .contains("Flag the address for urgent response", "Done")
        .doesNotContain("Share A and E attendances");

    // attendance, and the minutes made from what was recorded
    mvc.perform(
            post(meetingPage + "/attendance")
                .session(coord)
                .with(csrf())
                .param("status-" + police, "PRESENT")
                .param("representative-" + police, "Pat Officer")
                .param("signed-" + police, "yes")
                .param("status-" + health, "APOLOGIES_INFO_SENT")
                .param("representative-" + health, ""))
        .andExpect(status().is3xxRedirection());
    String minutesPage = page(get(meetingPage + "/minutes"), coord);
    assertThat(minutesPage).contains("Pat Officer", "Escalating threats to kill");
    byte[] minutes =
        mvc.perform(
                post(meetingPage + "/minutes.pdf")
                    .session(coord)
                    .with(csrf())
                    .param("reason", "Minutes for the agencies"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String minutesText = text(minutes).replaceAll("\\s+", " ");
    assertThat(minutesText)
        .contains(
            "OFFICIAL-SENSITIVE",
            "Pat Officer",
            "Present",
            "Signed",
            "Apologies, information sent",
            "Escalating threats to kill",
            "Flag the address for urgent response",
            Dates.date(due));
    assertThat(auditCount("EXPORT", "MaracCases", "because: Minutes for the agencies"))
        .isEqualTo(1);

    // the agency performance page counts the attendance of held meetings only
    assertThat(page(get(base + "/agency-performance"), mem)).contains("Agency performance");
  }

  @Test
  void theAgendaCarriesOpenActionsOfEarlierMeetingsAndAHeldMeetingCannotBeCancelled()
      throws Exception {
    long held = meeting(today.minusDays(14));
    long next = meeting(today.plusDays(14));
    long open = heardAt(held);
    long done = heardAt(held);
    long closed = heardAt(held);
    jdbc.sql("update marac_referral set closed_on = :d where id = :id")
        .param("d", today.minusDays(1))
        .param("id", closed)
        .update();
    action(open, held, "OPEN");
    action(done, held, "DONE");
    action(closed, held, "OPEN");
    long fresh = referral(victim(), today.minusDays(2), "Fay Fresh");
    jdbc.sql("update marac_referral set meeting_id = :m where id = :id")
        .param("m", next)
        .param("id", fresh)
        .update();
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);

    String agenda = page(get(base + "/meetings/" + next), coord);
    String outstanding =
        agenda.substring(
            agenda.indexOf("Outstanding actions from earlier meetings"),
            agenda.indexOf("New cases without children"));
    assertThat(outstanding).contains("/cases/" + open + "/meeting\"");
    assertThat(agenda)
        .contains("/cases/" + fresh + "/meeting\"")
        .doesNotContain("/cases/" + done + "/meeting\"")
        .doesNotContain("/cases/" + closed + "/meeting\"");

    // a held meeting has no Cancel button and refuses to be cancelled; a coming one is cancelled
    String list = page(get(base + "/meetings"), coord);
    assertThat(list)
        .doesNotContain("/meetings/" + held + "/cancel")
        .contains("/meetings/" + next + "/cancel");
    mvc.perform(post(base + "/meetings/" + held + "/cancel").session(coord).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash().attribute("problem", org.hamcrest.Matchers.containsString("has been held")));
    mvc.perform(post(base + "/meetings/" + next + "/cancel").session(coord).with(csrf()))
        .andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("cancelled")));
    assertThat(
            jdbc.sql("select cancelled from marac_meeting where id = :id")
                .param("id", held)
                .query(Boolean.class)
                .single())
        .isFalse();
    assertThat(
            jdbc.sql("select meeting_id from marac_referral where id = :id")
                .param("id", fresh)
                .query(Long.class)
                .optional())
        .isEmpty();
  }

  @Test
  void theCoordinatorMovesACaseToAComingMeetingOrOffTheAgendaButNotToOneHeldOrCancelled()
      throws Exception {
    long held = meeting(today.minusDays(7));
    long next = meeting(today.plusDays(7));
    long later = meeting(today.plusDays(35));
    long cancelled = meeting(today.plusDays(21));
    jdbc.sql("update marac_meeting set cancelled = true where id = :id")
        .param("id", cancelled)
        .update();
    long moving = referral(victim(), today.minusDays(2), "Gil Moving");
    long staying = referral(victim(), today.minusDays(2), "Hal Staying");
    for (long r : List.of(moving, staying)) {
      jdbc.sql("update marac_referral set meeting_id = :m where id = :id")
          .param("m", next)
          .param("id", r)
          .update();
    }
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);
    String movePage = base + "/meetings/" + next + "/cases/" + moving + "/move";

    // each case on the agenda links to its own move page
    assertThat(page(get(base + "/meetings/" + next), coord))
        .contains("href=\"" + movePage + "\"")
        .contains("href=\"" + base + "/meetings/" + next + "/cases/" + staying + "/move\"");
    // which offers the meetings to come that are not cancelled, and taking it off the agenda
    String form = page(get(movePage), coord);
    assertThat(form)
        .contains("Move case " + moving, "value=\"" + later + "\"", "value=\"off\"")
        .contains("The meeting on " + Dates.date(today.plusDays(35)))
        .doesNotContain("value=\"" + held + "\"")
        .doesNotContain("value=\"" + cancelled + "\"")
        .doesNotContain("value=\"" + next + "\"");

    // choosing nothing, a held meeting or a cancelled one (a changed form) is shown as a problem
    assertThat(page(post(movePage), coord))
        .contains("There is a problem", "Select where the case goes", "href=\"#to\"");
    assertThat(page(post(movePage).param("to", "" + held), coord))
        .contains("That meeting has taken place: choose one from today on");
    assertThat(page(post(movePage).param("to", "" + cancelled), coord))
        .contains("That meeting is cancelled: choose another");
    assertThat(page(post(movePage).param("to", "" + next), coord))
        .contains("The case is on that meeting&#39;s agenda already");
    assertThat(meetingOf(moving)).contains(next);

    mvc.perform(post(movePage).param("to", "" + later).session(coord).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash()
                .attribute(
                    "message",
                    "Case "
                        + moving
                        + " moved to the meeting on "
                        + Dates.date(today.plusDays(35))));
    assertThat(meetingOf(moving)).contains(later);
    assertThat(page(get(base + "/meetings/" + later), coord))
        .contains("/cases/" + moving + "/meeting\"");
    assertThat(page(get(base + "/meetings/" + next), coord))
        .doesNotContain("/cases/" + moving + "/meeting\"");
    // the case is no longer on the first meeting's agenda, so its move page there is not found
    mvc.perform(get(movePage).session(coord)).andExpect(status().isNotFound());

    String stayingPage = base + "/meetings/" + next + "/cases/" + staying + "/move";
    mvc.perform(post(stayingPage).param("to", "off").session(coord).with(csrf()))
        .andExpect(flash().attribute("message", "Case " + staying + " taken off the agenda"));
    assertThat(meetingOf(staying)).isEmpty();

    // a case with actions recorded at its meeting stays; so do the cases of a held meeting
    long acted = referral(victim(), today.minusDays(2), "Ivy Acted");
    long heard = referral(victim(), today.minusDays(20), "Jo Heard");
    jdbc.sql("update marac_referral set meeting_id = :m where id = :id")
        .param("m", later)
        .param("id", acted)
        .update();
    jdbc.sql("update marac_referral set meeting_id = :m where id = :id")
        .param("m", held)
        .param("id", heard)
        .update();
    action(acted, later, "OPEN");
    assertThat(
            page(
                post(base + "/meetings/" + later + "/cases/" + acted + "/move").param("to", "off"),
                coord))
        .contains("There is a problem", "Actions were recorded for this case at its meeting");
    assertThat(meetingOf(acted)).contains(later);
    assertThat(page(get(base + "/meetings/" + held), coord))
        .contains("/cases/" + heard + "/meeting\"")
        .doesNotContain("/move\"");
    String heldMove = base + "/meetings/" + held + "/cases/" + heard + "/move";
    mvc.perform(get(heldMove).session(coord)).andExpect(status().isNotFound());
    mvc.perform(post(heldMove).param("to", "" + later).session(coord).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(meetingOf(heard)).contains(held);

    // a member may not move cases
    MockHttpSession mem = twoFactor.signIn(mvc, member);
    mvc.perform(get(base + "/meetings/" + later + "/cases/" + moving + "/move").session(mem))
        .andExpect(status().isNotFound());
  }

  private Optional<Long> meetingOf(long referral) {
    return jdbc.sql("select meeting_id from marac_referral where id = :id")
        .param("id", referral)
        .query(Long.class)
        .optional();
  }

  private void action(long referral, long meeting, String status) {
    jdbc.sql(
            """
            insert into marac_action (referral_id, meeting_id, agency_id, description, due_on,
                status)
            values (:r, :m, :a, 'Safety visit', :d, :s)
            """)
        .param("r", referral)
        .param("m", meeting)
        .param("a", police)
        .param("d", today.plusDays(7))
        .param("s", status)
        .update();
  }

  @Test
  void noRoleOrAnotherPartnershipGetsNotFound() throws Exception {
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    MockHttpSession session = Fixtures.signIn(mvc, admin);
    mvc.perform(get(base + "/meetings").session(session)).andExpect(status().isNotFound());
    mvc.perform(get(base + "/audit-samples").session(session)).andExpect(status().isNotFound());

    Partnership other = fixtures.partnership();
    Marac theirs =
        maracs.create(other, "Other MARAC", MaracSettings.defaults(5000), MeetingFrequency.WEEKLY);
    String stranger = fixtures.user(other, Role.VIEWER);
    roles.grant(
        other, theirs, accountId(stranger), MaracRole.MARAC_COORDINATOR, Optional.empty(), "t");
    MockHttpSession theirSession = twoFactor.signIn(mvc, stranger);
    mvc.perform(
            get("/p/" + other.slug() + "/marac/" + marac.id() + "/meetings").session(theirSession))
        .andExpect(status().isNotFound());
    long meeting = meeting(today.minusDays(3));
    mvc.perform(
            get("/p/" + other.slug() + "/marac/" + theirs.id() + "/meetings/" + meeting)
                .session(theirSession))
        .andExpect(status().isNotFound());
    // a member cannot schedule
    MockHttpSession mem = twoFactor.signIn(mvc, member);
    mvc.perform(post(base + "/meetings/" + meeting + "/build").session(mem).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/audit-samples").session(mem)).andExpect(status().isNotFound());
  }

  @Test
  void anAuditSampleDrawsDistinctCasesHeardInThePeriod() throws Exception {
    long inPeriod = meeting(today.minusMonths(2));
    long before = meeting(today.minusMonths(9));
    List<Long> heard =
        List.of(
            heardAt(inPeriod),
            heardAt(inPeriod),
            heardAt(inPeriod),
            heardAt(inPeriod),
            heardAt(inPeriod));
    long old = heardAt(before);
    MockHttpSession coord = twoFactor.signIn(mvc, coordinator);

    String list = page(get(base + "/audit-samples"), coord);
    assertThat(list).contains("value=\"10\"");
    LocalDate from = today.minusMonths(6).plusDays(1);
    mvc.perform(
            post(base + "/audit-samples")
                .session(coord)
                .with(csrf())
                .param("from.day", "" + from.getDayOfMonth())
                .param("from.month", "" + from.getMonthValue())
                .param("from.year", "" + from.getYear())
                .param("to.day", "" + today.getDayOfMonth())
                .param("to.month", "" + today.getMonthValue())
                .param("to.year", "" + today.getYear())
                .param("size", "3"))
        .andExpect(status().is3xxRedirection());
    long sample =
        jdbc.sql("select id from marac_audit_sample where marac_id = :m")
            .param("m", marac.id())
            .query(Long.class)
            .single();
    List<Long> drawn =
        jdbc.sql("select referral_id from marac_audit_sample_case where sample_id = :s")
            .param("s", sample)
            .query(Long.class)
            .list();
    assertThat(drawn).hasSize(3).doesNotHaveDuplicates().doesNotContain(old);
    assertThat(heard).containsAll(drawn);

    mvc.perform(
            post(base + "/audit-samples/" + sample + "/cases/" + drawn.get(0))
                .session(coord)
                .with(csrf())
                .param("outcome", "PARTLY_MET")
                .param("notes", "Safety plan late"))
        .andExpect(status().is3xxRedirection());
    assertThat(page(get(base + "/audit-samples/" + sample), coord))
        .contains("1 of 3 cases audited", "Partly met", "Safety plan late");
    mvc.perform(
            post(base + "/audit-samples/" + sample + "/cases/" + old)
                .session(coord)
                .with(csrf())
                .param("outcome", "MET"))
        .andExpect(status().isNotFound());
  }

  private org.springframework.test.web.servlet.ResultActions addAction(
      MockHttpSession session, long referral, long agency, String text, LocalDate due)
      throws Exception {
    return mvc.perform(
        post(base + "/cases/" + referral + "/meeting/actions")
            .session(session)
            .with(csrf())
            .param("actionAgency", "" + agency)
            .param("description", text)
            .param("due.day", "" + due.getDayOfMonth())
            .param("due.month", "" + due.getMonthValue())
            .param("due.year", "" + due.getYear()));
  }

  private String page(MockHttpServletRequestBuilder request, MockHttpSession session)
      throws Exception {
    if (request
        .buildRequest(new org.springframework.mock.web.MockServletContext())
        .getMethod()
        .equals("POST")) {
      request = request.with(csrf());
    }
    return mvc.perform(request.session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private int auditCount(String action, String type, String summary) {
    return jdbc.sql(
            "select count(*) from audit_event where partnership_id = :p and action = :a"
                + " and object_type = :t and summary like :s")
        .param("p", partnership.id())
        .param("a", action)
        .param("t", type)
        .param("s", "%" + summary + "%")
        .query(Integer.class)
        .single();
  }

  private long actionId(long agency) {
    return jdbc.sql("select id from marac_action where agency_id = :a")
        .param("a", agency)
        .query(Long.class)
        .single();
  }

  private long agency(String name) {
    return jdbc.sql(
            "insert into agency (partnership_id, name, type) values (:p, :n, 'OTHER') returning id")
        .param("p", partnership.id())
        .param("n", name)
        .query(Long.class)
        .single();
  }

  private long victim() {
    return BareRows.victim(jdbc, marac.id());
  }

  private long meeting(LocalDate date) {
    return jdbc.sql(
            "insert into marac_meeting (marac_id, meeting_date, kind) values (:m, :d, 'REGULAR')"
                + " returning id")
        .param("m", marac.id())
        .param("d", date)
        .query(Long.class)
        .single();
  }

  private long heardAt(long meeting) {
    long referral = referral(victim(), today.minusYears(1), "Heard Case");
    jdbc.sql("update marac_referral set meeting_id = :m where id = :id")
        .param("m", meeting)
        .param("id", referral)
        .update();
    return referral;
  }

  /** A bare referral straight into the table (BareRows). */
  private long referral(long victim, LocalDate date, String name) {
    return BareRows.referral(jdbc, marac.id(), victim, police, date, name);
  }

  private long accountId(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }
}
