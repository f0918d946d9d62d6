package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The home page of each role, signed in as that person: the figures they see, in the order they see
 * them; and the navigation, the reports page and the admin page.
 */
@CcrHubTest
class HomePagesIntegrationTests {

  /** Last quarter's ratings: every action rated. */
  static final String Q1_RATINGS =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment,Period
      1 Prevention,,1.1,Run a campaign in schools,Q4,Community Safety Team,Green,,2016/17 Q1
      ,,1.2,Train GP practices in IRIS,Q4,Health,Amber/Green,Slow start,2016/17 Q1
      2 Support,,2.1,Commission refuge spaces,Q1,Commissioning Group,Red,Provider withdrew,2016/17 Q1
      """;

  /** This quarter's so far: 1.1 not updated yet; 1.2 worse; 2.1 still Red, and overdue. */
  static final String Q2_RATINGS =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment,Period
      1 Prevention,,1.1,Run a campaign in schools,Q4,Community Safety Team,,,
      ,,1.2,Train GP practices in IRIS,Q4,Health,Amber/Red,Funding gap,2016/17 Q2
      2 Support,,2.1,Commission refuge spaces,Q1,Commissioning Group,Red,No provider yet,2016/17 Q2
      """;

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired ActionProgress progress;
  @Autowired Accounts accounts;
  @Autowired IndicatorImport indicatorImport;
  @Autowired Indicators indicators;
  @Autowired Clock clock;

  Partnership partnership;
  DeliveryPlan plan;
  String home;

  @BeforeEach
  void aPlanHalfWayThroughItsQuarterWithUpdatesDueInFiveDays() {
    partnership = fixtures.partnership();
    importRatings(Q1_RATINGS);
    importRatings(Q2_RATINGS);
    plan = plans.named(partnership, "VAWG delivery plan");
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    periods.open(partnership, plan, Q2, Optional.of(today.plusDays(5)), Optional.empty());
    home = "/p/" + partnership.slug();
  }

  @Test
  void anActionLeadSeesTheActionsToUpdateWithDaysLeftAndLastQuartersRating() throws Exception {
    String leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    progress.assignUpdaters(partnership, plan, progress.action(plan, "1.1"), Set.of(id(leadEmail)));
    progress.assignUpdaters(partnership, plan, progress.action(plan, "1.2"), Set.of(id(leadEmail)));
    MockHttpSession lead = Fixtures.signIn(mvc, leadEmail);

    String page = page(lead, home);

    assertThat(text(page))
        .contains("Your actions to update 1 action needs an update")
        .contains("You have updated 1 action for this period. See all your actions.")
        .doesNotContain("Reporting on the plans")
        .doesNotContain("Indicators off target")
        .doesNotContain("Accounts");
    assertThat(rows(page))
        .containsExactly(
            "VAWG delivery plan, 2016/17 Q2 1.1 Run a campaign in schools | "
                + dueDate(5)
                + " (5 days left) | Green in 2016/17 Q1 | Update 1.1 Run a campaign in schools");
    // the update form goes back to the home page
    assertThat(page)
        .contains(
            "/p/"
                + partnership.slug()
                + "/plans/"
                + plan.id()
                + "/actions/1.1/progress?period=2016/17%20Q2&amp;from=/p/"
                + partnership.slug()
                + "\"");
  }

