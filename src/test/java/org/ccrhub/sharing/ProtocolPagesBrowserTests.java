package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.People;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of the protocol register in a real browser, as a keeper sees it, checked by axe
 * against WCAG 2.2 AA, by {@link PageChecks} and for reflow at 320 pixels; each form also sent
 * empty, which must come back with its error summary, never an error page. (The site-wide crawl
 * starts from the home page, which links here only when a review is near.)
 */
@CcrHubTest
class ProtocolPagesBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired People people;
  @Autowired Protocols protocols;
  @Autowired LawfulBases lawfulBases;

  private final Map<String, List<String>> problems = new LinkedHashMap<>();

  @Test
  void everyPageAndEveryFormSentEmptyMeetsWcag22Aa() {
    LocalDate today = LocalDate.now(Dates.UK);
    Partnership partnership = fixtures.partnership();
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    long police = agencies.create(partnership, "Northbridge Police", AgencyType.POLICE).id();
    long homes = agencies.create(partnership, "Southmere Homes", AgencyType.HOUSING).id();
    agencies.create(partnership, "Northbridge Women's Aid", AgencyType.VOLUNTARY_COMMUNITY);
    long sam = people.create(partnership, "Sam Okafor", "DS", police, null, Set.of()).id();
    long jo = people.create(partnership, "Jo Reed", null, police, null, Set.of()).id();
    long kim = people.create(partnership, "Kim Hale", null, homes, null, Set.of()).id();
    long basis =
        lawfulBases.of(partnership).stream()
            .filter(b -> b.code().equals("UK GDPR 6(1)(e)"))
            .findFirst()
            .orElseThrow()
            .id();
    long id =
        protocols.create(
            partnership,
            new ProtocolRegisterChanges.Settings(
                "Northbridge Information Sharing Protocol",
                "To reduce crime and disorder,\nand to keep people safe",
                Set.of(InformationCategory.PERSONAL),
                Set.of(basis),
                10,
                true,
                30,
                6));
    long version =
        protocols.recordVersion(
            partnership,
            id,
            new ProtocolRegisterChanges.NewVersion(
                "2.1",
                "Community safety team",
                "CSP board",
                Optional.of(today.minusMonths(2)),
                Optional.of(today.plusDays(20)),
                "Article 6(1)(ea) added"),
            Optional.of(
                new ProtocolRegisterChanges.SignedDocument(
                    "Northbridge ISP signed.pdf",
                    "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))),
            "Test Admin");
    long party =
        protocols.addParty(
            partnership,
            id,
            police,
            new ProtocolRegisterChanges.PartyDetails(
                "A. Signer", "Chief Constable", Optional.of(today), today, sam, Optional.of(jo)));
    protocols.addParty(
        partnership,
        id,
        homes,
        new ProtocolRegisterChanges.PartyDetails(
            "", "", Optional.empty(), today, kim, Optional.empty()));
    protocols.putInForce(partnership, id, today.minusDays(1), today);
    long draft =
        protocols.create(
            partnership,
            new ProtocolRegisterChanges.Settings(
                "MARAC ISP", "", Set.of(), Set.of(), 10, false, 30, 6));

    browser.useServerOn(port);
    browser.signOut();
    browser.signIn(admin, Fixtures.PASSWORD);
    String base = "/p/" + partnership.slug() + "/sharing/protocols";

    visit("home", "/p/" + partnership.slug());
    assertThat(browser.mainText()).contains("review due in 20 days");
    visit("register", base);
    visit("protocol", base + "/" + id);
    visit("draft", base + "/" + draft);
    for (String form :
        List.of(
            "/new",
            "/" + id + "/edit",
            "/" + id + "/versions/new",
            "/" + id + "/versions/" + version + "/document",
            "/" + draft + "/in-force",
            "/" + id + "/end",
            "/" + id + "/parties/new",
            "/" + id + "/parties/" + party + "/edit",
            "/" + id + "/parties/" + party + "/leave")) {
      String name = form.replaceAll("\\d+", "n");
      visit(name, base + form);
      sendEmpty(name);
    }

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

  private void visit(String name, String path) {
    browser.open(path);
    check("protocols" + name);
    if (PageChecks.isErrorPage(browser)) {
      problem("an error page: " + browser.h1(), path);
    }
  }

  /** Sends the page's form with every field emptied, as a person who presses the button at once. */
  private void sendEmpty(String name) {
    WebElement submit =
        (WebElement)
            browser.script(
                """
                const form = [...document.querySelectorAll('main form')].pop();
                for (const e of form.elements) {
                  if (['hidden', 'submit', 'button', 'image', 'reset', 'file'].includes(e.type)) continue;
                  if (e.type === 'checkbox' || e.type === 'radio') e.checked = false;
                  else if (e.tagName === 'SELECT') {
                    const blank = [...e.options].findIndex(o => o.value === '');
                    if (blank >= 0) e.selectedIndex = blank;
                  } else e.value = '';
                }
                return form.querySelector('button[type=submit], button:not([type])');
                """);
    browser.submitWith(submit);
    check("protocols" + name + "-sent-empty");
    if (PageChecks.isErrorPage(browser)) {
      problem("a form sent empty gives an error page: " + browser.h1(), name);
    } else if (browser.driver().findElements(By.className("govuk-error-summary")).isEmpty()) {
      problem("a form sent empty shows no error summary", name);
    }
  }

  private void check(String name) {
    String where = name + " (" + browser.path() + ")";
    PageChecks.problems(browser, name).forEach(problem -> problem(problem, where));
    Reflow.problems(browser, name).forEach(problem -> problem(problem, where));
  }

  private void problem(String problem, String where) {
    problems.computeIfAbsent(problem, p -> new ArrayList<>()).add(where);
  }
}
