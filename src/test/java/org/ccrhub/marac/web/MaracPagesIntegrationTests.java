package org.ccrhub.marac.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.security.TwoFactorSessions;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The MARAC pages as their people use them: a coordinator records a referral through the form and
 * reads the case; nobody without a role in the MARAC reaches a case, the list or the form; every
 * look is in the audit trail; administrators create MARACs, change their settings and appoint
 * coordinators.
 */
@CcrHubTest
class MaracPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired Maracs maracs;
  @Autowired MaracRoles roles;
  @Autowired Accounts accounts;
  @Autowired Agencies agencies;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  Marac marac;
  String coordinator;
  MockHttpSession asCoordinator;
  long police;
  String base;

  @BeforeEach
  void aMaracWithACoordinator() throws Exception {
    partnership = fixtures.partnership();
    marac =
        maracs.create(
            partnership,
            "Haringey MARAC",
            MaracSettings.defaults(112350),
            MeetingFrequency.MONTHLY);
    police = agencies.create(partnership, "Met Police", AgencyType.POLICE).id();
    coordinator = fixtures.user(partnership, Role.VIEWER);
    roles.grant(
        partnership,
        marac,
        accountId(coordinator),
        MaracRole.MARAC_COORDINATOR,
        Optional.empty(),
        "test");
    asCoordinator = twoFactor.signIn(mvc, coordinator);
    base = "/p/" + partnership.slug() + "/marac/" + marac.id();
  }

  @Test
  void aCoordinatorRecordsAReferralAndReadsTheCaseWithItsScoreAndCriteria() throws Exception {
    String form =
        mvc.perform(get(base + "/cases/new").session(asCoordinator))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form).contains("OFFICIAL-SENSITIVE", "New referral", "Met Police (Police)");

    long id = record(referral(15));
    MvcResult page =
        mvc.perform(get(base + "/cases/" + id).session(asCoordinator))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn();
    String html = page.getResponse().getContentAsString();
    assertThat(html)
        .contains("Case " + id)
        .contains("Ann Example")
        .contains("Annie Sample")
        .contains("4 November 1990")
        .contains("White: Irish")
        .contains("15 of 24")
        .contains("Visible high risk, Potential escalation")
        .contains("Bob Example")
        .contains("Ex-partner")
        .contains("Cal Example")
        .contains("Hill Primary")
        .contains("Not given: shared without consent")
        .contains("To protect life")
        .contains("Accepted, 21 May 2026")
        .contains("Not on an agenda yet")
        .contains("Research and actions for this case");
    assertThat(html.split("OFFICIAL-SENSITIVE", -1)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(html).doesNotContain("Warning</span> The referrer gave");

    List<AuditRecord> trail =
        audit.about(partnership.id(), MaracAccess.CASE, Long.toString(id), 10);
    assertThat(trail).extracting(AuditRecord::action).contains("READ", "CREATE");
    assertThat(trail)
        .filteredOn(r -> r.action().equals("READ"))
        .first()
        .satisfies(
            r -> {
              assertThat(r.actor()).contains(coordinator);
              assertThat(r.summary()).doesNotContain("Ann");
            });

    // the list shows it, and is audited too
    String list =
        mvc.perform(get(base + "/cases").session(asCoordinator))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("Case " + id, "Ann Example", "DASH 15");
    assertThat(audit.about(partnership.id(), MaracAccess.CASES, Long.toString(marac.id()), 5))
        .first()
        .satisfies(r -> assertThat(r.summary()).contains("case " + id));
  }

  @Test
  void everyoneInAPartnershipThatRunsAMaracHasItInTheMenu() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    String home =
        mvc.perform(get("/p/" + partnership.slug()).session(viewer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(home).contains("href=\"/p/" + partnership.slug() + "/marac\"");
  }

  @Test
  void theSameFormSentTwiceRecordsOneReferral() throws Exception {
    String form =
        mvc.perform(get(base + "/cases/new").session(asCoordinator))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form);
    assertThat(token.find()).isTrue();

    long first = record(referral(15).param("token", token.group(1)));
    MvcResult again = mvc.perform(referral(15).param("token", token.group(1))).andReturn();

    assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(base + "/cases/" + first);
    assertThat(again.getFlashMap().get("message"))
        .isEqualTo(
            "This referral was already recorded as case "
                + first
                + ": it was sent twice, and recorded once");
    assertThat(referralsOfTheMarac()).isOne();
    // the same form changed and sent again records nothing: it comes back, with a new token
    String changed =
        mvc.perform(
                referral(15)
                    .param("token", token.group(1))
                    .with(
                        request -> {
                          request.setParameter("victimName", "Bea Different");
                          return request;
                        }))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(changed)
        .contains("This form was sent before and recorded as", "case " + first)
        .contains("value=\"Bea Different\"")
        .doesNotContain("value=\"" + token.group(1) + "\"");
    assertThat(referralsOfTheMarac()).isOne();
    // a new form has a new token, and records a new referral
    long second = record(referral(15).param("token", java.util.UUID.randomUUID().toString()));
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void aClaimTheAnswersDoNotSupportIsAWarningOnTheCaseNotARefusal() throws Exception {
    MockHttpServletRequestBuilder request = referral(3).param("criteria", "VISIBLE_HIGH_RISK");
    long id = record(request);
    String html =
        mvc.perform(get(base + "/cases/" + id).session(asCoordinator))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("3 of 24")
        .contains("The referrer gave a criterion the case does not meet. The DASH score is 3");
  }

  @Test
  void everyProblemIsShownWithEverythingTypedKept() throws Exception {
    String html =
        mvc.perform(
                post(base + "/cases/new")
                    .session(asCoordinator)
                    .with(csrf())
                    .param("victimName", "Dee Example")
                    .param("perpetrators[0].name", "Eve Example")
                    .param("referralDate.day", "31")
                    .param("referralDate.month", "2")
                    .param("referralDate.year", "2026")
                    .param("criteria", "PROFESSIONAL_JUDGEMENT")
                    .param("consent", "NOT_GIVEN")
                    .param("riskAssessment", "DASH")
                    .param("dash[0]", "YES"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("<title>Error: Referral to Haringey MARAC")
        .contains("There is a problem")
        .contains("Select the referring agency")
        .contains("The referral date must be a real date")
        .contains("Select the victim&#39;s gender")
        .contains("Select the victim&#39;s ethnicity, or Not known")
        .contains("Enter the reason for referring on professional judgement")
        .contains("Answer question 2 of the DASH checklist")
        .contains("Enter the lawful basis for sharing without consent")
        .contains("Score from the answers: 1 of 24")
        .contains("value=\"Dee Example\"")
        .contains("value=\"Eve Example\"")
        .contains("href=\"#referringAgency\"");
    assertThat(referralsOfTheMarac()).isZero();

    // "Add another" keeps what was typed and adds a row, with no error
    String added =
        mvc.perform(
                post(base + "/cases/new")
                    .session(asCoordinator)
                    .with(csrf())
                    .param("victimName", "Dee Example")
                    .param("perpetrators[0].name", "Eve Example")
                    .param("add", "perpetrator"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(added)
        .contains("Perpetrator 2", "value=\"Eve Example\"", "name=\"perpetrators[1].name\"")
        .doesNotContain("There is a problem");
  }

  @Test
  void nobodyWithoutARoleInTheMaracReachesTheCasesTheListOrTheForm() throws Exception {
    long id = record(referral(15));
    String viewer = fixtures.user(partnership, Role.VIEWER);
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    Partnership other = fixtures.partnership();
    Marac theirs =
        maracs.create(other, "Other MARAC", MaracSettings.defaults(5000), MeetingFrequency.WEEKLY);
    String stranger = fixtures.user(other, Role.VIEWER);
    roles.grant(
        other, theirs, accountId(stranger), MaracRole.MARAC_COORDINATOR, Optional.empty(), "t");
    for (MockHttpSession session :
        List.of(
            Fixtures.signIn(mvc, viewer),
            Fixtures.signIn(mvc, admin),
            twoFactor.signIn(mvc, stranger))) {
      for (String path :
          List.of("/cases/" + id, "/cases", "/cases/new", "/cases/" + id + "/print")) {
        mvc.perform(get(base + path).session(session)).andExpect(status().isNotFound());
      }
      mvc.perform(
              get("/p/" + other.slug() + "/marac/" + marac.id() + "/cases/" + id).session(session))
          .andExpect(status().isNotFound());
    }
    // the coordinator of the other MARAC, through their own partnership's address
    MockHttpSession strangerSession = twoFactor.signIn(mvc, stranger);
    mvc.perform(
            get("/p/" + other.slug() + "/marac/" + theirs.id() + "/cases/" + id)
                .session(strangerSession))
        .andExpect(status().isNotFound());

    // the admin sees the MARAC with counts only
    String home =
        mvc.perform(get("/p/" + partnership.slug() + "/marac").session(Fixtures.signIn(mvc, admin)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(home)
        .contains("Haringey MARAC", "Cases heard by Haringey MARAC", "Change the settings");
    assertThat(home).doesNotContain("Ann Example", base + "/cases\"");
  }

  @Test
  void aMemberDoesNotSeeACaseThatIsNotOnAReleasedAgenda() throws Exception {
    long id = record(referral(15));
    String member = fixtures.user(partnership, Role.VIEWER);
    roles.grant(
        partnership, marac, accountId(member), MaracRole.MARAC_MEMBER, Optional.of(police), "t");
    MockHttpSession asMember = twoFactor.signIn(mvc, member);
    mvc.perform(get(base + "/cases/" + id).session(asMember)).andExpect(status().isNotFound());
    mvc.perform(get(base + "/cases/new").session(asMember)).andExpect(status().isNotFound());
    String list =
        mvc.perform(get(base + "/cases").session(asMember))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain("Ann Example").contains("There are no cases to show");

    // on a released agenda, they see it
    long meeting =
        jdbc.sql(
                "insert into marac_meeting (marac_id, meeting_date, kind, released_at, released_by)"
                    + " values (:m, date '2026-06-04', 'REGULAR', now(), 'test') returning id")
            .param("m", marac.id())
            .query(Long.class)
            .single();
    jdbc.sql("update marac_referral set meeting_id = :meeting where id = :id")
        .param("meeting", meeting)
        .param("id", id)
        .update();
    mvc.perform(get(base + "/cases/" + id).session(asMember)).andExpect(status().isOk());
  }

  @Test
  void aPrintoutNeedsAReasonWhichIsAudited() throws Exception {
    long id = record(referral(15));
    String refused =
        mvc.perform(post(base + "/cases/" + id + "/print").session(asCoordinator).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("There is a problem", "Enter why you need this copy of the personal data");
    MvcResult pdf =
        mvc.perform(
                post(base + "/cases/" + id + "/print")
                    .session(asCoordinator)
                    .with(csrf())
                    .param("reason", "For the meeting on 4 June"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn();
    byte[] bytes = pdf.getResponse().getContentAsByteArray();
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    String text = pdfText(bytes);
    assertThat(text).contains("OFFICIAL-SENSITIVE", "Ann Example", "15 of 24");
    assertThat(audit.about(partnership.id(), MaracAccess.CASE, Long.toString(id), 10))
        .filteredOn(r -> r.action().equals("EXPORT"))
        .singleElement()
        .satisfies(r -> assertThat(r.summary()).contains("For the meeting on 4 June"));
  }

  @Test
  void theCoordinatorClosesACaseAllocatesAnIdvaAndSeesWhoLooked() throws Exception {
    long id = record(referral(15));
    String idva = fixtures.user(partnership, Role.VIEWER);
    roles.grant(partnership, marac, accountId(idva), MaracRole.IDVA, Optional.empty(), "t");
    int version = version(id);
    mvc.perform(
            post(base + "/cases/" + id + "/idva/allocate")
                .session(asCoordinator)
                .with(csrf())
                .param("idva", Long.toString(accountId(idva)))
                .param("version", Integer.toString(version)))
        .andExpect(status().is3xxRedirection());
    // the IDVA now sees the case allocated to them and records the contact
    MockHttpSession asIdva = twoFactor.signIn(mvc, idva);
    mvc.perform(get(base + "/cases/" + id).session(asIdva)).andExpect(status().isOk());
    mvc.perform(
            post(base + "/cases/" + id + "/idva")
                .session(asIdva)
                .with(csrf())
                .param("offer", "ACCEPTED")
                .param("contactOutcome", "Met on 22 May")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
    String noReason =
        mvc.perform(
                post(base + "/cases/" + id + "/close")
                    .session(asCoordinator)
                    .with(csrf())
                    .param("day", "1")
                    .param("month", "6")
                    .param("year", "2026")
                    .param("version", Integer.toString(version(id))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(noReason).contains("There is a problem", "Enter why the case is closed");
    mvc.perform(
            post(base + "/cases/" + id + "/close")
                .session(asCoordinator)
                .with(csrf())
                .param("day", "1")
                .param("month", "6")
                .param("year", "2026")
                .param("closureReason", "Risk reduced")
                .param("version", Integer.toString(version(id))))
        .andExpect(status().is3xxRedirection());
    String html =
        mvc.perform(get(base + "/cases/" + id).session(asCoordinator))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("1 June 2026: Risk reduced", "Met on 22 May", "Open the case again");
    String looked =
        mvc.perform(get(base + "/cases/" + id + "/looked-at").session(asCoordinator))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(looked)
        .contains(idva, coordinator, "Opened the case", "Closed case " + id, "Allocated an IDVA");
    mvc.perform(get(base + "/cases/" + id + "/looked-at").session(asIdva))
        .andExpect(status().isNotFound());
    // no longer an IDVA but a member of the MARAC, they no longer see the case allocated to them
    roles.remove(partnership, marac, accountId(idva), MaracRole.IDVA);
    roles.grant(
        partnership, marac, accountId(idva), MaracRole.MARAC_MEMBER, Optional.of(police), "t");
    mvc.perform(get(base + "/cases/" + id).session(asIdva)).andExpect(status().isNotFound());
  }

  @Test
  void anAdministratorCreatesAMaracAndChangesItsSettingsWithEachProblemShown() throws Exception {
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    MockHttpSession asAdmin = Fixtures.signIn(mvc, admin);
    String home = "/p/" + partnership.slug() + "/marac";
    mvc.perform(
            post(home + "/new")
                .session(asAdmin)
                .with(csrf())
                .param("name", "Second MARAC")
                .param("meetingFrequency", "WEEKLY")
                .param("values[adultFemalePopulation]", "50,000")
                .param("values[dashThreshold]", "14")
                .param("values[escalationIncidents]", "3")
                .param("values[escalationWindowMonths]", "12")
                .param("values[repeatWindowMonths]", "12")
                .param("values[researchReleaseDays]", "7")
                .param("values[retentionYears]", "6")
                .param("values[auditSampleSize]", "10")
                .param("values[auditIntervalMonths]", "6"))
        .andExpect(status().is3xxRedirection());
    Marac second = maracs.find(partnership, "Second MARAC").orElseThrow();
    assertThat(second.settings().adultFemalePopulation()).isEqualTo(50000);
    assertThat(second.meetingFrequency()).isEqualTo(MeetingFrequency.WEEKLY);

    String wrong =
        mvc.perform(
                post(home + "/" + second.id() + "/settings")
                    .session(asAdmin)
                    .with(csrf())
                    .param("name", "Second MARAC")
                    .param("version", Integer.toString(second.version()))
                    .param("meetingFrequency", "MONTHLY")
                    .param("values[adultFemalePopulation]", "50000")
                    .param("values[dashThreshold]", "30")
                    .param("values[escalationIncidents]", "three")
                    .param("values[escalationWindowMonths]", "12")
                    .param("values[repeatWindowMonths]", "12")
                    .param("values[researchReleaseDays]", "7")
                    .param("values[retentionYears]", "0")
                    .param("values[auditSampleSize]", "10")
                    .param("values[auditIntervalMonths]", "6"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(wrong)
        .contains("There is a problem")
        .contains("Police-reported incidents for potential escalation must be a whole number")
        .contains("value=\"30\"")
        .contains("href=\"#values[escalationIncidents]\"");
    String range =
        mvc.perform(
                post(home + "/" + second.id() + "/settings")
                    .session(asAdmin)
                    .with(csrf())
                    .param("name", "Second MARAC")
                    .param("version", Integer.toString(second.version()))
                    .param("meetingFrequency", "MONTHLY")
                    .param("values[adultFemalePopulation]", "50000")
                    .param("values[dashThreshold]", "30")
                    .param("values[escalationIncidents]", "3")
                    .param("values[escalationWindowMonths]", "12")
                    .param("values[repeatWindowMonths]", "12")
                    .param("values[researchReleaseDays]", "7")
                    .param("values[retentionYears]", "0")
                    .param("values[auditSampleSize]", "10")
                    .param("values[auditIntervalMonths]", "6"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(range)
        .contains("The DASH threshold must be a whole number from 1 to 24")
        .contains("href=\"#values[dashThreshold]\"")
        .contains("href=\"#values[retentionYears]\"");
    // a stale version is refused
    String stale =
        mvc.perform(
                post(home + "/" + second.id() + "/settings")
                    .session(asAdmin)
                    .with(csrf())
                    .param("name", "Second MARAC")
                    .param("version", Integer.toString(second.version() + 5))
                    .param("meetingFrequency", "MONTHLY")
                    .param("values[adultFemalePopulation]", "50000")
                    .param("values[dashThreshold]", "12")
                    .param("values[escalationIncidents]", "3")
                    .param("values[escalationWindowMonths]", "12")
                    .param("values[repeatWindowMonths]", "12")
                    .param("values[researchReleaseDays]", "7")
                    .param("values[retentionYears]", "6")
                    .param("values[auditSampleSize]", "10")
                    .param("values[auditIntervalMonths]", "6"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(stale).contains("Someone else changed these settings");
    assertThat(maracs.get(partnership, second.id()).settings().dashThreshold()).isEqualTo(14);

    // someone who is not an administrator cannot open the settings
    mvc.perform(get(home + "/" + second.id() + "/settings").session(asCoordinator))
        .andExpect(status().isNotFound());
  }

  @Test
  void thePeoplePageFollowsWhoMayGiveWhichRole() throws Exception {
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    MockHttpSession asAdmin = Fixtures.signIn(mvc, admin);
    String person = fixtures.user(partnership, Role.VIEWER);
    String people = base + "/people";
    String page =
        mvc.perform(get(people).session(asAdmin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(coordinator, "MARAC coordinator").doesNotContain("value=\"IDVA\"");
    // an administrator gives coordinators only
    String refused =
        mvc.perform(
                post(people + "/grant")
                    .session(asAdmin)
                    .with(csrf())
                    .param("account", Long.toString(accountId(person)))
                    .param("role", "IDVA"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("There is a problem", "Select a role you may give");
    assertThat(roles.held(marac.id(), accountId(person)).any()).isFalse();

    // the coordinator gives any role; a member needs an agency
    String noAgency =
        mvc.perform(
                post(people + "/grant")
                    .session(asCoordinator)
                    .with(csrf())
                    .param("account", Long.toString(accountId(person)))
                    .param("role", "MARAC_MEMBER"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(noAgency).contains("Select the agency the MARAC member represents");
    mvc.perform(
            post(people + "/grant")
                .session(asCoordinator)
                .with(csrf())
                .param("account", Long.toString(accountId(person)))
                .param("role", "MARAC_MEMBER")
                .param("agency", Long.toString(police)))
        .andExpect(status().is3xxRedirection());
    assertThat(roles.held(marac.id(), accountId(person)).has(MaracRole.MARAC_MEMBER)).isTrue();
    // the administrator cannot take a member's role away; the coordinator can
    mvc.perform(
            post(people + "/remove")
                .session(asAdmin)
                .with(csrf())
                .param("account", Long.toString(accountId(person)))
                .param("role", "MARAC_MEMBER"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(people + "/remove")
                .session(asCoordinator)
                .with(csrf())
                .param("account", Long.toString(accountId(person)))
                .param("role", "MARAC_MEMBER"))
        .andExpect(status().is3xxRedirection());
    assertThat(roles.held(marac.id(), accountId(person)).any()).isFalse();

    // others get 404
    String member = fixtures.user(partnership, Role.VIEWER);
    roles.grant(partnership, marac, accountId(member), MaracRole.IDVA, Optional.empty(), "t");
    mvc.perform(get(people).session(twoFactor.signIn(mvc, member)))
        .andExpect(status().isNotFound());
    mvc.perform(get(people).session(Fixtures.signIn(mvc, person))).andExpect(status().isNotFound());
  }

  /** A full referral: police, victim with a date of birth, one perpetrator, one child. */
  private MockHttpServletRequestBuilder referral(int yesAnswers) {
    MockHttpServletRequestBuilder request =
        post(base + "/cases/new")
            .session(asCoordinator)
            .with(csrf())
            .param("referringAgency", Long.toString(police))
            .param("referringOfficer", "PC Example")
            .param("referralDate.day", "20")
            .param("referralDate.month", "5")
            .param("referralDate.year", "2026")
            .param("victimName", "Ann Example")
            .param("victimOtherNames", "Annie Sample")
            .param("victimDob.day", "4")
            .param("victimDob.month", "11")
            .param("victimDob.year", "1990")
            .param("victimGender", "FEMALE")
            .param("victimAddress", "1 Example Road")
            .param("safeContact", "Mobile, after 6pm")
            .param("safeToCall", "YES")
            .param("ethnicity", "IRISH")
            .param("disabled", "NO")
            .param("lgbt", "NO")
            .param("pregnant", "NOT_KNOWN")
            .param("firstLanguage", "English")
            .param("interpreterNeeded", "NO")
            .param("victimAware", "YES")
            .param("perpetrators[0].name", "Bob Example")
            .param("perpetrators[0].age", "40")
            .param("perpetrators[0].gender", "MALE")
            .param("perpetrators[0].relationship", "Ex-partner")
            .param("children[0].name", "Cal Example")
            .param("children[0].dob.day", "1")
            .param("children[0].dob.month", "9")
            .param("children[0].dob.year", "2019")
            .param("children[0].relationshipToVictim", "Son")
            .param("children[0].relationshipToPerpetrator", "Son")
            .param("children[0].school", "Hill Primary")
            .param("policeIncidents", "4")
            .param("riskAssessment", "DASH")
            .param("consent", "NOT_GIVEN")
            .param("withoutConsentReason", "Risk to life")
            .param("lawfulBasis", "To protect life")
            .param("consentDecidedBy", "The DI on duty")
            .param("fears", "Bob")
            .param("safeToSpeakTo", "Her sister")
            .param("idvaOffer", "ACCEPTED")
            .param("idvaOfferedOn.day", "21")
            .param("idvaOfferedOn.month", "5")
            .param("idvaOfferedOn.year", "2026");
    for (int i = 0; i < 24; i++) {
      request.param("dash[" + i + "]", i < yesAnswers ? "YES" : "NO");
    }
    return request;
  }

  private long record(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(302);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).startsWith(base + "/cases/");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private long referralsOfTheMarac() {
    return jdbc.sql("select count(*) from marac_referral where marac_id = :m")
        .param("m", marac.id())
        .query(Long.class)
        .single();
  }

  private int version(long id) {
    return jdbc.sql("select version from marac_referral where id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  private long accountId(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }
}
