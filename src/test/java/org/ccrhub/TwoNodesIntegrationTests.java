package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of one installation behind a load balancer without sticky sessions: the test
 * application (node A) and another started on its database with a data directory of its own and the
 * installation's keys (node B). One person's requests go to either, and each step's effect is seen
 * at once on the other.
 */
@CcrHubTest
class TwoNodesIntegrationTests {

  private static final Pattern SEEN_UPDATE =
      Pattern.compile("name=\"seenUpdateId\" value=\"([^\"]*)\"");
  private static final Pattern PREVIEW_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

  private static ConfigurableApplicationContext nodeB;
  private static int portB;

  @LocalServerPort int portA;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;

  Partnership partnership;

  @BeforeEach
  void nodeB() throws Exception {
    if (nodeB == null) {
      Path directory =
          Path.of("target", "test-data", "node-b-" + UUID.randomUUID()).toAbsolutePath();
      Files.createDirectories(directory);
      Path auditKey = Path.of(environment.getRequiredProperty("ccr.data-dir"), "audit.key");
      if (Files.exists(auditKey)) {
        // the installation's key, copied from the first server as an operator would
        Files.copy(auditKey, directory.resolve("audit.key"));
      }
      List<String> settings = TestNode.settings(environment, dataSource, directory.toString());
      nodeB =
          new SpringApplicationBuilder(CcrHubApplication.class)
              .run(settings.toArray(String[]::new));
      portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
    }
    partnership = fixtures.partnership();
  }

  @AfterAll
  static void stopNodeB() {
    if (nodeB != null) {
      nodeB.close();
      nodeB = null;
    }
  }

  @Test
  void anImportPreviewedOnOneNodeIsConfirmedOnTheOtherAndARatingShowsInTheOthersReportAtOnce()
      throws Exception {
    String manager = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    String base = "/p/" + partnership.slug() + "/plans";
    HttpBrowser browser = new HttpBrowser(portA);
    assertThat(browser.signIn(manager, Fixtures.PASSWORD, null).headers().firstValue("Location"))
        .hasValue("/");

    // signed in on A, the upload goes to B and its preview is confirmed on A
    HttpResponse<String> preview =
        browser
            .on(portB)
            .postFile(
                base + "/import",
                base + "/import",
                Map.of("planName", "Two nodes plan", "year", "2016/17", "period", "2016/17 Q2"),
                "file",
                "plan.csv",
                ("ref,action,rag\n1.1,Train housing staff,Green\n1.2,Open a refuge,Green\n")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(preview.statusCode()).isEqualTo(200);
    Matcher key = PREVIEW_KEY.matcher(preview.body());
    assertThat(key.find()).as(preview.body()).isTrue();
    HttpResponse<String> confirmed =
        browser
            .on(portA)
            .postForm(base + "/import", base + "/import/confirm", "key=" + key.group(1));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    String plan = confirmed.headers().firstValue("Location").orElseThrow();
    assertThat(plan).matches(".*/plans/\\d+$");
    String planPath = plan.substring(plan.indexOf("/p/"));
    assertThat(browser.on(portB).get(planPath).body())
        .contains("Two nodes plan", "Train housing staff", "Open a refuge");
    assertThat(
            jdbc.sql("select count(*) from pending_upload where partnership_id = :p")
                .param("p", partnership.id())
                .query(Long.class)
                .single())
        .as("the confirmed upload is not kept")
        .isZero();

    // an administrator opens the quarter for updates
    periods.open(
        partnership,
        plans.named(partnership, "Two nodes plan"),
        ReportingPeriod.parse("2016/17 Q2"),
        Optional.empty(),
        Optional.empty());

    // B's exception report is made (and kept) before the rating changes on A
    String report = planPath + "/exceptions.csv?period=2016/17%20Q2";
    assertThat(browser.on(portB).get(report).body()).doesNotContain("Open a refuge");
    String form = planPath + "/actions/1.2/progress?period=2016/17%20Q2";
    Matcher seen = SEEN_UPDATE.matcher(browser.on(portA).get(form).body());
    assertThat(seen.find()).isTrue();
    HttpResponse<String> rated =
        browser
            .on(portA)
            .postForm(
                form,
                form,
                "rating=RED&comment=The+lease+fell+through&seenUpdateId=" + seen.group(1));
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(302);
    assertThat(browser.on(portB).get(report).body())
        .contains("1.2,Open a refuge", "Red", "The lease fell through");
  }

  @Test
  void wrongPasswordsSpreadOverBothNodesAreCountedTogether() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    List<String> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> attempt =
          new HttpBrowser(i % 2 == 0 ? portA : portB).signIn(email, "wrong " + i, null);
      seen.add(attempt.headers().firstValue("Location").orElseThrow());
    }

    assertThat(seen)
        .containsExactly(
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?error",
            "/sign-in?error&wait=1",
            "/sign-in?wait=1",
            "/sign-in?wait=1",
            "/sign-in?wait=1",
            "/sign-in?wait=1",
            "/sign-in?wait=1");
    // the right password from that address waits too, on either node
    for (int port : new int[] {portA, portB}) {
      assertThat(
              new HttpBrowser(port)
                  .signIn(email, Fixtures.PASSWORD, null)
                  .headers()
                  .firstValue("Location"))
          .hasValue("/sign-in?wait=1");
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where actor = :e and action = 'SIGN_IN_FAILED'")
                .param("e", email)
                .query(Long.class)
                .single())
        .isEqualTo(5);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where actor = :e"
                        + " and action = 'SIGN_IN_THROTTLED'")
                .param("e", email)
                .query(Long.class)
                .single())
        .isOne();
  }
}