  @Test
  void anActionLeadWithNothingToUpdateIsToldSo() throws Exception {
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ACTION_LEAD));

    assertThat(text(page(lead, home)))
        .contains("Your actions to update You have no actions to update for now.");
  }

  @Test
  void aStrategicLeadSeesEachPlansUpdatesExceptionsOverdueActionsAndIndicatorsOffTarget()
      throws Exception {
    someIndicatorsOneOffTarget();
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));

    String page = page(lead, home);

    assertThat(text(page))
        .contains(
            "Reporting on the plans VAWG delivery plan Open the plan VAWG delivery plan"
                + " Period 2016/17 Q2, open for updates"
                + " Updates 2 of 3 actions updated (66%)"
                + " Due by "
                + dueDate(5)
                + " (5 days left)"
                + " Exceptions 2 exceptions"
                + " Overdue actions 1 overdue action"
                + " Leads 3 leads have nobody to update their actions"
                + " Ratings Amber/Red 1, Red 1, Not rated 1 (3 actions)")
        .contains(
            "Indicators off target 1 of 1 indicator with a rating is behind the path to its"
                + " target in the 12 months to October 2016: 1 Domestic abuse offences Red")
        .doesNotContain("Your actions to update")
        .doesNotContain("Accounts");
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(page)
        .contains("<progress class=\"app-progress\" max=\"3\" value=\"2\" aria-hidden=\"true\">")
        .contains("href=\"" + base + "/exceptions?period=2016/17%20Q2\">2 exceptions</a>")
        .contains(
            "href=\"" + base + "?period=2016/17%20Q2&amp;overdue=true\">1 overdue action</a>");
    assertThat(page).doesNotContain("style=");
  }

  @Test
  void aPlanWithNoPeriodOpenSaysSoAndOffersToOpenOne() throws Exception {
    periods.close(partnership, plan, Q2);
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));

    String text = text(page(lead, home));

    assertThat(text)
        .contains("Period 2016/17 Q2: not open for updates. Open a period for VAWG delivery plan")
        .doesNotContain("actions updated")
        .doesNotContain("Due by");
  }

  @Test
  void anAdministratorAlsoSeesLockedAndUnusedAccounts() throws Exception {
    String adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    String viewerEmail = fixtures.user(partnership, Role.VIEWER);
    fixtures.user(partnership, Role.ANALYST);
    MockHttpSession admin = Fixtures.signIn(mvc, adminEmail);
    // five wrong passwords make the viewer's address wait; the viewer has never signed in
    for (int i = 0; i < 5; i++) {
      mvc.perform(
          formLogin("/sign-in").userParameter("email").user(viewerEmail).password("wrong " + i));
    }

    String page = page(admin, home);

    assertThat(text(page))
        .contains("Reporting on the plans")
        .contains("Updates 2 of 3 actions updated (66%)")
        .contains("Indicators off target There are no performance indicators yet.")
        .contains(
            "Accounts 1 account is locked for now after wrong passwords: sign-ins to it must"
                + " wait. You can unblock it. 2 accounts have never been used: their holders have"
                + " not signed in yet.");
    assertThat(page)
        .contains("href=\"/p/" + partnership.slug() + "/admin/users#failed-sign-ins\"")
        .contains("href=\"/p/" + partnership.slug() + "/admin/users#members\"");
  }

  @Test
  void anAdministratorWhoAlsoLeadsActionsSeesTheirActionsFirst() throws Exception {
    String email = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    accounts.ensureRole(partnership, email, Role.ACTION_LEAD);
    progress.assignUpdaters(partnership, plan, progress.action(plan, "1.1"), Set.of(id(email)));
    MockHttpSession both = Fixtures.signIn(mvc, email);

    String text = text(page(both, home));

    int actions = text.indexOf("Your actions to update");
    int reporting = text.indexOf("Reporting on the plans");
    int accountsSection = text.indexOf("Accounts");
    assertThat(actions).isPositive().isLessThan(reporting);
    assertThat(reporting).isLessThan(accountsSection);
    assertThat(text).contains("1.1 Run a campaign in schools");
    assertThat(text.indexOf("Your actions to update", actions + 1)).isEqualTo(-1);
  }

  @Test
  void aBoardMemberSeesEachPlansRatingsExceptionsAndTheBoardPack() throws Exception {
    someIndicatorsOneOffTarget();
    importRatings(
        Q2_RATINGS.replace(
            "Community Safety Team,,,", "Community Safety Team,Green,Campaign ran,2016/17 Q2"));
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));

    String page = page(viewer, home);

    assertThat(text(page))
        .contains(
            "Delivery plans The board pack for 2016/17 Q2: download it as a PDF (board pack for"
                + " 2016/17 Q2), or see every report.")
        .contains(
            "VAWG delivery plan Open the plan VAWG delivery plan Ratings in 2016/17 Q2"
                + " Green 1, Amber/Red 1, Red 1 (3 actions)"
                + " Exceptions (2) 1.2 Train GP practices in IRIS Amber/Red"
                + " 2.1 Commission refuge spaces Red Overdue"
                + " Exception report for 2016/17 Q2")
        .contains("Indicators off target 1 of 1 indicator with a rating is behind")
        .doesNotContain("Reporting on the plans")
        .doesNotContain("actions updated")
        .doesNotContain("Your actions to update")
        .doesNotContain("Performance table");
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(page)
        .contains("href=\"" + base + "/actions/2.1?period=2016/17%20Q2\"")
        .contains(
            "href=\"/p/"
                + partnership.slug()
                + "/board-pack/download?period=2016/17%20Q2&amp;format=pdf\"");
  }

  @Test
  void aBoardMemberSeesTheQuarterBeforeUntilTheOpenOnesUpdatesAreIn() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));

    String text = text(page(viewer, home));

    // 2 of 3 updated and 5 days left: last quarter, complete, is what the board reads
    assertThat(text)
        .contains(
            "2016/17 Q2 is open for updates, due by "
                + dueDate(5)
                + " (2 of 3 actions updated so far). Until then, this shows 2016/17 Q1."
                + " Ratings in 2016/17 Q1 Green 1, Amber/Green 1, Red 1 (3 actions)"
                + " Exceptions (1) 2.1 Commission refuge spaces Red"
                + " Exception report for 2016/17 Q1")
        .contains("The board pack for 2016/17 Q1");

    // once the updates were due, the open quarter is shown as it stands
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    periods.open(partnership, plan, Q2, Optional.of(today.minusDays(1)), Optional.empty());
    assertThat(text(page(viewer, home)))
        .contains("Ratings in 2016/17 Q2 Amber/Red 1, Red 1, Not rated 1 (3 actions)")
        .doesNotContain("is open for updates");
  }

  @Test
  void anAnalystSeesTheIndicatorsOffTargetAndTheWayToThePerformanceTable() throws Exception {
    long indicator = someIndicatorsOneOffTarget();
    MockHttpSession analyst = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ANALYST));

    String page = page(analyst, home);

    assertThat(text(page))
        .contains("1 Domestic abuse offences Red")
        .contains(
            "1 indicator has no rating: no target, or no figure for the 12 months."
                + " See every indicator Performance table to October 2016, with downloads for"
                + " reports Import indicators and values")
        .doesNotContain("Delivery plans")
        .doesNotContain("Reporting on the plans");
    assertThat(page)
        .contains("href=\"/p/" + partnership.slug() + "/indicators/" + indicator + "?to=2016-10\"")
        .contains(
            "href=\"/p/" + partnership.slug() + "/indicators?to=2016-10&amp;rating=NOT_RATED\"");
  }

  @Test
  void theNavigationHasReportsForEveryoneAndAdminAndMaracOnlyForAdministratorsWhileNoMaracRuns()
      throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    MockHttpSession admin =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    String slug = partnership.slug();

    assertThat(navigation(page(viewer, home)))
        .containsExactly(
            "Home", "Plans", "Indicators", "Reports", "Sharing", "Change password", "Sign out");
    assertThat(navigation(page(admin, home)))
        .containsExactly(
            "Home",
            "Plans",
            "Indicators",
            "Reports",
            "MARAC",
            "Sharing",
            "Admin",
            "Change password",
            "Sign out");
    assertThat(current(page(viewer, home))).isEqualTo("Home");
    assertThat(current(page(viewer, home + "/reports"))).isEqualTo("Reports");
    assertThat(current(page(viewer, home + "/board-pack"))).isEqualTo("Reports");
    // every admin page is under Admin
    for (String path : List.of("/admin", "/admin/users", "/admin/agencies", "/admin/rag")) {
      assertThat(current(page(admin, home + path))).as(path).isEqualTo("Admin");
    }
    mvc.perform(get("/p/" + slug + "/admin").session(viewer)).andExpect(status().isForbidden());
  }

  @Test
  void theAdminPageLinksToEveryPageThatManagesThePartnership() throws Exception {
    MockHttpSession admin =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));

    String text = text(page(admin, home + "/admin"));

    assertThat(text)
        .contains("Users Who can sign in and their roles")
        .contains("Audit trail Who did what")
        .contains("Agencies The organisations in the partnership")
        .contains("Groups The board")
        .contains("People Members of the groups")
        .contains("Reporting periods Open a quarter for updates")
        .contains("RAG ratings The rating scheme");
  }

  @Test
  void theReportsPageOffersTheBoardPackAndEachPlansExceptionReport() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));

    String page = page(viewer, home + "/reports");

    assertThat(text(page))
        .contains("Download the board pack for 2016/17 Q2 (PDF)")
        .contains(
            "VAWG delivery plan View the exception report for VAWG delivery plan"
                + " Period 2016/17 Q2, open for updates Exceptions 2, of which 1 overdue"
                + " Download PDF exception report for VAWG delivery plan, Excel")
        .contains("actions rated Red or Amber/Red");
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(page)
        .contains("href=\"" + base + "/exceptions.pdf?period=2016/17%20Q2\"")
        .contains("href=\"" + base + "/exceptions.xlsx?period=2016/17%20Q2\"");
    // the board pack link downloads the pack
    mvc.perform(
            get("/p/" + partnership.slug() + "/board-pack/download")
                .param("period", "2016/17 Q2")
                .param("format", "html")
                .session(viewer))
        .andExpect(status().isOk());
  }

  // Helpers

  private void importRatings(String csv) {
    imports.run(
        partnership,
        new PlanImportRequest(
            "VAWG delivery plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            csv.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Indicator 1 counts offences, lower is better, with a target of 10% below a baseline of 40: its
   * 12-month figure is far above, so it is rated Red. Indicator 2 has no target.
   */
  private long someIndicatorsOneOffTarget() {
    indicatorImport.importDefinitions(
        partnership,
        """
        ref,name,unit,polarity,baseline_period,baseline_value,target_period,target_change_pct
        1,Domestic abuse offences,count,lower,2015/16,40,2016/17,-10
        2,IDVA clients feeling safer,percentage,higher,,,,
        """
            .getBytes(StandardCharsets.UTF_8));
    StringBuilder values = new StringBuilder("indicator,period,value,numerator,denominator,area\n");
    for (int m = 0; m < 24; m++) {
      String month = java.time.YearMonth.of(2014, 11).plusMonths(m).toString();
      values.append("1,").append(month).append(",").append(3 + m % 4).append(",,,\n");
      values.append("2,").append(month).append(",,").append(8 + m % 3).append(",12,\n");
    }
    indicatorImport.importValues(partnership, values.toString().getBytes(StandardCharsets.UTF_8));
    return indicators.findByRef(partnership, "1").orElseThrow().id();
  }

  private long id(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .map(Member::accountId)
        .findFirst()
        .orElseThrow();
  }

  private String dueDate(int daysFromToday) {
    return LocalDate.now(clock.withZone(ZoneId.of("Europe/London")))
        .plusDays(daysFromToday)
        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The navigation's items, in order. */
  private static List<String> navigation(String html) {
    Matcher nav =
        Pattern.compile("<ul class=\"govuk-service-navigation__list\".*?</ul>", Pattern.DOTALL)
            .matcher(html);
    assertThat(nav.find()).isTrue();
    List<String> items = new ArrayList<>();
    Matcher item = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(nav.group());
    while (item.find()) {
      items.add(text(item.group(1)));
    }
    return items;
  }

  /** The navigation item marked as the current page. */
  private static String current(String html) {
    Matcher m =
        Pattern.compile("<a [^>]*aria-current=\"page\"[^>]*>(.*?)</a>", Pattern.DOTALL)
            .matcher(html);
    return m.find() ? text(m.group(1)) : "";
  }

  /** Each body row of every table, as its cells' text joined by " | ". */
  private static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    Matcher body =
        Pattern.compile("<tbody class=\"govuk-table__body\">(.*?)</tbody>", Pattern.DOTALL)
            .matcher(html);
    while (body.find()) {
      Matcher r =
          Pattern.compile("<tr class=\"govuk-table__row\">(.*?)</tr>", Pattern.DOTALL)
              .matcher(body.group(1));
      while (r.find()) {
        List<String> cells = new ArrayList<>();
        Matcher cell =
            Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(r.group(1));
        while (cell.find()) {
          cells.add(text(cell.group(1)));
        }
        rows.add(String.join(" | ", cells));
      }
    }
    return rows;
  }

  /** The visible words of the page, tags removed and spaces collapsed, as a person reads them. */
  static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .replaceAll(" ([.,:;)])", "$1")
        .strip();
  }
}
