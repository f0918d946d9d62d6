package org.ccrhub.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issuing a board pack in a browser, with a mouse, wide and at 320 CSS pixels: the form's "Issue
 * board pack" button leads to the confirmation without JavaScript's help, and the confirmation and
 * the list of issued packs meet WCAG 2.2 AA and fit a narrow screen without scrolling sideways.
 */
@CcrHubTest
class IssuedBoardPackBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;

  private Partnership partnership;
  private String lead;

  @BeforeEach
  void aPartnershipWithAPlan() {
    browser.useServerOn(port);
    browser.signOut();
    partnership = fixtures.partnership();
    lead = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    imports.run(
        partnership,
        new PlanImportRequest(
            "VAWG delivery plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q2")),
            Optional.empty(),
            """
            Outcome,Ref,Action,Due,Lead,RAG,Comment
            1 Prevention,1.1,Concerted partnership work in hotspots,Q3/4,Community Safety Team,Red,Paused
            """
                .getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aStrategicLeadIssuesAPackAndSeesItListedWideAndNarrow() {
    String base = "/p/" + partnership.slug() + "/board-pack";
    browser.signIn(lead, Fixtures.PASSWORD);
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    browser.open(base);
    browser.driver().findElement(By.id("period")).clear();
    browser.driver().findElement(By.id("period")).sendKeys("2016/17 Q2");
    browser.driver().findElement(By.id("board")).sendKeys("Safer Borough board");
    browser.submitWith(
        browser.driver().findElement(By.xpath("//button[normalize-space()='Issue board pack']")));

    assertThat(browser.path()).startsWith(base + "/issue?");
    assertThat(browser.h1()).isEqualTo("Issue the board pack for 2016/17 Q2");
    String confirm = browser.path();
    for (int width : new int[] {1280, 320}) {
      browser.driver().manage().window().setSize(new Dimension(width, 900));
      browser.open(confirm);
      assertThat(PageChecks.problems(browser, "issue-board-pack-" + width)).isEmpty();
      assertThat(scrollsSideways()).as("scrolls sideways at %d px", width).isFalse();
    }

    browser.submitWith(
        browser
            .driver()
            .findElement(By.xpath("//main//button[normalize-space()='Issue board pack']")));
    assertThat(browser.mainText())
        .contains("Board pack for 2016/17 Q2 issued: it is kept below as it is now");
    for (int width : new int[] {1280, 320}) {
      browser.driver().manage().window().setSize(new Dimension(width, 900));
      browser.open(base);
      assertThat(PageChecks.problems(browser, "board-pack-issued-" + width)).isEmpty();
      assertThat(scrollsSideways()).as("scrolls sideways at %d px", width).isFalse();
      assertThat(browser.mainText()).contains("Test Strategic lead").contains("Download");
    }
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
  }

  private static boolean scrollsSideways() {
    return (Boolean)
        browser.script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
  }
}
