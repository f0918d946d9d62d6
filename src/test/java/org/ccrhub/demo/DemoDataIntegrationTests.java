package org.ccrhub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.plans.ActionLeads;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.Lead;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** {@code serve --demo}: the demo partnership, its users, and its plans with four quarters. */
@CcrHubTest
@TestPropertySource(properties = "ccr.demo=true")
class DemoDataIntegrationTests {

  @Autowired Partnerships partnerships;
  @Autowired Accounts accounts;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired ActionProgress progress;
  @Autowired ActionLeads leads;
  @Autowired PersonAccounts personAccounts;
  @Autowired org.ccrhub.indicators.Indicators indicators;
  @Autowired org.ccrhub.indicators.PerformanceReports performance;
  @Autowired DemoData demoData;
  @Autowired org.ccrhub.marac.Maracs maracs;
  @Autowired org.ccrhub.marac.DataReturns dataReturns;
  @Autowired org.ccrhub.marac.Referrals referrals;
  @Autowired ConfigurableApplicationContext context;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void printsTheNewDemoPasswordsToTheTerminalOnceAndNeverToTheLog(CapturedOutput output)
      throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try {
      demoData.run(null); // new passwords, as at a demo start
      demoData.print(
          new ApplicationReadyEvent(
              new SpringApplication(), new String[0], context, Duration.ZERO));
    } finally {
      root.detachAppender(log);
    }

    Matcher lines =
        Pattern.compile("^ {3}([A-Z_]+) +(\\S+@\\S+) +(\\S+)$", Pattern.MULTILINE)
            .matcher(output.getOut());
    List<String> passwords = new ArrayList<>();
    String adminPassword = null;
    while (lines.find()) {
      passwords.add(lines.group(3));
      if (lines.group(2).equals("admin@northbridge.demo")) {
        adminPassword = lines.group(3);
      }
    }
    // six accounts of the plans, four of the MARAC, four of information sharing
    assertThat(passwords).hasSize(14).doesNotHaveDuplicates();
    assertThat(adminPassword).isNotNull();
    // the printed password is the one that signs in
    Fixtures.signIn(mvc, "admin@northbridge.demo", adminPassword);

