package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ImportResult;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

/**
 * A plan built from nothing on screen: created, given outcomes, an area and actions, an action
 * rated, archived and restored, with the reports of each period, the audit trail, and the people
 * and partnerships who may not do it.
 */
@CcrHubTest
class PlanEditingIntegrationTests {

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");
  static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ReportingPeriods periods;
  @Autowired PlanImport imports;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  MockHttpSession admin;
  String plansUrl;

  @BeforeEach
  void aPartnershipCollectingUpdatesFor2016To17Q2() throws Exception {
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    // plans created on screen join the periods open in the partnership's other plans
    periods.open(
        partnership,
        plans.create(partnership, "Earlier plan", Q2.year(), Q2.year()),
        Q2,
        Optional.empty(),
        Optional.empty());
    plansUrl = "/p/" + partnership.slug() + "/plans";
  }

  @Test
  void aPlanIsBuiltFromNothingOnScreenAndAnArchivedActionLeavesOnlyLaterPeriods() throws Exception {
    assertThat(text(page(admin, plansUrl))).contains("Create a plan");
    String form = page(admin, plansUrl + "/new");
    assertThat(form)
        .contains("value=\"" + FinancialYear.containing(LocalDate.now(Dates.UK)) + "\"")
        .contains("Protective marking");

    String location =
        post(
                admin,
                plansUrl + "/new",
                "name",
                "Safer Streets plan",
                "firstYear",
                "2016/17",
                "lastYear",
                "2016/17",
                "strategy",
                "",
                "marking",
                "OFFICIAL-SENSITIVE")
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    DeliveryPlan plan = plans.named(partnership, "Safer Streets plan");
    String base = plansUrl + "/" + plan.id();
    assertThat(location).isEqualTo(base);
    assertThat(plan.marking()).isEqualTo("OFFICIAL-SENSITIVE");
    assertThat(plan.years()).isEqualTo("2016/17");
    assertThat(text(page(admin, base)))
        .contains("This plan has no outcomes or actions yet")
        .contains("Add an outcome");

    // outcomes added out of order stand in the order of their refs
    addOutcome(base, "2", "Support");
    addOutcome(base, "1", "Prevention");
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly("1 Prevention", "2 Support");
    long prevention = plans.outcomes(plan).get(0).id();
    long support = plans.outcomes(plan).get(1).id();
    post(admin, base + "/outcomes/" + prevention + "/areas/new", "ref", "1.1", "title", "Awareness")
        .andExpect(status().is3xxRedirection());
    long awareness = plans.areas(plan).get(0).id();
    assertThat(text(page(admin, base + "/outcomes")))
        .contains("1 Prevention Change outcome 1 Prevention")
        .contains("Area 1.1 Awareness No actions yet");

    // actions added out of order are listed in natural order
    addAction(base, prevention, awareness, "1.1.10", "Train GP practices in IRIS", "Q4");
    addAction(base, prevention, awareness, "1.1.2", "Run a campaign in schools", "March 2017");
    addAction(base, support, null, "2.1", "Commission refuge spaces", "Ongoing");
    assertThat(actionRefs(page(admin, base))).containsExactly("1.1.2", "1.1.10", "2.1");
    PlanAction campaign = progress.action(plan, "1.1.2");
    assertThat(campaign.leads()).containsExactly("Police", "Community Safety Team");
    assertThat(campaign.due().deadline()).contains(LocalDate.parse("2017-03-31"));
    assertThat(campaign.areaId()).contains(awareness);
    assertThat(text(page(admin, base + "/outcomes")))
        .contains("1 Prevention Change outcome 1 Prevention")
        .contains("Actions 2 actions Area 1.1 Awareness 2 actions")
        .contains("Actions 1 action");

    // a ref the plan has already is refused, naming the action, keeping what was typed
    String refused =
        post(
                admin,
                base + "/outcomes/" + support + "/actions/new",
                "area",
                "",
                "ref",
                "1.1.2",
                "text",
                "Publish a directory of services",
                "due",
                "Q3",
                "leads",
                "Council")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(title(refused)).startsWith("Error: Add an action");
    assertThat(text(refused))
        .contains("There is a problem")
        .contains(
            "The ref 1.1.2 is already used by action 1.1.2 (Run a campaign in schools): give"
                + " this action a ref of its own");
    assertThat(refused)
        .contains(">Publish a directory of services</textarea>")
        .contains("value=\"Council\"");
    assertThat(plans.actions(plan)).hasSize(3);

    // rated in 2016/17 Q2, then archived: it stays in Q2's report and is gone from Q3's
    post(
            admin,
            base + "/actions/1.1.2/progress",
            "period",
            "2016/17 Q2",
            "rating",
            "RED",
            "comment",
            "No school has agreed yet",
            "seenUpdateId",
            "")
        .andExpect(status().is3xxRedirection());
    String confirm = page(admin, base + "/actions/1.1.2/archive");
    assertThat(text(confirm))
        .contains("Archive action 1.1.2?")
        .contains("From 2016/17 Q3 on, it is gone from the plan")
        .contains("Reports for 2016/17 Q2 and earlier still show it");
    post(
            admin,
            base + "/actions/1.1.2/archive",
            "version",
            String.valueOf(progress.action(plan, "1.1.2").version()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", base));

    assertThat(refsOf(plans.snapshot(partnership, plan, Q2).actions()))
        .containsExactly("1.1.2", "1.1.10", "2.1");
    assertThat(refsOf(plans.snapshot(partnership, plan, Q3).actions()))
        .containsExactly("1.1.10", "2.1");
    assertThat(text(page(admin, base + "/exceptions?period=2016/17 Q2")))
        .contains("No school has agreed yet");
    String q3Report = text(page(admin, base + "/exceptions?period=2016/17 Q3"));
    assertThat(q3Report).contains("1.1.10").doesNotContain("1.1.2 ");
    assertThat(download(base + "/export.csv?period=2016/17 Q2")).contains("1.1.2,");
    assertThat(download(base + "/export.csv?period=2016/17 Q3")).doesNotContain("1.1.2,");
    String overview = page(admin, base + "?period=2016/17 Q3");
    assertThat(actionRefs(overview)).containsExactly("1.1.10", "2.1");
    assertThat(text(overview))
        .contains("Archived actions")
        .contains("1.1.2 Run a campaign in schools 2016/17 Q3");
    assertThat(text(page(admin, base + "/actions/1.1.2")))
        .contains("Archived This action is gone from the plan from 2016/17 Q3.");

    // no update goes to a period it is gone from
    periods.open(partnership, plan, Q3, Optional.empty(), Optional.empty());
    String update =
        post(
                admin,
                base + "/actions/1.1.2/progress",
                "period",
                "2016/17 Q3",
                "rating",
                "GREEN",
                "seenUpdateId",
                "")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(update)).contains("Action 1.1.2 is archived from 2016/17 Q3");

    // an import of the plan changes it but leaves it archived, and says so
    ImportResult preview =
        imports.preview(
            partnership,
            new PlanImportRequest(
                "Safer Streets plan",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "ref,action\n1.1.2,Run a campaign in every school\n"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.warnings())
        .anySatisfy(w -> assertThat(w.reason()).startsWith("Action 1.1.2 is archived"));

    // restored, it is back in every period
    post(admin, base + "/actions/1.1.2/restore").andExpect(status().is3xxRedirection());
    assertThat(refsOf(plans.snapshot(partnership, plan, Q3).actions()))
        .containsExactly("1.1.2", "1.1.10", "2.1");
    assertThat(text(page(admin, base + "?period=2016/17 Q3"))).doesNotContain("Archived actions");

    assertThat(audited())
        .contains(
            "Created plan Safer Streets plan (2016/17, OFFICIAL-SENSITIVE)",
            "Safer Streets plan: added outcome 2 Support",
            "Safer Streets plan: added area 1.1 Awareness to outcome 1 Prevention",
            "Safer Streets plan: added action 1.1.10 to outcome 1 Prevention",
            "Safer Streets plan 1.1.2 archived: gone from the plan from 2016/17 Q3",
            "Safer Streets plan 1.1.2 restored (it had been archived from 2016/17 Q3)");
  }

  @Test
  void anActionWithNoUpdateInThePeriodBeingCollectedIsGoneFromThatPeriod() throws Exception {
    String base = newPlan("Quiet plan");
    DeliveryPlan plan = plans.named(partnership, "Quiet plan");
    long outcome = addOutcome(base, "1", "Prevention");
    addAction(base, outcome, null, "1.1", "Refresh the strategy", "Q4");
    addAction(base, outcome, null, "1.2", "Map services", "Q4");

    post(
            admin,
            base + "/actions/1.1/archive",
            "version",
            String.valueOf(progress.action(plan, "1.1").version()))
        .andExpect(status().is3xxRedirection());

    assertThat(refsOf(plans.snapshot(partnership, plan, Q2).actions())).containsExactly("1.2");
    assertThat(refsOf(plans.snapshot(partnership, plan, Q2.previous()).actions()))
        .containsExactly("1.1", "1.2");
    assertThat(actionRefs(page(admin, base))).containsExactly("1.2");
  }

  @Test
  void aPlanNameIsUniqueWhateverItsCaseAndBadInputComesBackWithWhatWasTyped() throws Exception {
    newPlan("Youth plan");

    String page =
        post(
                admin,
                plansUrl + "/new",
                "name",
                "YOUTH PLAN",
                "firstYear",
                "2016/17",
                "lastYear",
                "2015/16",
                "marking",
                "OFFICIAL")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(page)).contains("The plan cannot end before it starts: give 2016/17 or later");
    assertThat(page).contains("value=\"YOUTH PLAN\"").contains("value=\"2015/16\"");

    String duplicate =
        post(
                admin,
                plansUrl + "/new",
                "name",
                "YOUTH PLAN",
                "firstYear",
                "2016/17",
                "lastYear",
                "2017/18",
                "marking",
                "OFFICIAL")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(duplicate))
        .contains("There is already a plan called YOUTH PLAN: give this one another name");
    assertThat(duplicate).contains("href=\"#name\"");

    String empty =
        post(admin, plansUrl + "/new", "name", "", "firstYear", "", "lastYear", "", "marking", "")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(empty))
        .contains("Enter the plan's name")
        .contains("Enter the financial year the plan starts, like 2016/17")
        .contains("Select the protective marking");
  }

  @Test
  void outcomeAndAreaRefsAreUniqueAndAChangeSavedMeanwhileIsNotOverwritten() throws Exception {
    String base = newPlan("Ref plan");
    DeliveryPlan plan = plans.named(partnership, "Ref plan");
    long one = addOutcome(base, "1", "Prevention");
    long two = addOutcome(base, "2", "Support");

    assertThat(
            text(
                post(admin, base + "/outcomes/new", "ref", "2", "title", "Something else")
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)))
        .contains(
            "The ref 2 is already used by outcome 2 Support: give this outcome a ref of its own");

    // a new ref moves the outcome to its place
    post(
            admin,
            base + "/outcomes/" + one + "/edit",
            "ref",
            "3",
            "title",
            "Prevention",
            "version",
            "0")
        .andExpect(status().is3xxRedirection());
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly("2 Support", "3 Prevention");

    // the form opened before that change does not overwrite it
    String conflict =
        post(
                admin,
                base + "/outcomes/" + one + "/edit",
                "ref",
                "1",
                "title",
                "Prevention and early help",
                "version",
                "0")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(conflict))
        .contains("Someone else changed outcome 3 Prevention since you opened this page")
        .contains("Their version, saved now Ref 3 Title Prevention");
    assertThat(conflict).contains("value=\"Prevention and early help\"");
    assertThat(plans.outcomes(plan).get(1).label()).isEqualTo("3 Prevention");

    post(admin, base + "/outcomes/" + two + "/areas/new", "ref", "2.1", "title", "Refuges")
        .andExpect(status().is3xxRedirection());
    assertThat(
            text(
                post(admin, base + "/outcomes/" + two + "/areas/new", "ref", "2.1", "title", "X")
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)))
        .contains("The ref 2.1 is already used by area 2.1 Refuges of this outcome");
  }

  @Test
  void anotherPartnershipsPlansOutcomesAreasAndActionsAreNotFound() throws Exception {
    String base = newPlan("Own plan");
    long own = addOutcome(base, "1", "Prevention");
    addAction(base, own, null, "1.1", "Do it", "Q4");

    Partnership other = fixtures.partnership();
    MockHttpSession otherAdmin = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    periods.open(
        other,
        plans.create(other, "Earlier plan", Q2.year(), Q2.year()),
        Q2,
        Optional.empty(),
        Optional.empty());
    String otherPlans = "/p/" + other.slug() + "/plans";
    post(
            otherAdmin,
            otherPlans + "/new",
            "name",
            "Their plan",
            "firstYear",
            "2016/17",
            "lastYear",
            "2016/17",
            "marking",
            "OFFICIAL")
        .andExpect(status().is3xxRedirection());
    DeliveryPlan theirs = plans.named(other, "Their plan");
    String theirBase = otherPlans + "/" + theirs.id();
    post(otherAdmin, theirBase + "/outcomes/new", "ref", "1", "title", "Theirs")
        .andExpect(status().is3xxRedirection());
    long theirOutcome = plans.outcomes(theirs).get(0).id();
    post(otherAdmin, theirBase + "/outcomes/" + theirOutcome + "/areas/new", "title", "Area")
        .andExpect(status().is3xxRedirection());
    long theirArea = plans.areas(theirs).get(0).id();

    // their plan under our partnership, their outcome and area under our plan, unknown refs
    for (String url :
        List.of(
            plansUrl + "/" + theirs.id() + "/outcomes/new",
            plansUrl + "/" + theirs.id() + "/outcomes",
            base + "/outcomes/" + theirOutcome + "/edit",
            base + "/outcomes/" + theirOutcome + "/areas/new",
            base + "/outcomes/" + theirOutcome + "/actions/new",
            base + "/areas/" + theirArea + "/edit",
            base + "/actions/9.9/archive",
            base + "/outcomes/999999999/edit")) {
      mvc.perform(get(url).session(admin)).andExpect(status().isNotFound());
    }
    post(admin, base + "/outcomes/" + theirOutcome + "/edit", "title", "Mine", "version", "0")
        .andExpect(status().isNotFound());
    post(admin, base + "/actions/9.9/restore").andExpect(status().isNotFound());
    // their area for our outcome is refused on the form
    assertThat(
            text(
                post(
                        admin,
                        base + "/outcomes/" + own + "/actions/new",
                        "area",
                        String.valueOf(theirArea),
                        "ref",
                        "1.2",
                        "text",
                        "Another")
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)))
        .contains("Select one of this outcome's areas, or none");
    assertThat(plans.outcomes(theirs)).extracting(PlanOutcome::title).containsExactly("Theirs");
  }

  @Test
  void viewersActionLeadsAndAnalystsCanNeitherCreateNorChangePlans() throws Exception {
    String base = newPlan("Guarded plan");
    DeliveryPlan plan = plans.named(partnership, "Guarded plan");
    long outcome = addOutcome(base, "1", "Prevention");
    addAction(base, outcome, null, "1.1", "Do it", "Q4");

    for (Role role : List.of(Role.VIEWER, Role.ACTION_LEAD, Role.ANALYST)) {
      MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(partnership, role));
      assertThat(text(page(session, plansUrl))).doesNotContain("Create a plan");
      assertThat(text(page(session, base)))
          .doesNotContain("Add an outcome")
          .doesNotContain("Archived actions");
      mvc.perform(get(plansUrl + "/new").session(session)).andExpect(status().isForbidden());
      mvc.perform(get(base + "/outcomes/new").session(session)).andExpect(status().isForbidden());
      mvc.perform(get(base + "/actions/1.1/archive").session(session))
          .andExpect(status().isForbidden());
      post(
              session,
              plansUrl + "/new",
              "name",
              "Sneaky " + role,
              "firstYear",
              "2016/17",
              "marking",
              "OFFICIAL")
          .andExpect(status().isForbidden());
      post(session, base + "/outcomes/new", "ref", "2", "title", "Sneaky")
          .andExpect(status().isForbidden());
      post(session, base + "/outcomes/" + outcome + "/actions/new", "ref", "9", "text", "Sneaky")
          .andExpect(status().isForbidden());
      post(session, base + "/actions/1.1/archive", "version", "0")
          .andExpect(status().isForbidden());
    }
    assertThat(plans.findByName(partnership, "Sneaky VIEWER")).isEmpty();
    assertThat(plans.outcomes(plan)).hasSize(1);
    assertThat(plans.actions(plan)).hasSize(1);
  }

  private String newPlan(String name) throws Exception {
    post(
            admin,
            plansUrl + "/new",
            "name",
            name,
            "firstYear",
            "2016/17",
            "lastYear",
            "2016/17",
            "marking",
            "OFFICIAL")
        .andExpect(status().is3xxRedirection());
    return plansUrl + "/" + plans.named(partnership, name).id();
  }

  private long addOutcome(String base, String ref, String title) throws Exception {
    post(admin, base + "/outcomes/new", "ref", ref, "title", title)
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", base + "/outcomes"));
    long planId = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
    return plans.outcomes(plans.find(partnership, planId)).stream()
        .filter(o -> o.ref().equals(Optional.of(ref)))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private void addAction(String base, long outcome, Long area, String ref, String text, String due)
      throws Exception {
    post(
            admin,
            base + "/outcomes/" + outcome + "/actions/new",
            "area",
            area == null ? "" : String.valueOf(area),
            "ref",
            ref,
            "text",
            text,
            "expectedOutcome",
            "",
            "due",
            due,
            "leads",
            "Police; Community Safety Team",
            "links",
            "",
            "resources",
            "MOPAC £18,000",
            "impact",
            "")
        .andExpect(status().is3xxRedirection());
  }

  private ResultActions post(MockHttpSession session, String url, String... params)
      throws Exception {
    var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url);
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request.session(session).with(csrf()));
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String download(String url) throws Exception {
    return mvc.perform(get(url).session(admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private List<String> audited() {
    return jdbc.sql("select summary from audit_event where partnership_id = :p order by id")
        .param("p", partnership.id())
        .query(String.class)
        .list();
  }

  private static List<String> refsOf(List<PlanAction> actions) {
    return actions.stream().map(PlanAction::ref).toList();
  }

  /** The refs in the overview's table of actions, in order. */
  private static List<String> actionRefs(String html) {
    int start = html.indexOf("app-actions-table");
    if (start < 0) {
      return List.of();
    }
    String table = html.substring(start, html.indexOf("</table>", start));
    List<String> refs = new ArrayList<>();
    Matcher m = Pattern.compile("/actions/([^\"/?]+)[?\"]").matcher(table);
    while (m.find()) {
      refs.add(m.group(1));
    }
    return refs;
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  private static String text(String html) {
    return PlanPagesIntegrationTests.text(html);
  }
}
