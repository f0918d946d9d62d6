package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import org.ccrhub.CcrHubApplication;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.TestNode;
import org.ccrhub.documents.Documents;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.TableImports;
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
 * A node started with {@code ccr.management.port} (and a trusted proxy) on the same database:
 * metrics in Prometheus's format on that port only, without sign-in, with no slug, email or address
 * in them; health for load balancers on the main port. The shared test server, started without the
 * setting, serves no metrics at all, as before.
 */
@CcrHubTest
class ManagementPortIntegrationTests {

  private static ConfigurableApplicationContext node;
  private static int nodePort;
  private static int managementPort;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired Fixtures fixtures;

  final HttpClient client = HttpClient.newHttpClient();
  Partnership partnership;
  String email;

  @BeforeEach
  void aNodeWithAManagementPort() {
    if (node == null) {
      List<String> settings = TestNode.settings(environment, dataSource);
      settings.add("--ccr.management.port=0");
      settings.add("--ccr.trusted-proxies=127.0.0.1");
      node =
          new SpringApplicationBuilder(CcrHubApplication.class)
              .run(settings.toArray(String[]::new));
      nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
      managementPort =
          Integer.parseInt(node.getEnvironment().getRequiredProperty("local.management.port"));
    }
    partnership = fixtures.partnership();
    email = fixtures.user(partnership, Role.VIEWER);
  }

  @AfterAll
  static void stopTheNode() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  @Test
  void prometheusOnTheManagementPortHasRequestsByRoutePoolImportsPdfsAndSignInFailures()
      throws Exception {
    assertThat(managementPort).isNotEqualTo(nodePort);
    HttpBrowser browser = new HttpBrowser(nodePort);
    browser.signIn(email, "not the password", null);
    browser.signIn(email, Fixtures.PASSWORD, null);
    assertThat(browser.get("/p/" + partnership.slug()).statusCode()).isEqualTo(200);
    assertThat(browser.get("/p/" + partnership.slug() + "/no-such-page-x7").statusCode())
        .isEqualTo(404);
    node.getBean(TableImports.class).run("plan", () -> "imported");
    node.getBean(Documents.class).pdf("<html><body><p>A page</p></body></html>");

    HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/p/\\{slug}\"[^}]*} ")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"")
        .contains("hikaricp_connections{")
        .containsPattern("ccr_sign_in_failures_total(\\{[^}]*})? [1-9]")
        .contains("ccr_sign_in_throttled_total{by=\"address\"")
        .contains("ccr_imports_seconds_count{kind=\"plan\",outcome=\"completed\"")
        .contains("ccr_documents_pdf_seconds_count{outcome=\"rendered\"")
        .doesNotContain(partnership.slug())
        .doesNotContain(email)
        .doesNotContain("no-such-page-x7");
    assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
  }

  @Test
  void theMainPortServesNoMetricsButHealthForLoadBalancers() throws Exception {
    HttpBrowser signedIn = new HttpBrowser(nodePort);
    signedIn.signIn(email, Fixtures.PASSWORD, null);

    HttpResponse<String> anonymous = get(nodePort, "/actuator/prometheus");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(signedIn.get("/actuator/prometheus").statusCode()).isEqualTo(404);
    for (String probe : new String[] {"/livez", "/readyz"}) {
      HttpResponse<String> health = get(nodePort, probe);
      assertThat(health.statusCode()).as(probe).isEqualTo(200);
      assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void withoutTheSettingHealthStaysOnTheMainPortAndNoMetricsAreServed() throws Exception {
    HttpBrowser signedIn = new HttpBrowser(port);
    signedIn.signIn(email, Fixtures.PASSWORD, null);

    assertThat(get(port, "/actuator/health").body()).contains("\"status\":\"UP\"");
    assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
    assertThat(signedIn.get("/actuator/prometheus").statusCode()).isEqualTo(404);
    assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(302);
  }

  @Test
  void aRequestIdFromATrustedProxyIsKeptAndABadOneReplaced() throws Exception {
    HttpResponse<String> kept = viaTheProxy("lb-7f3a.0_x-1");
    HttpResponse<String> replaced = viaTheProxy("not allowed;");
    HttpResponse<String> tooLong = viaTheProxy("a".repeat(65));

    assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a.0_x-1");
    assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9A-F]{10}");
    assertThat(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9A-F]{10}");
  }

  private HttpResponse<String> viaTheProxy(String requestId) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + "/sign-in"))
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Request-Id", requestId)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
