package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.TestClock;
import org.ccrhub.TestNode;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second CCR Hub node on the same database, as after a restart or with several nodes: it has its
 * own clock (moved by hand), trusts 127.0.0.1 as its proxy, and refuses an address after 3 failed
 * sign-ins. Sessions, waits and the known addresses of accounts are all in the database.
 */
@CcrHubTest
class AnotherNodeIntegrationTests {

  private static ConfigurableApplicationContext node;
  private static TestClock clock;
  private static int nodePort;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired org.springframework.core.env.Environment environment;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  String email;

  @BeforeEach
  void aSecondNode() {
    if (node == null) {
      clock = TestClock.now();
      List<String> settings = TestNode.settings(environment, dataSource);
      settings.add("--ccr.trusted-proxies=127.0.0.1");
      settings.removeIf(s -> s.startsWith("--ccr.sign-in.max-failures-per-address="));
      settings.add("--ccr.sign-in.max-failures-per-address=3");
      node =
          new SpringApplicationBuilder(CcrHubApplication.class)
              .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
              .run(settings.toArray(String[]::new));
      nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
    }
    clock.set(Instant.now());
    partnership = fixtures.partnership();
    email = fixtures.user(partnership, Role.VIEWER);
  }

  @AfterAll
  static void stopTheSecondNode() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  @Test
  void aSessionStartedOnOneNodeIsAcceptedByAnotherAsAfterARestart() throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(browser.signIn(email, Fixtures.PASSWORD, null).headers().firstValue("Location"))
        .hasValue("/");

    HttpResponse<String> home = browser.on(nodePort).get("/p/" + partnership.slug());

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains(partnership.name());
    // the idle timeout (CCR_SESSION_TIMEOUT, 30 minutes) is kept with the session
    assertThat(
            jdbc.sql("select max_inactive_interval from spring_session where principal_name = :e")
                .param("e", email)
                .query(Integer.class)
                .list())
        .containsExactly(1800);
  }

  @Test
  void aSessionEndsTwelveHoursAfterSignInHoweverActiveItIs() throws Exception {
    HttpBrowser browser = new HttpBrowser(nodePort);
    browser.signIn(email, Fixtures.PASSWORD, null);
    String home = "/p/" + partnership.slug();
    assertThat(browser.get(home).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofHours(11).plusMinutes(59));
    assertThat(browser.get(home).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(2));
    HttpResponse<String> expired = browser.get(home);

    assertThat(expired.statusCode()).isEqualTo(302);
    assertThat(expired.headers().firstValue("Location")).hasValue("/sign-in?expired");
    assertThat(browser.get("/sign-in?expired").body())
        .contains("You have been signed out because you signed in a long time ago");
    assertThat(browser.get(home).headers().firstValue("Location")).hasValue("/sign-in");
  }

  @Test
  void theAddressAConfiguredProxyForwardsIsTheOneRecordedAndThrottled() throws Exception {
    String client = SignInIntegrationTests.anAddress();

    new HttpBrowser(nodePort).signIn(email, "wrong password", client + ", 127.0.0.1");

    assertThat(
            jdbc.sql(
                    "select source_address from audit_event where actor = :email"
                        + " and action = 'SIGN_IN_FAILED'")
                .param("email", email)
                .query(String.class)
                .list())
        .containsExactly(client);
    assertThat(
            jdbc.sql("select address from sign_in_throttle where address = :a")
                .param("a", SignInHandlers.keyOf(client))
                .query(String.class)
                .list())
        .containsExactly(SignInHandlers.keyOf(client));
  }

  @Test
  void aBusyAddressStillLetsInPeopleWhoHaveSignedInFromItButNotNewcomers() throws Exception {
    String nat = SignInIntegrationTests.anAddress();
    String colleague = fixtures.user(partnership, Role.VIEWER);
    String newcomer = fixtures.user(partnership, Role.VIEWER);
    // the colleague has signed in from the council's network before
    assertThat(location(new HttpBrowser(nodePort).signIn(colleague, Fixtures.PASSWORD, nat)))
        .isEqualTo("/");
    // something behind the same address tries one password at many accounts
    for (String target : new String[] {email, newcomer, "nobody@nowhere.example"}) {
      assertThat(location(new HttpBrowser(nodePort).signIn(target, "Winter2026!", nat)))
          .isEqualTo("/sign-in?error");
    }

    assertThat(location(new HttpBrowser(nodePort).signIn(newcomer, Fixtures.PASSWORD, nat)))
        .isEqualTo("/sign-in?busy=15");
    assertThat(location(new HttpBrowser(nodePort).signIn("x@nowhere.example", "guess", nat)))
        .isEqualTo("/sign-in?busy=15");
    assertThat(location(new HttpBrowser(nodePort).signIn(colleague, Fixtures.PASSWORD, nat)))
        .isEqualTo("/");
    // elsewhere, the newcomer is not affected; and at the end of the window, neither there
    assertThat(
            location(
                new HttpBrowser(nodePort)
                    .signIn(newcomer, Fixtures.PASSWORD, SignInIntegrationTests.anAddress())))
        .isEqualTo("/");
    clock.advance(Duration.ofMinutes(15));
    assertThat(location(new HttpBrowser(nodePort).signIn(newcomer, Fixtures.PASSWORD, nat)))
        .isEqualTo("/");
  }

  @Test
  void aDayWithoutFailuresEndsAnEpisodeOfWaitingWithOneSummary() throws Exception {
    String address = SignInIntegrationTests.anAddress();
    // the person has signed in from there, so the address's own limit (3 here) does not refuse them
    new HttpBrowser(nodePort).signIn(email, Fixtures.PASSWORD, address);
    for (int i = 0; i < 8; i++) {
      new HttpBrowser(nodePort).signIn(email, "wrong " + i, address);
    }
    clock.advance(Duration.ofHours(25));
    // old failures are forgotten as new ones arrive, a few at a time, oldest first
    for (int i = 0; i < 100 && remainingAt(address) > 0; i++) {
      new HttpBrowser(nodePort)
          .signIn("nobody@nowhere.example", "x", SignInIntegrationTests.anAddress());
    }

    assertThat(remainingAt(address)).isZero();
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where actor = :email"
                        + " and action = 'SIGN_IN_THROTTLE_ENDED'")
                .param("email", email)
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .startsWith(
            "Slowing down of sign-ins from "
                + SignInHandlers.keyOf(address)
                + " after a day without failures: 5 failed and 3 refused while waiting");
  }

  private long remainingAt(String address) {
    return jdbc.sql("select count(*) from sign_in_throttle where address = :a")
        .param("a", SignInHandlers.keyOf(address))
        .query(Long.class)
        .single();
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElse("(none: " + response.statusCode() + ")");
  }
}
