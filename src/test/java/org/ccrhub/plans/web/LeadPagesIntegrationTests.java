package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.Person;
import org.ccrhub.plans.ActionLeads;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.Lead;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/** The leads of a plan mapped to people, through the leads page and each lead's form. */
@CcrHubTest
class LeadPagesIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Ref,Action,Due,Lead
      1 Prevention,1.1,Run a campaign in schools,Q1,Council
      ,1.2,Train GP practices in IRIS,Q4,Health; council\u00a0
      2 Support,2.1,Commission refuge spaces,Q3,Police  CSU
      """;

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ActionLeads leads;
  @Autowired ReportingPeriods periods;
  @Autowired Accounts accounts;
  @Autowired People people;
  @Autowired org.ccrhub.partnership.PersonAccounts personAccounts;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  MockHttpSession admin;
  DeliveryPlan plan;
  String base;

  @BeforeEach
  void aPartnershipWithAPlanWhoseLeadsNobodyIsMappedTo() throws Exception {
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    plan = importPlan("VAWG delivery plan", PLAN_CSV);
    periods.open(partnership, plan, Q2, Optional.empty(), Optional.empty());
    base = "/p/" + partnership.slug() + "/plans/" + plan.id();
  }

  @Test
  void aManagerMapsALeadForEveryActionThatNamesItAndItsPersonUpdatesThem() throws Exception {
    assertThat(text(page(admin, base)))
        .contains("3 leads have nobody to update their actions. Map leads to people");
    String list = page(admin, base + "/leads");
    assertThat(title(list)).isEqualTo("Leads of VAWG delivery plan");
    assertThat(rows(list))
        .containsExactly(
            "Council | 2 | Nobody | Choose people for Council",
            "Health | 1 | Nobody | Choose people for Health",
            "Police CSU | 1 | Nobody | Choose people for Police CSU");

    // a person of the directory, whose account is linked to them by its email
    Person sam = person("Sam Jones", "sam." + partnership.slug() + "@council.example");
    String samEmail = sam.details().email().orElseThrow();
    accounts.addMember(partnership, samEmail, "Sam Jones", Role.ACTION_LEAD, Fixtures.PASSWORD);
    Person kim = person("Kim Lee", null); // no account

    String form = page(admin, base + "/leads/1");
    assertThat(title(form)).isEqualTo("Who updates the actions of Council");
    assertThat(text(form))
        .contains("2 actions name this lead: 1.1, 1.2.")
        .contains("Kim Lee No account: invite them from Users Sam Jones Save people");
    mvc.perform(
            post(base + "/leads/1")
                .param("lead", "Council")
                .param("people", String.valueOf(sam.id()), String.valueOf(kim.id()))
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl(base + "/leads"));

    list = page(admin, base + "/leads");
    assertThat(rows(list))
        .containsExactly(
            "Health | 1 | Nobody | Choose people for Health",
            "Police CSU | 1 | Nobody | Choose people for Police CSU",
            "Council | 2 | Kim Lee No account: invite them from Users Sam Jones | Choose people for"
                + " Council");
    assertThat(text(page(admin, base)))
        .contains("2 leads have nobody to update their actions.")
        .doesNotContain("3 leads");
    // the lead written another way in another action is the same lead
    assertThat(text(page(admin, base + "/actions/1.2")))
        .contains("Through its leads Council: Kim Lee (no account), Sam Jones Health: nobody yet");

    MockHttpSession samSession = Fixtures.signIn(mvc, samEmail);
    mvc.perform(get(base + "/actions/1.1/progress?period=2016/17 Q2").session(samSession))
        .andExpect(status().isOk());
    mvc.perform(get(base + "/actions/1.2/progress?period=2016/17 Q2").session(samSession))
        .andExpect(status().isOk());
    mvc.perform(get(base + "/actions/2.1/progress?period=2016/17 Q2").session(samSession))
        .andExpect(status().isForbidden());
    String mine = text(page(samSession, "/p/" + partnership.slug() + "/my-actions"));
    assertThat(mine)
        .contains("1.1 Run a campaign in schools")
        .contains("1.2 Train GP practices in IRIS")
        .doesNotContain("Commission refuge spaces");

    // unmapping leaves the actions with nobody again
    mvc.perform(post(base + "/leads/1").param("lead", "council").session(admin).with(csrf()))
        .andExpect(redirectedUrl(base + "/leads"));
    assertThat(text(page(admin, base))).contains("3 leads have nobody to update their actions.");
    mvc.perform(get(base + "/actions/1.1/progress?period=2016/17 Q2").session(samSession))
        .andExpect(status().isForbidden());
    assertThat(auditSummaries())
        .contains(
            "Lead 'Council' of VAWG delivery plan mapped to 2 people (was 0), 1 of them updating"
                + " its 2 actions",
            "Lead 'Council' of VAWG delivery plan mapped to 0 people (was 2), 0 of them updating"
                + " its 2 actions");
  }

  @Test
  void aLeadMappedToPeopleWithoutAnAccountThatUpdatesStillHasNobody() throws Exception {
    Person kim = person("Kim Lee", null);
    String viewerEmail = fixtures.user(partnership, Role.VIEWER);
    long viewer = member(viewerEmail).accountId();
    Person gareth = person("Gareth Lloyd", null);
    personAccounts.link(partnership, viewer, Optional.of(gareth.id()));

    MvcResult saved =
        mvc.perform(
                post(base + "/leads/3")
                    .param("lead", "Police CSU")
                    .param("people", String.valueOf(kim.id()), String.valueOf(gareth.id()))
                    .session(admin)
                    .with(csrf()))
            .andExpect(redirectedUrl(base + "/leads"))
            .andReturn();

    assertThat(saved.getFlashMap().get("message"))
        .isEqualTo(
            "Police CSU is mapped to 2 people, but none of them has an account that updates"
                + " actions");
    assertThat(rows(page(admin, base + "/leads")))
        .contains(
            "Police CSU | 1 | Nobody who can update Gareth Lloyd Their account has no role that"
                + " updates actions Kim Lee No account: invite them from Users | Choose people for"
                + " Police CSU");
    assertThat(leads.unmapped(plan)).extracting(Lead::text).contains("Police CSU");
    assertThat(leads.updaters(plan).get(progress.action(plan, "2.1").id())).isEmpty();
  }

  @Test
  void aMappingMadeForOnePlanServesTheNextPlanThatNamesTheLead() throws Exception {
    Person sam = person("Sam Jones", null);
    leads.assign(partnership, plan, "Health", List.of(sam.id()));
    DeliveryPlan next =
        importPlan("Next year's plan", "Ref,Action,Lead\n1,Keep training GPs, HEALTH \n");

    assertThat(leads.leads(next))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.text()).isEqualTo("HEALTH");
              assertThat(l.people()).extracting(p -> p.name()).containsExactly("Sam Jones");
            });
  }

  @Test
  void anotherPartnershipsPersonCannotBeMappedAndAnUnknownLeadIsNotFound() throws Exception {
    Partnership other = fixtures.partnership();
    Person stranger =
        people.create(other, "Stranger", null, null, "stranger@other.example", Set.of());

    mvc.perform(
            post(base + "/leads/1")
                .param("lead", "Council")
                .param("people", String.valueOf(stranger.id()))
                .session(admin)
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post(base + "/leads/1").param("lead", "Youth service").session(admin).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/leads/4").session(admin)).andExpect(status().isNotFound());
    mvc.perform(get(base + "/leads/x").session(admin)).andExpect(status().isNotFound());
    assertThat(leads.leads(plan)).allSatisfy(l -> assertThat(l.people()).isEmpty());

    // nor another partnership's plan
    MockHttpSession otherAdmin = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    mvc.perform(get("/p/" + other.slug() + "/plans/" + plan.id() + "/leads").session(otherAdmin))
        .andExpect(status().isNotFound());
  }

  @Test
  void onlyAdministratorsAndStrategicLeadsMapLeads() throws Exception {
    Person sam = person("Sam Jones", null);
    for (Role role : List.of(Role.ACTION_LEAD, Role.VIEWER, Role.ANALYST)) {
      MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(partnership, role));
      mvc.perform(get(base + "/leads").session(session)).andExpect(status().isForbidden());
      mvc.perform(get(base + "/leads/1").session(session)).andExpect(status().isForbidden());
      mvc.perform(
              post(base + "/leads/1")
                  .param("lead", "Council")
                  .param("people", String.valueOf(sam.id()))
                  .session(session)
                  .with(csrf()))
          .andExpect(status().isForbidden());
      assertThat(text(page(session, base))).doesNotContain("leads have nobody");
    }
    MockHttpSession strategic =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));
    mvc.perform(get(base + "/leads").session(strategic)).andExpect(status().isOk());
    assertThat(leads.leads(plan)).allSatisfy(l -> assertThat(l.people()).isEmpty());
  }

  // Helpers

  private Person person(String name, String email) {
    return people.create(partnership, name, null, null, email, Set.of());
  }

  private DeliveryPlan importPlan(String name, String csv) {
    imports.run(
        partnership,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            csv.getBytes(StandardCharsets.UTF_8)));
    return plans.named(partnership, name);
  }

  private Member member(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow();
  }

  private List<String> auditSummaries() {
    return jdbc.sql(
            "select summary from audit_event where partnership_id = :p"
                + " and object_type = 'LeadMapping' order by id")
        .param("p", partnership.id())
        .query(String.class)
        .list();
  }

  private String page(MockHttpSession session, String url) throws Exception {
    MvcResult result =
        mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn();
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  /** Each body row of every table, as its cells' text joined by " | ". */
  private static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    Matcher row =
        Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell =
          Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(text(cell.group(1)));
      }
      if (!cells.isEmpty() && !row.group(1).contains("<th scope=\"col\"")) {
        rows.add(String.join(" | ", cells));
      }
    }
    return rows;
  }

  static String text(String html) {
    return PlanPagesIntegrationTests.text(html);
  }
}
