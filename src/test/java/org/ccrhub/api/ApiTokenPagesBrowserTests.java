package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.web.browser.Browser;
import org.ccrhub.web.browser.PageChecks;
import org.ccrhub.web.browser.Reflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API reference page, and the "API tokens" page in a real browser, reached from the partnership
 * bar, without needing JavaScript: an analyst sends the form empty, then makes a token and sees it
 * once; at 1280 and at 320 pixels every page passes axe and {@link PageChecks}, and reflows at 320
 * ({@link Reflow}).
 */
@CcrHubTest
class ApiTokenPagesBrowserTests {

  @RegisterExtension static final Browser browser = new Browser();

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  private Partnership partnership;
  private String analyst;

  @BeforeEach
  void anAnalyst() {
    browser.useServerOn(port);
    browser.signOut();
    partnership = fixtures.partnership();
    analyst = fixtures.user(partnership, Role.ANALYST);
  }

  private void check(String name) {
    assertThat(PageChecks.problems(browser, name)).isEmpty();
    if (browser.driver().manage().window().getSize().getWidth() <= Reflow.WIDTH + 20) {
      assertThat(Reflow.problems(browser, name)).isEmpty();
    }
  }

  private void create(String name) {
    browser.driver().findElement(By.id("name")).clear();
    browser.driver().findElement(By.id("name")).sendKeys(name);
    browser.submitWith(
        browser.driver().findElement(By.xpath("//button[normalize-space()='Create token']")));
  }

  @Test
  void anAnalystMakesATokenAndSeesItOnceWideAndNarrow() {
    browser.signIn(analyst, Fixtures.PASSWORD);
    for (int width : new int[] {1280, 320}) {
      browser.driver().manage().window().setSize(new Dimension(width, 900));
      browser.open("/p/" + partnership.slug());
      if (width == 1280) {
        browser.driver().findElement(By.linkText("API tokens")).click();
      } else {
        browser.open("/p/" + partnership.slug() + "/api-tokens");
      }
      assertThat(browser.h1()).isEqualTo("API tokens");
      check("api-tokens-" + width);

      create("");
      assertThat(browser.title()).startsWith("Error: API tokens");
      assertThat(browser.mainText()).contains("Enter a name for the token");
      check("api-tokens-error-" + width);

      create("Power BI " + width);
      assertThat(browser.h1()).isEqualTo("Your new API token");
      String token = browser.driver().findElement(By.id("token")).getDomProperty("value");
      assertThat(token).matches("ccr_[A-Za-z0-9_-]{43}");
      check("api-token-created-" + width);

      browser.driver().findElement(By.linkText("I have copied my token")).click();
      assertThat(browser.mainText()).contains("Power BI " + width).doesNotContain(token);
      check("api-tokens-listed-" + width);
    }
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  void anyoneReadsTheApiReferenceFromTheFooterWideAndNarrow() {
    for (int width : new int[] {1280, 320}) {
      browser.driver().manage().window().setSize(new Dimension(width, 900));
      browser.open("/accessibility");
      browser.follow("API reference");
      assertThat(browser.h1()).isEqualTo("CCR Hub API v1");
      assertThat(browser.mainText())
          .contains("GET /api/v1/me", "Shapes of the data", "Needs a token.");
      check("api-reference-" + width);
      browser.follow("/api/openapi.json");
      assertThat(browser.driver().getPageSource()).contains("\"openapi\"");
    }
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
  }
}
