package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.Group;
import org.ccrhub.partnership.GroupType;
import org.ccrhub.partnership.Groups;
import org.ccrhub.partnership.People;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of CCR Hub in a real browser, checked by axe against WCAG 2.2 AA and by {@link
 * PageChecks}: the public pages, the error pages, and every page an administrator can reach by
 * following links from the partnership home, with every form on them sent empty to show its errors.
 * The crawl finds pages as they are added, so a new page is tested without naming it here.
 * Screenshots of each page are left in {@code target/screenshots}.
 */
@CcrHubTest
class AccessibilityBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  private static final int MAX_PAGES = 200;

  /**
   * Pages of one kind (the same address but for ids and query values) checked at most this often.
   */
  private static final int PER_KIND = 3;

  private static final Set<String> NOT_PAGES =
      Set.of("/assets/", "/govuk/", "/css/", "/js/", "/actuator/");
  private static final Pattern FILE = Pattern.compile(".*\\.[A-Za-z0-9]{2,5}$");

  /** Buttons whose forms do something without being filled in: never pressed by the crawl. */
  private static final Pattern DESTRUCTIVE =
      Pattern.compile("(?i)delete|remove|sign out|revoke|unlock|reset|archive|close|withdraw");

  @LocalServerPort int port;
  @Autowired org.ccrhub.indicators.IndicatorImport indicatorImport;
  @Autowired Fixtures fixtures;
  @Autowired org.ccrhub.security.TwoFactorSessions twoFactor;
  @Autowired Accounts accounts;
  @Autowired Agencies agencies;
  @Autowired Groups groups;
  @Autowired People people;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired org.ccrhub.plans.ReportingPeriods periods;
  @Autowired org.ccrhub.mail.Mail mail;
  @Autowired org.ccrhub.plans.ActionProgress progress;

  private Partnership partnership;
  private Partnership other;
  private String admin;

  /** What is wrong, and the pages where it is (one problem is often on every page). */
  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  @BeforeEach
  void newPartnershipWithSomeUsers() {
    browser.useServerOn(port);
    browser.signOut();
    partnership = fixtures.partnership();
    admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    for (Role role : Role.values()) {
      fixtures.user(partnership, role);
    }
  }

  /**
   * The checks themselves: the page's Content-Security-Policy is in force (inline script is
   * refused), yet axe, put in by WebDriver, runs; and each check fails on what it is there to find.
   */
  @Test
  void theChecksRunUnderTheContentSecurityPolicyAndFindWhatIsWrong() {
    browser.open("/privacy");
    Object inlineRan =
        browser.script(
            "const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                + "document.body.append(s); return window.inlineRan === true;");
    assertThat(inlineRan).as("the CSP blocks inline script in this browser").isEqualTo(false);
    // what careless templates might do
    browser.script(
        """
        const main = document.querySelector('main');
        main.insertAdjacentHTML('afterbegin', '<input type="text" id="unlabelled">'
          + '<h1>Another heading</h1><p>java.lang.IllegalStateException: oops</p>');
        document.body.insertAdjacentHTML('afterbegin', '<button tabindex="2">First</button>');
        """);

    List<String> found = PageChecks.problems(browser, "self-test");

    assertThat(found)
        .anySatisfy(p -> assertThat(p).startsWith("axe: label (critical)").contains("#unlabelled"))
        .contains(
            "has 2 h1 headings, not exactly one",
            "the first element Tab reaches is <button tabindex=\"2\">First</button>, not the skip link",
            "a positive tabindex changes the focus order: [<button tabindex=\"2\">First</button>]",
            "shows technical details to the user: \"IllegalStateException\"")
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("browser console: ")
                    .contains("Executing inline script violates the following Content Security"));
  }

  /**
   * The reflow check: a page wider than 320 pixels is found, with what makes it wide; a wide table
   * in a named, focusable scroll region with its cue is allowed (and keeps its visually hidden text
   * inside), and one in a bare scroll box is not.
   */
  @Test
  void theReflowCheckFindsWhatMakesAPageWiderThan320Pixels() {
    browser.open("/privacy");
    assertThat(Reflow.problems(browser, "reflow-self-test-fits")).isEmpty();

    browser.script(
        """
        document.querySelector('main').insertAdjacentHTML('beforeend',
          '<h2 id="wide-heading">Wide</h2><div class="app-table-scroll" tabindex="0" role="region"'
          + ' aria-labelledby="wide-heading"><table class="govuk-table"><tr><td>'
          + 'x'.repeat(40) + '</td><td>' + 'y'.repeat(40)
          + '<span class="govuk-visually-hidden"> hidden, and positioned</span></td></tr></table></div>');
        """);
    assertThat(Reflow.problems(browser, "reflow-self-test-scroll-region")).isEmpty();

    browser.script(
        """
        document.querySelector('main').insertAdjacentHTML('beforeend',
          '<div class="bare-scroll"><p>' + 'z'.repeat(60) + '</p></div>'
          + '<p id="too-wide">' + 'w'.repeat(80) + '</p>');
        // CSSOM, which the Content-Security-Policy allows where a style attribute is refused
        document.querySelector('.bare-scroll').style.overflowX = 'auto';
        """);
    List<String> found = Reflow.problems(browser, "reflow-self-test-wide");
    assertThat(found)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("at 320 pixels wide the page scrolls sideways, caused by [")
                    .contains("p#too-wide \"www"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("at 320 pixels wide these scroll sideways without being a named")
                    .contains("div.bare-scroll \"zzz"));
    assertThat(browser.script("return window.innerWidth")).isEqualTo(1280L);
  }

  @Test
  void signInAndPublicPagesMeetWcag22AaAlsoWhenSignInFails() {
    browser.open("/sign-in");
    check("sign-in");
    assertThat(browser.h1()).isEqualTo("Sign in to CCR Hub");

    browser.signIn(admin, "not the password at all");
    check("sign-in-failed");
    assertThat(browser.title()).isEqualTo("Error: Sign in" + PageChecks.TITLE_SUFFIX);
    assertThat(errorSummary()).contains("Enter a correct email address and password");

    browser.open("/accessibility");
    check("accessibility-statement");
    assertThat(browser.h1()).isEqualTo("Accessibility statement for CCR Hub");

    browser.open("/privacy");
    check("privacy-notice");
    assertThat(browser.h1()).isEqualTo("Privacy notice");

    assertNoProblems();
  }

  @Test
  void changePasswordPageMeetsWcag22AaAlsoWithItsErrors() {
    browser.signIn(admin, Fixtures.PASSWORD);
    browser.open("/account/password");
    check("change-password");
    assertThat(browser.h1()).isEqualTo("Change your password");

    browser.submitWith(
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
    check("change-password-empty");
    assertThat(browser.title()).isEqualTo("Error: Change your password" + PageChecks.TITLE_SUFFIX);
    assertThat(errorSummary()).isNotBlank();

    assertNoProblems();
  }

  @Test
  void notFoundAndForbiddenPagesMeetWcag22Aa() {
    String slug = partnership.slug();
    browser.signIn(admin, Fixtures.PASSWORD);
    browser.open("/p/" + slug + "/admin/agencies/999999999");
    check("error-404");
    assertThat(browser.h1()).isEqualTo("Page not found");
    assertThat(browser.title()).isEqualTo("Page not found" + PageChecks.TITLE_SUFFIX);

    browser.signOut();
    browser.signIn(fixtures.user(partnership, Role.VIEWER), Fixtures.PASSWORD);
    browser.open("/p/" + slug + "/admin/users");
    check("error-403");
    assertThat(browser.h1()).isEqualTo("You do not have permission to see this page");

    assertNoProblems();
  }

  @Test
  void everyPageAnAdministratorCanReachAndEveryFormSentEmptyMeetWcag22Aa() {
    someAgenciesGroupsAndPeople();
    // a second partnership puts the partnership switcher on every page, and a choice after sign-in
    other = fixtures.partnership();
    accounts.addMember(other, admin, "Test Partnership administrator", Role.VIEWER, null);
    browser.signIn(admin, Fixtures.PASSWORD);
    assertThat(browser.h1()).isEqualTo("Your partnerships");
    String home = "/p/" + partnership.slug();

    Map<String, FormOnPage> forms = new LinkedHashMap<>();
    List<String> pages = crawl(home, forms);
    forms.forEach(this::sendEmpty);

    System.out.println(
        "Checked " + pages.size() + " pages: " + pages + "\nand sent empty: " + forms.keySet());
    assertThat(pages)
        .contains(
            home, "/", "/p/" + other.slug(), "/account/password", "/accessibility", "/privacy");
    assertNoProblems();
  }

  @Test
  void eachRolesHomePageAndTheReportsAndAdminPagesMeetWcag22AaWideAndNarrow() {
    someAgenciesGroupsAndPeople();
    org.ccrhub.plans.DeliveryPlan plan = plans.named(partnership, "Westshire VAWG plan");
    // the next quarter is open, so the action lead's action needs an update
    periods.open(
        partnership,
        plan,
        ReportingPeriod.parse("2016/17 Q3"),
        Optional.of(java.time.LocalDate.now(Dates.UK).plusDays(5)),
        Optional.empty());
    String home = "/p/" + partnership.slug();
    for (Role role : Role.values()) {
      String email = fixtures.user(partnership, role);
      if (role == Role.ACTION_LEAD) {
        // so that the table of actions to update is on the page
        long id =
            accounts.members(partnership.id()).stream()
                .filter(m -> m.email().equals(email))
                .findFirst()
                .orElseThrow()
                .accountId();
        progress.assignUpdaters(partnership, plan, progress.action(plan, "1.2"), Set.of(id));
      }
      browser.signOut();
      if (role.requiresTwoFactor()) {
        // the data protection lead signs in with a code from the app
        twoFactor.setUp(email);
        browser.signIn(email, Fixtures.PASSWORD);
        browser.driver().findElement(By.id("code")).sendKeys(twoFactor.freshCode(email));
        browser.driver().findElement(By.xpath("//button[normalize-space()='Continue']")).click();
      } else {
        browser.signIn(email, Fixtures.PASSWORD);
      }
      for (int width : new int[] {1280, 320}) {
        browser.driver().manage().window().setSize(new Dimension(width, 900));
        browser.open(home);
        check("home-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + width);
        assertThat(browser.h1()).isEqualTo(partnership.name());
        if (role == Role.VIEWER) {
          browser.open(home + "/reports");
          check("reports-" + width);
        }
        if (role == Role.PARTNERSHIP_ADMIN) {
          browser.open(home + "/admin");
          check("admin-" + width);
        }
      }
      browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
    assertNoProblems();
  }

  @Test
  void theNavigationFitsOnOneLineAt1280PixelsForAnAdministratorWhoAlsoLeadsActions() {
    accounts.ensureRole(partnership, admin, Role.ACTION_LEAD);
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    browser.signIn(admin, Fixtures.PASSWORD);
    browser.open("/p/" + partnership.slug());

    @SuppressWarnings("unchecked")
    List<List<Object>> items =
        (List<List<Object>>)
            browser.script(
                "return [...document.querySelectorAll('.govuk-service-navigation__item')]"
                    + ".map(e => [e.textContent.trim(), Math.round(e.getBoundingClientRect().top)])");

    assertThat(items)
        .extracting(i -> i.get(0))
        .containsExactly(
            "Home",
            "Plans",
            "Indicators",
            "Reports",
            "MARAC",
            "Sharing",
            "My actions",
            "Admin",
            "Change password",
            "Sign out");
    assertThat(items).extracting(i -> i.get(1)).containsOnly(items.get(0).get(1));
  }

  /** So that lists have rows, and their change and delete pages are reached. */
  private void someAgenciesGroupsAndPeople() {
    Agency police = agencies.create(partnership, "Westshire Police", AgencyType.POLICE);
    agencies.create(partnership, "Westshire Women's Aid", AgencyType.VOLUNTARY_COMMUNITY);
    Group board =
        groups.create(partnership, "Safer Westshire board", GroupType.CSP_BOARD, Optional.empty());
    Group marac =
        groups.create(partnership, "Westshire MARAC", GroupType.MARAC, Optional.of(board.id()));
    people.create(
        partnership,
        "Priya Shah",
        "Detective Inspector",
        police.id(),
        "priya.shah@westshire.example",
        Set.of(board.id(), marac.id()));
    people.create(partnership, "Jo Bennett", null, null, null, Set.of(board.id()));
    String plan =
        """
        outcome,area,ref,action,due,lead,rag,comment
        1 Partnership,1.1 Governance,1.1,Agree the terms of reference,Q1,VAWG Strategic Group,Red,Not agreed yet
        ,,1.2,Sign the information sharing protocol,Q4,Community Safety Team,Green,
        2 Support,,2.1,Open a one-stop shop,Business as usual,Women's Aid,Amber/Green,Premises found
        """;
    imports.run(
        partnership,
        new PlanImportRequest(
            "Westshire VAWG plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            plan.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    plans.publish(partnership, plans.named(partnership, "Westshire VAWG plan").id(), true);
    // updates are collected for it, so the update form is on the action pages
    periods.open(
        partnership,
        plans.named(partnership, "Westshire VAWG plan"),
        ReportingPeriod.parse("2016/17 Q2"),
        java.util.Optional.empty(),
        java.util.Optional.empty());
    // a message in the outbox, so the Email page has a row and the message's page is reached
    mail.queue(
        new org.ccrhub.mail.Message(
            partnership.id(),
            "priya.shah@westshire.example",
            "updates-due-soon",
            "Updates due by 13 January 2017: Westshire VAWG plan",
            "1.1 Agree the terms of reference\n\nhttp://localhost/p/" + partnership.slug(),
            1));
    indicatorImport.importDefinitions(
        partnership,
        """
        ref,name,unit,polarity,baseline_period,baseline_value,target_period,target_change_pct,published
        1,Domestic abuse offences,count,lower,2015/16,40,2016/17,-10,yes
        2,IDVA clients feeling safer,percentage,higher,,,,,no
        """
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder values = new StringBuilder("indicator,period,value,numerator,denominator,area\n");
    for (int m = 0; m < 24; m++) {
      String month = java.time.YearMonth.of(2014, 11).plusMonths(m).toString();
      values.append("1,").append(month).append(",").append(3 + m % 4).append(",,,\n");
      values.append("1,").append(month).append(",").append(300 + m).append(",,,London\n");
      values.append("2,").append(month).append(",,").append(8 + m % 3).append(",12,\n");
    }
    indicatorImport.importValues(
        partnership, values.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Visits every page linked from the pages visited, breadth first from the start, and checks each;
   * returns their addresses and collects the forms worth sending empty.
   */
  private List<String> crawl(String start, Map<String, FormOnPage> forms) {
    Map<String, String> linkedFrom = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    linkedFrom.put(start, "(start)");
    List<String> visited = new ArrayList<>();
    Map<String, Integer> kinds = new LinkedHashMap<>();
    while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
      String target = queue.poll();
      if (kinds.merge(kind(target), 1, Integer::sum) > PER_KIND) {
        continue; // a fourth agency's page looks like the first three
      }
      browser.open(target);
      String page = browser.path();
      if (visited.contains(page)) {
        continue; // redirected to a page already checked
      }
      linkedFrom.putIfAbsent(page, linkedFrom.get(target));
      visited.add(page);
      check("page" + (page.equals("/") ? "/start" : page));
      if (PageChecks.isErrorPage(browser)) {
        problem(
            "a link leads to an error page: " + browser.h1(),
            target + " linked on " + linkedFrom.get(target));
        continue;
      }
      for (String link : links()) {
        if (linkedFrom.putIfAbsent(link, page) == null) {
          queue.add(link);
        }
      }
      for (Map<String, Object> form : postForms()) {
        String action = URI.create((String) form.get("action")).getRawPath();
        boolean fillable = ((Number) form.get("fields")).intValue() > 0;
        String button = (String) form.get("button");
        if (fillable
            && button != null
            && !DESTRUCTIVE.matcher(button).find()
            && !action.equals("/sign-out")
            && !action.equals("/switch-partnership")) {
          // one of each: the edit form of one agency stands for the edit forms of all
          forms.putIfAbsent(
              action.replaceAll("/\\d+(?=/|$)", "/{id}"),
              new FormOnPage(page, ((Number) form.get("index")).intValue()));
        }
      }
    }
    List<String> kindsNotVisited =
        queue.stream().filter(link -> !kinds.containsKey(kind(link))).distinct().toList();
    if (!kindsNotVisited.isEmpty()) {
      problem(
          "the crawl stopped at " + MAX_PAGES + " pages before reaching every kind of page",
          String.join(", ", kindsNotVisited));
    }
    return visited;
  }

  /** A link's kind: its path with ids as {id}, and the names (not values) of its query. */
  private static String kind(String link) {
    URI uri = URI.create(link);
    String query =
        uri.getRawQuery() == null
            ? ""
            : java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .sorted()
                .distinct()
                .collect(java.util.stream.Collectors.joining("&", "?", ""));
    return uri.getRawPath().replaceAll("/\\d+(?=/|$)", "/{id}") + query;
  }

  /** Same-site page links on the page shown, as path and query, without assets or downloads. */
  private List<String> links() {
    @SuppressWarnings("unchecked")
    List<String> hrefs =
        (List<String>)
            browser.script(
                "return [...document.querySelectorAll('a[href]')]"
                    + ".filter(a => !a.hasAttribute('download')).map(a => a.href)");
    URI base = URI.create(browser.baseUrl());
    List<String> links = new ArrayList<>();
    for (String href : hrefs) {
      URI uri = URI.create(href);
      String path = uri.getRawPath();
      if (!"http".equals(uri.getScheme())
          || !base.getHost().equals(uri.getHost())
          || base.getPort() != uri.getPort()
          || path == null
          || path.equals("/sign-out")
          || FILE.matcher(path).matches()
          || NOT_PAGES.stream().anyMatch(path::startsWith)) {
        continue;
      }
      links.add(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
    return links;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> postForms() {
    return (List<Map<String, Object>>)
        browser.script(
            """
            return [...document.forms].map((f, index) => ({f, index})).filter(x => x.f.method === 'post').map(({f, index}) => {
              const fields = [...f.elements].filter(e =>
                ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)
                && !['hidden', 'submit', 'button', 'image', 'reset'].includes(e.type));
              const button = f.querySelector('button[type=submit], button:not([type]), input[type=submit]');
              return {index, action: f.action, fields: fields.length,
                      button: button ? (button.textContent || button.value).trim() : null};
            });
            """);
  }

  /** A form on a page: the page's address and the form's place among the page's forms. */
  private record FormOnPage(String page, int index) {}

  /**
   * Opens the page, empties every field of the form, sends it, and checks the answer. A form for
   * adding something must answer with its error summary.
   */
  private void sendEmpty(String action, FormOnPage form) {
    String page = form.page();
    browser.open(page);
    WebElement submit =
        (WebElement)
            browser.script(
                """
                const form = document.forms[arguments[0]];
                // a form inside a closed <details> is opened, as a person would before using it
                for (let d = form.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
                for (const e of form.elements) {
                  if (['hidden', 'submit', 'button', 'image', 'reset'].includes(e.type)) continue;
                  if (e.type === 'checkbox' || e.type === 'radio') e.checked = false;
                  else if (e.tagName === 'SELECT') {
                    const blank = [...e.options].findIndex(o => o.value === '');
                    if (blank >= 0) e.selectedIndex = blank;
                  } else e.value = '';
                }
                return form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
                """,
                form.index());
    browser.submitWith(submit);
    check("form" + action + "-sent-empty");
    if (PageChecks.isErrorPage(browser)) {
      problem("a form sent empty gives an error page: " + browser.h1(), action + " on " + page);
    } else if ((page.endsWith("/new")
            || page.endsWith("/add")
            || action.endsWith("/new")
            || action.endsWith("/add"))
        && browser.driver().findElements(By.className("govuk-error-summary")).isEmpty()) {
      problem("a form for adding, sent empty, shows no error summary", action + " on " + page);
    }
  }

  private String errorSummary() {
    return browser.driver().findElement(By.className("govuk-error-summary")).getText();
  }

  private void check(String name) {
    String stable = name.replace(partnership.slug(), "slug");
    if (other != null) {
      stable = stable.replace(other.slug(), "other");
    }
    String where = stable + " (" + browser.path() + ")";
    PageChecks.problems(browser, stable).forEach(problem -> problem(problem, where));
    Reflow.problems(browser, stable).forEach(problem -> problem(problem, where));
  }

  private void problem(String problem, String where) {
    problems.computeIfAbsent(problem, p -> new ArrayList<>()).add(where);
  }

  private void assertNoProblems() {
    assertThat(problems)
        .withFailMessage(
            () ->
                problems.size()
                    + " accessibility problems:\n\n"
                    + problems.entrySet().stream()
                        .map(p -> p.getKey() + "\n    on " + String.join("\n       ", p.getValue()))
                        .collect(Collectors.joining("\n\n")))
        .isEmpty();
  }
}
