package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.HttpBrowser;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over real HTTP (the request log is a Tomcat valve, which MockMvc does not pass through): one line
 * per request with its id, route pattern, status, time and account id, and nothing that names or
 * identifies a person. This server trusts no proxy, so an {@code X-Request-Id} sent to it is
 * ignored; one from a trusted proxy is kept ({@code ManagementPortIntegrationTests}).
 */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogIntegrationTests {

  private static final Pattern REFERENCE =
      Pattern.compile("quote reference <strong>([^<]+)</strong>");
  private static final String NAME = "Zebedee Quillfeather";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  final HttpClient client = HttpClient.newHttpClient();
  Partnership partnership;
  String email;
  long accountId;
  HttpBrowser browser;

  @BeforeEach
  void signedIn() throws Exception {
    partnership = fixtures.partnership();
    email = "zebedee" + System.nanoTime() + "@test.example";
    accounts.addMember(partnership, email, NAME, Role.VIEWER, Fixtures.PASSWORD);
    accountId =
        jdbc.sql("select id from user_account where email = :e")
            .param("e", email)
            .query(Long.class)
            .single();
    browser = new HttpBrowser(port);
    assertThat(browser.signIn(email, Fixtures.PASSWORD, null).statusCode()).isEqualTo(302);
  }

  @Test
  void writesOneLinePerRequestWithItsRoutePatternStatusTimeAndAccount(CapturedOutput output)
      throws Exception {
    HttpResponse<String> page =
        get("/p/" + partnership.slug() + "?q=" + "Zebedee+Quillfeather+" + email, "forged-id-1");

    assertThat(page.statusCode()).isEqualTo(200);
    String id = page.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).matches("[0-9A-F]{10}");
    assertThat(linesOf(output, id))
        .singleElement()
        .asString()
        .matches(
            ".*\\["
                + id
                + "] org\\.ccrhub\\.request +: request="
                + id
                + " method=GET route=/p/\\{slug} status=200 ms=\\d+ account="
                + accountId);
    assertThat(output.getAll())
        .doesNotContain("forged-id-1")
        .doesNotContain(email)
        .doesNotContain("Zebedee")
        .doesNotContain("Quillfeather")
        .doesNotContain("q=");
  }

  @Test
  void anErrorPagesReferenceIsItsRequestIdAndFindsItsLine(CapturedOutput output) throws Exception {
    HttpResponse<String> missing = get("/p/" + partnership.slug() + "/no-such-page", null);
    HttpResponse<String> forbidden = get("/p/" + partnership.slug() + "/admin/users", null);

    assertThat(missing.statusCode()).isEqualTo(404);
    String id = missing.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(referenceOn(missing)).isEqualTo(id);
    assertThat(linesOf(output, id))
        .singleElement()
        .asString()
        .contains("request=" + id + " method=GET route=/** status=404 ms=")
        .endsWith("account=" + accountId);

    assertThat(forbidden.statusCode()).isEqualTo(403);
    String forbiddenId = forbidden.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(referenceOn(forbidden)).isEqualTo(forbiddenId);
    assertThat(linesOf(output, forbiddenId))
        .singleElement()
        .asString()
        .contains("request=" + forbiddenId + " method=GET route=- status=403 ms=")
        .endsWith("account=" + accountId);
    assertThat(output.getAll()).contains("Error reference " + forbiddenId + ": status 403");
  }

  @Test
  void aRequestBeforeSignInHasNoAccountAndFilesAndHealthChecksAreLoggedOnlyAtDebug(
      CapturedOutput output) throws Exception {
    HttpResponse<String> signedOut =
        client.send(
            HttpRequest.newBuilder(uri("/p/" + partnership.slug() + "/plans")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> stylesheet = get("/css/app.css", null);
    HttpResponse<String> probe =
        client.send(
            HttpRequest.newBuilder(uri("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(uri("/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(signedOut.statusCode()).isEqualTo(302);
    String id = signedOut.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(linesOf(output, id))
        .singleElement()
        .asString()
        .endsWith(
            "request="
                + id
                + " method=GET route=- status=302 ms="
                + msOf(output, id)
                + " account=-");
    assertThat(stylesheet.statusCode()).isEqualTo(200);
    String file = stylesheet.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(linesOf(output, file)).isEmpty();
    assertThat(probe.statusCode()).isEqualTo(200);
    assertThat(linesOf(output, probe.headers().firstValue("X-Request-Id").orElseThrow())).isEmpty();
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(linesOf(output, health.headers().firstValue("X-Request-Id").orElseThrow()))
        .isEmpty();
  }

  private HttpResponse<String> get(String path, String requestId) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Cookie", browser.cookie());
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String referenceOn(HttpResponse<String> response) {
    Matcher reference = REFERENCE.matcher(response.body());
    assertThat(reference.find()).as("a reference on the page").isTrue();
    return reference.group(1);
  }

  /** The request log's lines for the request. */
  /**
   * The request's lines, waiting a little for them: the line is written when the request ends,
   * which can be just after its answer reached the client.
   */
  static List<String> linesOf(CapturedOutput output, String id) throws InterruptedException {
    java.time.Instant until = java.time.Instant.now().plusSeconds(5);
    List<String> lines = List.of();
    while (lines.isEmpty() && java.time.Instant.now().isBefore(until)) {
      lines = output.getAll().lines().filter(line -> line.contains("request=" + id + " ")).toList();
      if (lines.isEmpty()) {
        Thread.sleep(20);
      }
    }
    return lines;
  }

  private static String msOf(CapturedOutput output, String id) {
    Matcher ms = Pattern.compile("request=" + id + " .* ms=(\\d+) ").matcher(output.getAll());
    return ms.find() ? ms.group(1) : "?";
  }
}
