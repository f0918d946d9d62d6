package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
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

/**
 * A second node (with a management port) beside the shared test server, attacked from outside:
 * metric tags filled from the address or the method, actuator endpoints other than the two served,
 * health details for anyone, and a session of one partnership's member carried to the other node
 * for another partnership.
 */
@CcrHubTest
class ClusterAttackIntegrationTests {

  private static ConfigurableApplicationContext node;
  private static int nodePort;
  private static int managementPort;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired Fixtures fixtures;

  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void aNodeWithAManagementPort() {
    if (node == null) {
      List<String> settings = TestNode.settings(environment, dataSource);
      settings.add("--ccr.management.port=0");
      node =
          new SpringApplicationBuilder(CcrHubApplication.class)
              .run(settings.toArray(String[]::new));
      nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
      managementPort =
          Integer.parseInt(node.getEnvironment().getRequiredProperty("local.management.port"));
    }
  }

  @AfterAll
  static void stopTheNode() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  @Test
  void metricTagsHoldNeitherAddressesNorMadeUpMethods() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    HttpBrowser browser = new HttpBrowser(nodePort);
    browser.signIn(email, Fixtures.PASSWORD, null);
    browser.get("/p/" + partnership.slug() + "/people/jane.metric@example.org");
    browser.get("/no-such/jane.metric2@example.org");
    get(nodePort, "/p/" + partnership.slug() + "/secret-jane-metric3");
    raw(nodePort, "JANEMETHOD /sign-in HTTP/1.1");
    raw(nodePort, "GET /p/" + partnership.slug() + "/%6A%61%6E%65metric4 HTTP/1.1");

    String metrics = get(managementPort, "/actuator/prometheus").body();

    assertThat(metrics)
        .contains("http_server_requests_seconds_count")
        .doesNotContain("jane")
        .doesNotContain("JANE")
        .doesNotContain(partnership.slug())
        .doesNotContain(email);
  }

  @Test
  void theManagementPortServesHealthAndMetricsAndNothingElseAndNoDetailsToAnyone()
      throws Exception {
    for (String path :
        List.of(
            "/actuator",
            "/actuator/env",
            "/actuator/configprops",
            "/actuator/beans",
            "/actuator/heapdump",
            "/actuator/threaddump",
            "/actuator/loggers",
            "/actuator/metrics",
            "/actuator/mappings",
            "/actuator/sessions",
            "/actuator/health/db",
            "/actuator/prometheus/../env",
            "/p/x",
            "/sign-in")) {
      HttpResponse<String> answer = get(managementPort, path);
      assertThat(answer.statusCode()).as(path).isNotEqualTo(200);
      assertThat(answer.body()).as(path).doesNotContain("jdbc:").doesNotContain("password");
    }
    String health = get(managementPort, "/actuator/health").body();
    assertThat(health)
        .contains("\"status\":\"UP\"")
        .doesNotContain("components")
        .doesNotContain("details")
        .doesNotContain("db");
    for (String probe : List.of("/livez", "/readyz")) {
      assertThat(get(nodePort, probe).body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
    }
    assertThat(get(nodePort, "/actuator/prometheus").statusCode()).isEqualTo(302);
  }

  @Test
  void aSessionFromOneNodeOpensNoOtherPartnershipOnTheOther() throws Exception {
    Partnership mine = fixtures.partnership();
    Partnership theirs = fixtures.partnership();
    String email = fixtures.user(mine, Role.PARTNERSHIP_ADMIN);
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(browser.signIn(email, Fixtures.PASSWORD, null).statusCode()).isEqualTo(302);
    HttpBrowser onTheOtherNode = browser.on(nodePort);
    assertThat(onTheOtherNode.get("/p/" + mine.slug()).statusCode()).isEqualTo(200);
    for (String path :
        List.of(
            "/p/" + theirs.slug(),
            "/p/" + theirs.slug() + "/admin",
            "/p/" + theirs.slug() + "/plans/import",
            "/p/" + theirs.slug() + "/indicators")) {
      assertThat(onTheOtherNode.get(path).statusCode()).as(path).isIn(403, 404);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void raw(int port, String requestLine) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.getInputStream().readAllBytes();
    }
  }
}