    List<String> logged = new ArrayList<>();
    for (ILoggingEvent event : log.list) {
      logged.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        logged.add(String.valueOf(t.getMessage()));
      }
    }
    assertThat(logged).contains("Demo data loaded; 14 demo accounts have new passwords");
    // each MARAC and sharing account's two-factor key is printed under it, once, and never logged
    Matcher keys =
        Pattern.compile(
                "^ {3}(MARAC_\\w+|IDVA|SPOC_\\w+|OFFICER_\\w+|DATA_PROTECTION_LEAD) +(\\S+@\\S+)"
                    + " +\\S+\\R +key ([A-Z2-7 ]+)$",
                Pattern.MULTILINE)
            .matcher(output.getOut());
    List<String> printedKeys = new ArrayList<>();
    while (keys.find()) {
      printedKeys.add(keys.group(3).strip());
    }
    assertThat(printedKeys).hasSize(8).doesNotHaveDuplicates();
    for (String key : printedKeys) {
      assertThat(logged).noneMatch(line -> line.contains(key));
    }
    for (String password : passwords) {
      assertThat(logged).noneMatch(line -> line.contains(password));
      assertThat(output.getOut().split(Pattern.quote(password), -1)).hasSize(2); // shown once
    }
  }

  @Test
  void loadsAPartnershipWithOneUserPerRoleAndTwoPlansWithFourQuartersOfHistory() {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    assertThat(accounts.members(northbridge.id()))
        .extracting(Member::email)
        .contains(
            "admin@northbridge.demo",
            "strategic.lead@northbridge.demo",
            "action.lead@northbridge.demo",
            "analyst@northbridge.demo",
            "viewer@northbridge.demo");

    assertThat(plans.findAll(northbridge))
        .extracting(DeliveryPlan::name)
        .containsExactly(DemoPlans.ACCOMMODATION_PLAN, DemoPlans.VAWG_PLAN);
    DeliveryPlan vawg = plans.named(northbridge, DemoPlans.VAWG_PLAN);
    assertThat(vawg.isPublished()).isTrue();
    assertThat(periods.all(vawg))
        .extracting(p -> p.period() + (p.closed() ? " closed" : " open"))
        .containsExactly(
            "2026/27 Q3 open", "2026/27 Q2 closed", "2026/27 Q1 closed", "2025/26 Q4 closed");
    for (String quarter : new String[] {"2025/26 Q4", "2026/27 Q1", "2026/27 Q2"}) {
      assertThat(plans.updatesIn(vawg, ReportingPeriod.parse(quarter))).hasSize(15);
    }
    // the open quarter is part way through: 4 actions still wait for their update
    assertThat(plans.updatesIn(vawg, ReportingPeriod.parse("2026/27 Q3"))).hasSize(11);

    ExceptionReport report =
        ExceptionReport.of(plans.snapshot(northbridge, vawg, ReportingPeriod.parse("2026/27 Q2")));
    assertThat(report.lines())
        .extracting(l -> l.action().ref())
        .containsExactly("1.1.2", "1.2.2", "2.1.2", "2.2.1", "3.1.2", "4.1.1");

    long lead =
        accounts.members(northbridge.id()).stream()
            .filter(m -> m.email().equals("action.lead@northbridge.demo"))
            .findFirst()
            .orElseThrow()
            .accountId();
    assertThat(progress.assignments(northbridge, lead))
        .extracting(
            a -> a.plan().name().substring(0, 4) + " " + a.period() + " " + a.action().ref())
        .containsExactly(
            "Safe 2026/27 Q3 1.2",
            "Safe 2026/27 Q3 1.3",
            "VAWG 2026/27 Q3 1.1.2",
            "VAWG 2026/27 Q3 1.2.1",
            "VAWG 2026/27 Q3 2.1.1",
            "VAWG 2026/27 Q3 2.1.2",
            "VAWG 2026/27 Q3 3.1.2",
            "VAWG 2026/27 Q3 4.1.1");
  }

  @Test
  void theOutboxShowsTheRemindersThatWouldHaveBeenSentToday() {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    demoData.remind(); // as at a demo start; a second run the same day sends nothing new
    assertThat(
            jdbc.sql("select template || ' ' || status from mail_message where partnership_id = :p")
                .param("p", northbridge.id())
                .query(String.class)
                .list())
        .isNotEmpty()
        .allMatch(
            m ->
                m.matches(
                    "(period-opened|updates-due-soon|updates-due-today|updates-overdue"
                        + "|weekly-digest|weekly-summary|sharing-request-received) OUTBOX"));
  }

  @Test
  void mapsThePlansLeadsToPeopleWithAccountsSoThatEveryActionHasAnUpdater() {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    for (DeliveryPlan plan : plans.findAll(northbridge)) {
      Map<Long, Set<Long>> updaters = leads.updaters(plan);
      assertThat(updaters).hasSize(plans.actions(plan).size());
      for (var action : plans.actions(plan)) {
        assertThat(updaters.get(action.id())).as(plan.name() + " " + action.ref()).isNotEmpty();
      }
    }
    DeliveryPlan vawg = plans.named(northbridge, DemoPlans.VAWG_PLAN);
    // one lead is left for the demo user to map; its action has an updater through its other lead
    assertThat(leads.unmapped(vawg)).extracting(Lead::text).containsExactly("Youth service");
    Lead schools = leads.lead(vawg, "Northbridge Schools Partnership").orElseThrow();
    assertThat(schools.people())
        .extracting(p -> p.label() + (p.updates() ? "" : " (" + p.whyNotUpdating().get() + ")"))
        .containsExactly(
            "Mariam Haddad, Northbridge Schools Partnership (No account: invite them from Users)",
            "Tom Whitfield, Northbridge Borough Council");
    // the demo users are linked to their people in the directory
    long lead =
        accounts.members(northbridge.id()).stream()
            .filter(m -> m.email().equals("action.lead@northbridge.demo"))
            .findFirst()
            .orElseThrow()
            .accountId();
    assertThat(personAccounts.personOf(northbridge, lead))
        .hasValueSatisfying(
            p -> assertThat(p.label()).isEqualTo("Tom Whitfield, Northbridge Borough Council"));
  }

  @Test
  void loadsIndicatorsWithTwoYearsOfMonthlyValuesAndAComparator() {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    var data = indicators.data(northbridge);
    assertThat(data.indicators()).hasSize(10);
    assertThat(data.lastMonth()).contains(DemoIndicators.LAST_MONTH);
    assertThat(data.comparators()).containsExactly(DemoIndicators.COMPARATOR);
    var table = performance.table(northbridge, DemoIndicators.LAST_MONTH, null, false);
    for (var row : table.rows()) {
      assertThat(row.current()).as(row.indicator().ref()).isNotEmpty();
      assertThat(row.previous()).as(row.indicator().ref()).isNotEmpty();
      assertThat(row.notes()).as(row.indicator().ref()).isEmpty();
    }
    // the total is the sum of its parts
    java.util.function.Function<String, Integer> current =
        ref ->
            Integer.parseInt(
                table.rows().stream()
                    .filter(r -> r.indicator().ref().equals(ref))
                    .findFirst()
                    .orElseThrow()
                    .current());
    assertThat(current.apply("2.4"))
        .isEqualTo(current.apply("2.1") + current.apply("2.2") + current.apply("2.3"));
    // rated indicators have a rating; the rest are not rated
    assertThat(table.rows())
        .filteredOn(r -> r.indicator().hasTarget())
        .allMatch(r -> r.rating() != null);
    // the published table hides the rare harmful-practices referrals
    var published = performance.publishedTable(northbridge, DemoIndicators.LAST_MONTH);
    assertThat(published.rows())
        .extracting(r -> r.indicator().ref())
        .containsExactly("1.1", "2.1", "2.2", "2.3", "2.4", "4.2");
    assertThat(published.rows().get(5).current()).isEqualTo("<5");
    // indicators measure the plans' actions and outcomes
    java.util.function.Function<String, java.util.List<String>> measures =
        ref ->
            indicators
                .links(northbridge, indicators.findByRef(northbridge, ref).orElseThrow())
                .stream()
                .map(org.ccrhub.indicators.IndicatorLink::label)
                .toList();
    assertThat(measures.apply("3.1"))
        .containsExactly(
            DemoPlans.ACCOMMODATION_PLAN
                + ": 2.2 Ask survivors about their experience of refuge every quarter",
            DemoPlans.VAWG_PLAN
                + ": 3.1.1 Recommission the independent domestic violence adviser service");
    assertThat(measures.apply("2.1"))
        .containsExactly(DemoPlans.VAWG_PLAN + ": 2 Prevention and early intervention");
    assertThat(measures.apply("4.2"))
        .containsExactly(
            DemoPlans.VAWG_PLAN
                + ": 2.2.1 Agree a local pathway for female genital mutilation and forced marriage");
    assertThat(measures.apply("1.2")).isEmpty();
  }

  @Test
  void thePublishedDemoPlanShowsApprovedPublicTextsAndNoComments() throws Exception {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    DeliveryPlan vawg = plans.named(northbridge, DemoPlans.VAWG_PLAN);
    String page =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/public/northbridge/plans/" + vawg.id()))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    String text =
        org.springframework.web.util.HtmlUtils.htmlUnescape(page.replaceAll("<[^>]+>", " "))
            .replaceAll("\\s+", " ");

    assertThat(text)
        .contains(
            "11 of the borough's 28 GP practices have been trained to recognise domestic abuse")
        .contains("Key to ratings")
        .doesNotContain("Protocol not signed by Health or Probation")
        .doesNotContain("Health signed in October")
        .doesNotContain("41% of referrals"); // written, waiting for approval
    assertThat(text)
        .containsPattern(
            "3\\.2\\.1 Increase referrals to the MARAC.*? Green 2026/27 Q3 No public update");
  }

  @Test
  void loadsAMaracWithTwoYearsOfReferralsAndMeetingsIncludingRepeatsAndNearMatches() {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    org.ccrhub.marac.Marac marac = maracs.named(northbridge, null);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
    ReportingPeriod last = ReportingPeriod.containing(today).previous();
    ReportingPeriod yearBefore = last.previous().previous().previous();
    org.ccrhub.marac.DataReturn figures = dataReturns.count(marac, yearBefore, last);
    int cases = figures.quarters().stream().mapToInt(q -> q.cases()).sum();
    int repeats = figures.quarters().stream().mapToInt(q -> q.repeatCases()).sum();
    int meetings = figures.quarters().stream().mapToInt(q -> q.meetings()).sum();
    // fortnightly meetings of 5 to 7 cases
    assertThat(meetings).isBetween(24, 28);
    assertThat(cases).isBetween(meetings * 5, meetings * 7);
    assertThat(repeats).isPositive().isLessThan(cases / 2);
    assertThat(referrals.pendingMatches(marac)).isNotEmpty();
    // each held meeting's case list was released a week before it, not on the day the demo loaded
    assertThat(
            jdbc.sql(
                    "select distinct meeting_date - (released_at at time zone 'UTC')::date"
                        + " from marac_meeting where marac_id = :m and released_at is not null")
                .param("m", marac.id())
                .query(Integer.class)
                .list())
        .containsExactly(7);
  }
}
