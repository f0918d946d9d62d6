package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/** The delivery plan pages, driven through their forms as each kind of user. */
@CcrHubTest
class PlanPagesIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Prevention,1.1 Awareness,1.1,Run a campaign in schools,Q1,Community Safety Team,Green,Campaign ran in June
      ,,1.2,Train GP practices in IRIS,Q4,Health,Amber/Red,Funding gap
      2 Support,,2.1,Commission refuge spaces,Business as usual,Commissioning Group,Red,Provider withdrew
      ,,2.2,Publish a directory of services,Q3,Council,,
      """;

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ReportingPeriods periods;
  @Autowired Accounts accounts;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.ccrhub.tabular.PendingUploads uploads;

  Partnership partnership;
  MockHttpSession admin;
  String adminEmail;
  String adminName;
  long adminId;
  DeliveryPlan plan;
  String base;

  @BeforeEach
  void aPartnershipWithAnImportedPlan() throws Exception {
    partnership = fixtures.partnership();
    adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    adminName = member(adminEmail).displayName();
    adminId = member(adminEmail).accountId();
    admin = Fixtures.signIn(mvc, adminEmail);
    plan = importPlan("VAWG delivery plan", PLAN_CSV);
    periods.open(partnership, plan, Q2, Optional.empty(), Optional.empty());
    base = "/p/" + partnership.slug() + "/plans/" + plan.id();
  }

  @Test
  void theOverviewCountsRatingsPerOutcomeAndFiltersTheActions() throws Exception {
    String page = page(admin, base + "?period=2016/17 Q2");

    assertThat(title(page)).isEqualTo("VAWG delivery plan, 2016/17 Q2");
    assertThat(text(page))
        .contains("Whole plan Green 1, Amber/Red 1, Red 1, Not rated 1 (4 actions)")
        .contains("1 Prevention Green 1, Amber/Red 1 (2 actions)")
        .contains("2 Support Red 1, Not rated 1 (2 actions)");
    assertThat(page).doesNotContain("style=");
    assertThat(refs(page)).containsExactly("1.1", "1.2", "2.1", "2.2");

    assertThat(refs(page(admin, base + "?period=2016/17 Q2&rating=RED"))).containsExactly("2.1");
    assertThat(refs(page(admin, base + "?period=2016/17 Q2&overdue=true"))).containsExactly("1.1");
    assertThat(refs(page(admin, base + "?period=2016/17 Q2&lead=health"))).containsExactly("1.2");
    assertThat(refs(page(admin, base + "?period=2016/17 Q2&notUpdated=true")))
        .containsExactly("2.2");
    assertThat(refs(page(admin, base + "?period=2016/17 Q2&q=directory"))).containsExactly("2.2");
    long outcome2 = plans.outcomes(plan).get(1).id();
    assertThat(refs(page(admin, base + "?period=2016/17 Q2&outcome=" + outcome2)))
        .containsExactly("2.1", "2.2");
    assertThat(text(page(admin, base + "?period=2016/17 Q2&rating=RED")))
        .contains("1 of 4 actions match");
  }

  @Test
  void thePlanListLinksToEachPlanAndOffersImportToManagers() throws Exception {
    String page = page(admin, "/p/" + partnership.slug() + "/plans");
    assertThat(text(page))
        .contains("VAWG delivery plan 2016/17 Not published")
        .contains("Import a plan");

    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    assertThat(text(page(viewer, "/p/" + partnership.slug() + "/plans")))
        .contains("VAWG delivery plan")
        .doesNotContain("Import a plan");
    mvc.perform(get("/p/" + partnership.slug() + "/plans/import").session(viewer))
        .andExpect(status().isForbidden());
  }

  @Test
  void theActionPageShowsEveryUpdateNewestFirstWithCorrections() throws Exception {
    ProgressUpdate imported = current("1.2");
    recordAsAdmin("1.2", "AMBER_RED", "Funding gap: bid submitted", imported.id());
    recordAsAdmin("1.2", "AMBER_GREEN", "Funding agreed in part", current("1.2").id());

    String page = text(page(admin, base + "/actions/1.2"));

    assertThat(page)
        .contains("Outcome 1 Prevention")
        .contains("Area of delivery 1.1 Awareness")
        .contains("Action Train GP practices in IRIS")
        .contains("Due Q4 (deadline 31 March 2017)")
        .contains("Leads Health");
    int newest = page.indexOf("Funding agreed in part");
    int middle = page.indexOf("Funding gap: bid submitted");
    int oldest = page.indexOf("Funding gap Import from the command line");
    assertThat(newest).isPositive().isLessThan(middle);
    assertThat(middle).isLessThan(oldest);
    assertThat(page)
        .contains("2016/17 Q2 Correction Amber/Green Funding agreed in part " + adminName);
    assertThat(page)
        .contains("2016/17 Q2 Replaced Amber/Red Funding gap Import from the command line");
  }

  @Test
  void anActionLeadUpdatesTheActionsTheyAreAssignedToAndNoOthers() throws Exception {
    String leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    long leadId = member(leadEmail).accountId();
    mvc.perform(
            post(base + "/actions/1.1/updaters")
                .param("updaters", String.valueOf(leadId))
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(text(page(admin, base + "/actions/1.1")))
        .contains("Added by hand " + member(leadEmail).displayName());
    MockHttpSession lead = Fixtures.signIn(mvc, leadEmail);

    String form = page(lead, base + "/actions/1.1/progress?period=2016/17 Q2");
    assertThat(title(form)).isEqualTo("Update 1.1 for 2016/17 Q2");
    assertThat(text(form))
        .contains("Amber/Green Slightly off track, moderate impact: need to monitor");
    mvc.perform(
            post(base + "/actions/1.1/progress")
                .param("period", "2016/17 Q2")
                .param("rating", "AMBER_GREEN")
                .param("comment", "Second campaign delayed")
                .param("seenUpdateId", String.valueOf(current("1.1").id()))
                .session(lead)
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", base + "/actions/1.1"));
    assertThat(current("1.1").rating()).isEqualTo(RagRating.AMBER_GREEN);
    assertThat(current("1.1").recordedBy()).isEqualTo(member(leadEmail).displayName());

    mvc.perform(get(base + "/actions/1.2/progress?period=2016/17 Q2").session(lead))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(base + "/actions/1.2/progress")
                .param("period", "2016/17 Q2")
                .param("rating", "GREEN")
                .param("seenUpdateId", String.valueOf(current("1.2").id()))
                .session(lead)
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(current("1.2").rating()).isEqualTo(RagRating.AMBER_RED);
  }

  @Test
  void anAmberRatingWithoutACommentComesBackWithTheErrorSummary() throws Exception {
    String page =
        rendered(
            post(base + "/actions/2.2/progress")
                .param("period", "2016/17 Q2")
                .param("rating", "AMBER_RED")
                .param("comment", "  ")
                .param("seenUpdateId", "")
                .session(admin)
                .with(csrf()));

    assertThat(title(page)).isEqualTo("Error: Update 2.2 for 2016/17 Q2");
    assertThat(page).contains("govuk-error-summary").contains("href=\"#comment\"");
    assertThat(text(page)).contains("Enter a comment explaining why the action is rated Amber/Red");
    assertThat(page).containsPattern("<input[^>]*value=\"AMBER_RED\"[^>]*checked");
    assertThat(updatesOf("2.2")).isEmpty();

    String noRating =
        rendered(
            post(base + "/actions/2.2/progress")
                .param("period", "2016/17 Q2")
                .param("comment", "Kept")
                .session(admin)
                .with(csrf()));
    assertThat(text(noRating)).contains("Select a rating");
    assertThat(noRating).contains(">Kept</textarea>");
  }

  @Test
  void aConflictingUpdateShowsBothTextsAndLetsThePersonSaveTheirsOver() throws Exception {
    String form = page(admin, base + "/actions/2.2/progress?period=2016/17 Q2");
    assertThat(form).contains("name=\"seenUpdateId\" value=\"\"");
    recordAsAdmin("2.2", "GREEN", "Directory drafted by the council", null);

    String page =
        rendered(
            post(base + "/actions/2.2/progress")
                .param("period", "2016/17 Q2")
                .param("rating", "AMBER_GREEN")
                .param("comment", "Directory waiting for sign-off")
                .param("seenUpdateId", "")
                .session(admin)
                .with(csrf()));

    ProgressUpdate theirs = current("2.2");
    assertThat(title(page)).startsWith("Error: ");
    assertThat(text(page))
        .contains("Their update Rating Green Comment Directory drafted by the council")
        .contains("Your update Rating Amber/Green Comment Directory waiting for sign-off")
        .contains("Save my update to replace theirs");
    assertThat(page)
        .contains("name=\"seenUpdateId\" value=\"" + theirs.id() + "\"")
        .contains(">Directory waiting for sign-off</textarea>");

    mvc.perform(
            post(base + "/actions/2.2/progress")
                .param("period", "2016/17 Q2")
                .param("rating", "AMBER_GREEN")
                .param("comment", "Directory waiting for sign-off")
                .param("seenUpdateId", String.valueOf(theirs.id()))
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(current("2.2").comment()).isEqualTo("Directory waiting for sign-off");
  }

  @Test
  void aStrategicLeadChangesAnActionsWordsAndLeadsAndTheChangeIsAudited() throws Exception {
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));
    assertThat(page(lead, base + "/actions/1.2")).contains("/actions/1.2/edit");
    String form = page(lead, base + "/actions/1.2/edit");
    assertThat(form)
        .contains(">Train GP practices in IRIS</textarea>")
        .contains("name=\"version\" value=\"" + action("1.2").version() + "\"");

    mvc.perform(
            post(base + "/actions/1.2/edit")
                .param("text", "Train every GP practice in IRIS")
                .param("expectedOutcome", "All 40 practices trained")
                .param("leads", "Health\nNorth Riverside ICB")
                .param("links", "")
                .param("resources", "£12,000 from the ICB")
                .param("impact", "")
                .param("version", String.valueOf(action("1.2").version()))
                .session(lead)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    PlanAction changed = action("1.2");
    assertThat(changed.text()).isEqualTo("Train every GP practice in IRIS");
    assertThat(changed.expectedOutcome()).isEqualTo("All 40 practices trained");
    assertThat(changed.leads()).containsExactly("Health", "North Riverside ICB");
    assertThat(changed.resources()).isEqualTo("£12,000 from the ICB");
    assertThat(changed.due().text()).isEqualTo("Q4");
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where partnership_id = :p"
                        + " and object_type = 'Action' and action = 'UPDATE'")
                .param("p", partnership.id())
                .query(String.class)
                .list())
        .containsExactly(
            "VAWG delivery plan 1.2 changed: the action, expected outcome, leads, resources");
    assertThat(text(page(lead, base + "/actions/1.2")))
        .contains("Action Train every GP practice in IRIS")
        .contains("Leads Health North Riverside ICB");

    MockHttpSession actionLead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ACTION_LEAD));
    assertThat(page(actionLead, base + "/actions/1.2")).doesNotContain("/actions/1.2/edit");
    mvc.perform(get(base + "/actions/1.2/edit").session(actionLead))
        .andExpect(status().isForbidden());
    mvc.perform(
            post(base + "/actions/1.2/edit")
                .param("text", "Changed by a lead")
                .param("version", String.valueOf(action("1.2").version()))
                .session(actionLead)
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(action("1.2").text()).isEqualTo("Train every GP practice in IRIS");
    mvc.perform(get(base + "/actions/9.9/edit").session(admin)).andExpect(status().isNotFound());
  }

  @Test
  void savingAnActionUnchangedChangesNothingWhateverLineBreaksTheBrowserSends() throws Exception {
    progress.change(
        partnership,
        plan,
        action("1.1"),
        action("1.1").version(),
        new org.ccrhub.plans.ActionChange(
            "Run a campaign in schools\nand colleges",
            "",
            List.of("Community Safety Team", "Youth service"),
            "",
            "",
            ""),
        admin());
    int version = action("1.1").version();
    long audited = actionUpdatesAudited();

    MvcResult saved =
        mvc.perform(
                post(base + "/actions/1.1/edit")
                    .param("text", "Run a campaign in schools\r\nand colleges")
                    .param("leads", "Community Safety Team\r\nYouth service\r\n")
                    .param("version", String.valueOf(version))
                    .session(admin)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();

    assertThat(saved.getFlashMap().get("message"))
        .isEqualTo("Nothing was changed: action 1.1 already says that");
    assertThat(action("1.1").version()).isEqualTo(version);
    assertThat(actionUpdatesAudited()).isEqualTo(audited);
  }

  @Test
  void aControlCharacterIsDroppedAndMoreThanTwentyLeadsAreRefused() throws Exception {
    mvc.perform(
            post(base + "/actions/2.1/edit")
                .param("text", "Commission refuge\u0000 spaces")
                .param("leads", "Commissioning Group")
                .param("version", String.valueOf(action("2.1").version()))
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(action("2.1").text()).isEqualTo("Commission refuge spaces");

    StringBuilder leads = new StringBuilder();
    for (int i = 1; i <= 21; i++) {
      leads.append("Agency ").append(i).append('\n');
    }
    String page =
        rendered(
            post(base + "/actions/2.1/edit")
                .param("text", "Commission refuge spaces")
                .param("leads", leads.toString())
                .param("version", String.valueOf(action("2.1").version()))
                .session(admin)
                .with(csrf()));
    assertThat(text(page)).contains("There is a problem An action can have up to 20 leads");
    assertThat(action("2.1").leads()).containsExactly("Commissioning Group");
  }

  @Test
  void aBlankActionOrTooLongLinksComeBackWithTheErrorSummaryKeepingWhatWasTyped() throws Exception {
    String page =
        rendered(
            post(base + "/actions/2.1/edit")
                .param("text", "   ")
                .param("leads", "Commissioning Group")
                .param("links", "x".repeat(2001))
                .param("resources", "Refuge grant, 40,000 a year")
                .param("version", String.valueOf(action("2.1").version()))
                .session(admin)
                .with(csrf()));

    assertThat(title(page)).startsWith("Error: ");
    assertThat(text(page))
        .contains(
            "There is a problem Enter the action"
                + " Strategic links must be 2,000 characters or fewer");
    assertThat(page)
        .contains("href=\"#text\"")
        .contains("href=\"#links\"")
        .contains(">Refuge grant, 40,000 a year</textarea>")
        .contains("aria-describedby=\"text-hint text-error\"");
    assertThat(action("2.1").text()).isEqualTo("Commission refuge spaces");
  }

  @Test
  void aConflictingChangeShowsTheirVersionAndKeepsYoursUntilYouSaveItOver() throws Exception {
    int seen = action("2.2").version();
    progress.change(
        partnership,
        plan,
        action("2.2"),
        seen,
        new org.ccrhub.plans.ActionChange(
            "Publish the directory of services online", "", List.of("Council"), "", "", ""),
        admin());

    String page =
        rendered(
            post(base + "/actions/2.2/edit")
                .param("text", "Publish a printed directory of services")
                .param("leads", "Council\nCommunity Safety Team")
                .param("version", String.valueOf(seen))
                .session(admin)
                .with(csrf()));

    assertThat(title(page)).startsWith("Error: ");
    assertThat(text(page))
        .contains("Someone else changed 2.2 since you opened this page")
        .contains("Their version, saved now Action Publish the directory of services online")
        .contains("Save my version to replace theirs");
    assertThat(page)
        .contains(">Publish a printed directory of services</textarea>")
        .contains("name=\"version\" value=\"" + (seen + 1) + "\"");
    assertThat(action("2.2").text()).isEqualTo("Publish the directory of services online");
    PlanAction stale = action("2.2");
    progress.change(
        partnership,
        plan,
        stale,
        stale.version(),
        new org.ccrhub.plans.ActionChange(
            "Publish the directory of services online and in print",
            "",
            List.of("Council"),
            "",
            "",
            ""),
        admin());
    assertThatThrownBy(
            () ->
                progress.change(
                    partnership,
                    plan,
                    stale,
                    stale.version(),
                    new org.ccrhub.plans.ActionChange(
                        "Publish nothing", "", List.of("Council"), "", "", ""),
                    admin()))
        .isInstanceOfSatisfying(
            org.ccrhub.plans.ActionConflictException.class,
            e ->
                assertThat(e.theirs().text())
                    .isEqualTo("Publish the directory of services online and in print"));
    seen = seen + 1;

    mvc.perform(
            post(base + "/actions/2.2/edit")
                .param("text", "Publish a printed directory of services")
                .param("leads", "Council\nCommunity Safety Team")
                .param("version", String.valueOf(seen + 1))
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(action("2.2").text()).isEqualTo("Publish a printed directory of services");
    assertThat(action("2.2").leads()).containsExactly("Council", "Community Safety Team");
  }

  @Test
  void aClosedPeriodIsReadOnlyAndRefusesUpdates() throws Exception {
    mvc.perform(
            post("/p/" + partnership.slug() + "/plans/periods/close")
                .param("period", "2016/17 Q2")
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(text(page(admin, "/p/" + partnership.slug() + "/plans/periods")))
        .contains("2016/17 Q2 14 October 2016 Closed");

    String form = page(admin, base + "/actions/1.1/progress?period=2016/17 Q2");
    assertThat(text(form))
        .contains("The period 2016/17 Q2 is closed: its updates can no longer change.");
    assertThat(form).doesNotContain("<textarea");

    String refused =
        rendered(
            post(base + "/actions/1.1/progress")
                .param("period", "2016/17 Q2")
                .param("rating", "RED")
                .param("comment", "Too late")
                .param("seenUpdateId", String.valueOf(current("1.1").id()))
                .session(admin)
                .with(csrf()));
    assertThat(title(refused)).startsWith("Error: ");
    assertThat(text(refused)).contains("is closed");
    assertThat(current("1.1").rating()).isEqualTo(RagRating.GREEN);
  }

  @Test
  void periodsAreOpenedWithValidatedTextAndOnlyByManagers() throws Exception {
    String page = rendered(openPeriod(admin, "2016 Q9"));
    assertThat(title(page)).isEqualTo("Error: Reporting periods");
    assertThat(page).contains("href=\"#period\"");

    mvc.perform(openPeriod(admin, "2016/17 Q3")).andExpect(status().is3xxRedirection());
    assertThat(periods.current(plan)).isEqualTo(ReportingPeriod.parse("2016/17 Q3"));

    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ACTION_LEAD));
    mvc.perform(get("/p/" + partnership.slug() + "/plans/periods").session(lead))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/p/" + partnership.slug() + "/plans/periods/close")
                .param("period", "2016/17 Q3")
                .session(lead)
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void periodDatesAreTypedAsDayMonthAndYearWithGovUkMessages() throws Exception {
    String form = page(admin, "/p/" + partnership.slug() + "/plans/periods");
    assertThat(form)
        .contains("<legend class=\"govuk-fieldset__legend\">Updates due by (optional)</legend>")
        .contains("id=\"due-day\" name=\"due.day\"")
        .contains("id=\"closes-year\" name=\"closes.year\"");

    // a month left out: only that box is in error, and the summary leads to it
    String incomplete =
        rendered(
            openPeriod(admin, "2016/17 Q3")
                .param("due.day", "13")
                .param("due.month", "")
                .param("due.year", "2017"));
    assertThat(title(incomplete)).isEqualTo("Error: Reporting periods");
    assertThat(incomplete)
        .contains("<a href=\"#due-month\">The due date must include a month</a>")
        .containsPattern(
            "class=\"govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error\"[^>]*id=\"due-month\"")
        .containsPattern(
            "class=\"govuk-input govuk-date-input__input govuk-input--width-2\"[^>]*id=\"due-day\"[^>]*value=\"13\"");

    String impossible =
        rendered(
            openPeriod(admin, "2016/17 Q3")
                .param("due.day", "13")
                .param("due.month", "1")
                .param("due.year", "2017")
                .param("closes.day", "31")
                .param("closes.month", "2")
                .param("closes.year", "2017"));
    assertThat(impossible)
        .contains("<a href=\"#closes-day\">The closing date must be a real date</a>");

    // a month as a name is read too
    mvc.perform(
            openPeriod(admin, "2016/17 Q3")
                .param("due.day", "13")
                .param("due.month", "Jan")
                .param("due.year", "2017")
                .param("closes.day", "10")
                .param("closes.month", "2")
                .param("closes.year", "2017"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash()
                .attribute(
                    "message",
                    org.hamcrest.Matchers.endsWith(": updates are due by 13 January 2017")));
    assertThat(text(page(admin, "/p/" + partnership.slug() + "/plans/periods")))
        .contains("2016/17 Q3 13 January 2017 10 February 2017 Open");
  }

  @Test
  void anActionLeadCanNeitherOpenAPeriodNorBackdateAnUpdateByNamingAPeriod() throws Exception {
    String leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    progress.assignUpdaters(
        partnership, plan, action("1.1"), Set.of(member(leadEmail).accountId()));
    MockHttpSession lead = Fixtures.signIn(mvc, leadEmail);
    int updatesBefore = updatesOf("1.1").size();

    for (String period : List.of("2030/31 Q4", "2019/20 Q1")) {
      String form = page(lead, base + "/actions/1.1/progress?period=" + period);
      assertThat(text(form))
          .contains("The period " + period + " is not open for updates.")
          .contains("Administrators and strategic leads open reporting periods.");
      assertThat(form).doesNotContain("<textarea");

      String refused =
          rendered(
              post(base + "/actions/1.1/progress?period=" + period)
                  .param("rating", "GREEN")
                  .param("comment", "All done")
                  .param("seenUpdateId", "")
                  .session(lead)
                  .with(csrf()));
      assertThat(title(refused)).isEqualTo("Error: Update 1.1 for " + period);
      assertThat(text(refused))
          .contains(
              "There is a problem The period "
                  + period
                  + " is not open for updates: an administrator or strategic lead opens"
                  + " reporting periods");
      assertThat(refused).doesNotContain("<textarea");
    }
    mvc.perform(openPeriod(lead, "2030/31 Q4")).andExpect(status().isForbidden());

    assertThat(updatesOf("1.1")).hasSize(updatesBefore);
    assertThat(periods.all(plan))
        .extracting(p -> p.period() + (p.closed() ? " closed" : " open"))
        .containsExactly("2016/17 Q2 open");
    assertThat(periods.current(plan)).isEqualTo(Q2);
    // what everyone sees first is unchanged
    assertThat(title(page(admin, base))).isEqualTo("VAWG delivery plan, 2016/17 Q2");
    assertThat(text(page(lead, "/p/" + partnership.slug() + "/my-actions")))
        .doesNotContain("Not open for updates yet");
  }

  @Test
  void noOneUpdatesAPeriodThatWasNeverOpenedUntilAManagerOpensIt() throws Exception {
    String refused =
        rendered(
            post(base + "/actions/2.2/progress")
                .param("period", "2016/17 Q3")
                .param("rating", "GREEN")
                .param("seenUpdateId", "")
                .session(admin)
                .with(csrf()));
    assertThat(text(refused))
        .contains("The period 2016/17 Q3 is not open for updates: an administrator or strategic");
    assertThat(plans.updatesIn(plan, ReportingPeriod.parse("2016/17 Q3"))).isEmpty();
    assertThat(periods.current(plan)).isEqualTo(Q2);

    mvc.perform(openPeriod(admin, "2016/17 Q3")).andExpect(status().is3xxRedirection());
    mvc.perform(
            post(base + "/actions/2.2/progress")
                .param("period", "2016/17 Q3")
                .param("rating", "GREEN")
                .param("seenUpdateId", "")
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(plans.updatesIn(plan, ReportingPeriod.parse("2016/17 Q3"))).hasSize(1);
  }

  @Test
  void myActionsSaysWhenNoPeriodIsOpen() throws Exception {
    periods.close(partnership, plan, Q2);
    String leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    progress.assignUpdaters(
        partnership, plan, action("1.1"), Set.of(member(leadEmail).accountId()));
    MockHttpSession lead = Fixtures.signIn(mvc, leadEmail);

    ReportingPeriod current = periods.current(plan);
    assertThat(text(page(lead, "/p/" + partnership.slug() + "/my-actions")))
        .contains(
            "Not open for updates yet (an administrator or strategic lead opens reporting"
                + " periods): VAWG delivery plan ("
                + current
                + ")")
        .contains("Needs an update (0)");
  }

  @Test
  void myActionsSplitsTheLeadsActionsByWhetherTheyHaveAnUpdate() throws Exception {
    periods.open(partnership, plan, Q2, Optional.empty(), Optional.empty());
    String leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    long leadId = member(leadEmail).accountId();
    progress.assignUpdaters(partnership, plan, action("1.1"), Set.of(leadId));
    progress.assignUpdaters(partnership, plan, action("2.2"), Set.of(leadId));
    MockHttpSession lead = Fixtures.signIn(mvc, leadEmail);

    String page = text(page(lead, "/p/" + partnership.slug() + "/my-actions"));

    int needs = page.indexOf("Needs an update (1)");
    int updated = page.indexOf("Updated (1)");
    assertThat(needs).isPositive().isLessThan(updated);
    assertThat(page.substring(needs, updated))
        .contains("VAWG delivery plan, 2016/17 Q2 2.2 Publish a directory of services");
    assertThat(page.substring(updated))
        .contains("VAWG delivery plan, 2016/17 Q2 1.1 Run a campaign in schools Green");
    assertThat(page).doesNotContain("1.2");
  }

  @Test
  void anImportWithErrorsListsEveryProblemAndImportsNothing() throws Exception {
    String broken =
        """
        Outcome,Ref,Action,Due,Lead
        1 Prevention,1.1,Run a campaign,Q1,Council
        ,1.1,Run it again,Q2,Police
        """;
    String page = rendered(upload("Broken plan", "2016/17", broken));

    assertThat(title(page)).isEqualTo("Error: Check the import into Broken plan");
    assertThat(text(page)).contains("Nothing has been imported");
    assertThat(rows(page)).anyMatch(r -> r.startsWith("3 | ref | 1.1 | "));
    assertThat(page).doesNotContain("Import plan</button>");
    assertThat(plans.findByName(partnership, "Broken plan")).isEmpty();
  }

  @Test
  void aGoodFileIsPreviewedThenImportedOnConfirmation() throws Exception {
    String page = rendered(upload("Second plan", "2016/17", PLAN_CSV));
    assertThat(title(page)).isEqualTo("Check the import into Second plan");
    assertThat(text(page)).contains("Actions 4 created, 0 changed, 0 unchanged");
    assertThat(plans.findByName(partnership, "Second plan")).isEmpty();

    Matcher key = Pattern.compile("name=\"key\" value=\"([0-9a-f]+)\"").matcher(page);
    assertThat(key.find()).isTrue();
    // the file waits in the database, not in the session that every request reads
    assertThat(
            jdbc.sql("select content from pending_upload where key = :k and partnership_id = :p")
                .param("k", key.group(1))
                .param("p", partnership.id())
                .query(byte[].class)
                .single())
        .isEqualTo(PLAN_CSV.getBytes(StandardCharsets.UTF_8));
    MvcResult confirmed =
        mvc.perform(
                post("/p/" + partnership.slug() + "/plans/import/confirm")
                    .param("key", key.group(1))
                    .session(admin)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    DeliveryPlan imported = plans.named(partnership, "Second plan");
    assertThat(confirmed.getResponse().getRedirectedUrl())
        .isEqualTo("/p/" + partnership.slug() + "/plans/" + imported.id());
    assertThat(String.valueOf(confirmed.getFlashMap().get("message")))
        .startsWith("Created Second plan. Outcomes: 2 created");
    assertThat(plans.actions(imported)).hasSize(4);
    assertThat(
            jdbc.sql("select count(*) from pending_upload where key = :k")
                .param("k", key.group(1))
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(
            post("/p/" + partnership.slug() + "/plans/import/confirm")
                .param("key", key.group(1))
                .session(admin)
                .with(csrf()))
        .andExpect(
            header().string("Location", "/p/" + partnership.slug() + "/plans/import?expired=true"));
  }

  @Test
  void keepsOnlyAFileThatCanBeImportedAndOneAPersonWhicheverSessionTheyUse() throws Exception {
    String broken = "Outcome,Ref,Action,RAG\n1 Prevention,1.1,Run a campaign,Purple\n";
    rendered(upload("Broken plan", "2016/17", broken));
    assertThat(pendingUploads()).isZero();

    rendered(upload("Second plan", "2016/17", PLAN_CSV));
    assertThat(pendingUploads()).isOne();
    rendered(upload("Broken plan", "2016/17", broken));
    assertThat(pendingUploads()).as("a refused upload drops the one waiting").isZero();

    // in two sessions of the same person: the second upload replaces the first
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken(adminEmail, null));
    try {
      uploads.keep(new MockHttpSession(), partnership.id(), "first", new byte[] {1});
      uploads.keep(new MockHttpSession(), partnership.id(), "second", new byte[] {2});
    } finally {
      SecurityContextHolder.clearContext();
    }
    assertThat(
            jdbc.sql("select content from pending_upload where partnership_id = :p")
                .param("p", partnership.id())
                .query(byte[].class)
                .list())
        .containsExactly(new byte[] {2});
  }

  private long pendingUploads() {
    return jdbc.sql("select count(*) from pending_upload where partnership_id = :p")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  @Test
  void anUploadWithoutAFileOrYearIsRefusedOnTheForm() throws Exception {
    String page =
        rendered(
            multipart("/p/" + partnership.slug() + "/plans/import")
                .param("planName", "New plan")
                .session(admin)
                .with(csrf()));
    assertThat(title(page)).isEqualTo("Error: Import a plan");
    assertThat(text(page))
        .contains("Enter the year of the new plan")
        .contains("Select a CSV, XLSX or ODS file to import");
  }

  @Test
  void aFileOverTheLimitGoesBackToTheImportPageWithAnError() throws Exception {
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    mvc.perform(
            multipart("/p/" + partnership.slug() + "/plans/import")
                .file(new MockMultipartFile("file", "big.csv", "text/csv", new byte[10]))
                .content(big) // what the filter sees: the declared length of the whole body
                .param("planName", "Big plan")
                .session(admin)
                .with(csrf()))
        .andExpect(
            header()
                .string("Location", "/p/" + partnership.slug() + "/plans/import?tooLarge=true"));

    String page = page(admin, "/p/" + partnership.slug() + "/plans/import?tooLarge=true");
    assertThat(title(page)).isEqualTo("Error: Import a plan");
    assertThat(text(page)).contains("The selected file must be smaller than 25MB");
    assertThat(page).contains("href=\"#file\"");
  }

  @Test
  void aPublishedPlanIsPublicWithoutNamingAnyoneAndAnUnpublishedOneIsNotFound() throws Exception {
    recordAsAdmin("2.2", "GREEN", "Directory published online", null);
    String publicUrl = "/public/" + partnership.slug() + "/plans/" + plan.id();
    mvc.perform(get(publicUrl)).andExpect(status().isNotFound());

    mvc.perform(
            post(base + "/publish")
                .param("published", "true")
                .param("confirm", "true")
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    String page = rendered(get(publicUrl));
    assertThat(title(page)).isEqualTo("VAWG delivery plan, " + partnership.name());
    assertThat(text(page))
        .contains("Last updated")
        .contains("1.2 Train GP practices in IRIS Q4 Health Amber/Red 2016/17 Q2 No public update")
        .contains(
            "2.2 Publish a directory of services Q3 Council Green 2016/17 Q2 No public update")
        .doesNotContain("Funding gap")
        .doesNotContain("Directory published online")
        .doesNotContain(adminName)
        .doesNotContain("Sign out");
    assertThat(page).doesNotContain("Recorded by").doesNotContain("recorded");

    DeliveryPlan unpublished = importPlan("Draft plan", PLAN_CSV);
    mvc.perform(get("/public/" + partnership.slug() + "/plans/" + unpublished.id()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/public/no-such-partnership/plans/" + plan.id()))
        .andExpect(status().isNotFound());
  }

  @Test
  void theExceptionReportDownloadsAsCsvWithItsColumns() throws Exception {
    MvcResult result =
        mvc.perform(get(base + "/exceptions.csv").param("period", "2016/17 Q2").session(admin))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(result.getResponse().getHeader("Content-Disposition"))
        .startsWith("attachment")
        .contains("exceptions-vawg-delivery-plan-2016-17-q2.csv");
    String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.replace("\uFEFF", "").lines().findFirst())
        .hasValue("outcome,ref,action,lead,due,rating,previous_rating,overdue,comment");
    assertThat(csv).contains("1.2").contains("2.1").doesNotContain("2.2");

    MvcResult export =
        mvc.perform(get(base + "/export.csv").param("period", "2016/17 Q2").session(admin))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(export.getResponse().getHeader("Content-Disposition"))
        .contains("vawg-delivery-plan-2016-17-q2.csv");
    mvc.perform(get(base + "/export.exe").session(admin)).andExpect(status().isNotFound());
  }

  // Helpers

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

  private org.springframework.test.web.servlet.RequestBuilder upload(
      String planName, String year, String csv) {
    return multipart("/p/" + partnership.slug() + "/plans/import")
        .file(
            new MockMultipartFile(
                "file", "plan.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
        .param("planName", planName)
        .param("year", year)
        .param("period", "2016/17 Q2")
        .session(admin)
        .with(csrf());
  }

  /** The periods page's form that opens a period, sent by someone. */
  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder openPeriod(
      MockHttpSession session, String period) {
    return post("/p/" + partnership.slug() + "/plans/periods")
        .param("period", period)
        .session(session)
        .with(csrf());
  }

  private void recordAsAdmin(String ref, String rating, String comment, Long seen)
      throws Exception {
    mvc.perform(
            post(base + "/actions/" + ref + "/progress")
                .param("period", "2016/17 Q2")
                .param("rating", rating)
                .param("comment", comment)
                .param("seenUpdateId", seen == null ? "" : String.valueOf(seen))
                .session(admin)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private ActionProgress.Reporter admin() {
    return new ActionProgress.Reporter(adminId, adminName, Set.of(Role.PARTNERSHIP_ADMIN));
  }

  private long actionUpdatesAudited() {
    return jdbc.sql(
            "select count(*) from audit_event where partnership_id = :p"
                + " and object_type = 'Action' and action = 'UPDATE'")
        .param("p", partnership.id())
        .query(Long.class)
        .single();
  }

  private PlanAction action(String ref) {
    return progress.action(plan, ref);
  }

  private ProgressUpdate current(String ref) {
    return plans.updatesIn(plan, Q2).get(action(ref).id());
  }

  private List<ProgressUpdate> updatesOf(String ref) {
    return plans.history(action(ref));
  }

  private Member member(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow();
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return rendered(get(url).session(session));
  }

  private String rendered(org.springframework.test.web.servlet.RequestBuilder request)
      throws Exception {
    MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  /** The refs of the actions table, in order. */
  private static List<String> refs(String html) {
    List<String> refs = new ArrayList<>();
    Matcher m = Pattern.compile("/actions/([^\"/?]+)[\"?]").matcher(html);
    while (m.find()) {
      refs.add(m.group(1));
    }
    return refs;
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
      rows.add(String.join(" | ", cells));
    }
    return rows;
  }

  /** The visible words of the page, tags removed and spaces collapsed. */
  static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }

  @Test
  void theOverviewListsFiftyActionsAPageKeepingTheFilters() throws Exception {
    StringBuilder csv = new StringBuilder("ref,action,lead\n");
    for (int i = 1; i <= 120; i++) {
      csv.append(i)
          .append(",Action number ")
          .append(i)
          .append(",")
          .append(i % 2 == 0 ? "Police" : "Health")
          .append("\n");
    }
    Partnership big = fixtures.partnership();
    org.ccrhub.plans.PlanImportRequest request =
        new org.ccrhub.plans.PlanImportRequest(
            "Big plan",
            java.util.Optional.of(org.ccrhub.plans.FinancialYear.parse("2016/17")),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    imports.run(big, request);
    long id = plans.named(big, "Big plan").id();
    MockHttpSession viewer =
        Fixtures.signIn(mvc, fixtures.user(big, org.ccrhub.security.Role.VIEWER));

    String second =
        mvc.perform(
                get("/p/" + big.slug() + "/plans/" + id)
                    .param("lead", "Police")
                    .param("page", "2")
                    .session(viewer))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(second)
        .contains("60 of 120 actions match, page 2 of 2")
        .contains("Action number 102")
        .doesNotContain("Action number 2<");
    assertThat(second).contains("page=1").contains("lead=Police");
  }

  @Test
  void aStrategicLeadReschedulesAnActionAndTheEarlierDueDateIsKept() throws Exception {
    Partnership p = fixtures.partnership();
    imports.run(
        p,
        new org.ccrhub.plans.PlanImportRequest(
            "Reschedule plan",
            java.util.Optional.of(org.ccrhub.plans.FinancialYear.parse("2016/17")),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            "ref,action,due\n1,Do it,Q1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    long id = plans.named(p, "Reschedule plan").id();
    MockHttpSession lead =
        Fixtures.signIn(mvc, fixtures.user(p, org.ccrhub.security.Role.STRATEGIC_LEAD));
    String action = "/p/" + p.slug() + "/plans/" + id + "/actions/1";

    mvc.perform(post(action + "/due").param("due", "").session(lead).with(csrf()))
        .andExpect(status().isOk());
    mvc.perform(
            post(action + "/due").param("due", "Moved to Q2 2017/18").session(lead).with(csrf()))
        .andExpect(status().is3xxRedirection());

    String page =
        mvc.perform(get(action).session(lead)).andReturn().getResponse().getContentAsString();
    assertThat(page)
        .contains("Moved to Q2 2017/18")
        .contains("30 September 2017")
        .contains("Was Q1")
        .contains("30 June 2016");
    MockHttpSession viewer =
        Fixtures.signIn(mvc, fixtures.user(p, org.ccrhub.security.Role.ACTION_LEAD));
    mvc.perform(post(action + "/due").param("due", "Q4").session(viewer).with(csrf()))
        .andExpect(status().isForbidden());
  }
}
