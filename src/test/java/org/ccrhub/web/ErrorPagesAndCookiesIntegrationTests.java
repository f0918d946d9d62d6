package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over real HTTP: the session cookie's flags, redirects and addresses that the client cannot forge,
 * error pages, and health.
 */
@CcrHubTest
class ErrorPagesAndCookiesIntegrationTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  HttpClient client;
  String session;
  Partnership partnership;

  @BeforeEach
  void signedIn() throws Exception {
    partnership = fixtures.partnership();
    client = HttpClient.newHttpClient();
    HttpResponse<String> signIn = signIn(fixtures.user(partnership, Role.VIEWER));
    assertThat(signIn.statusCode()).isEqualTo(302);
    // relative: never built from the Host header the client sent
    assertThat(signIn.headers().firstValue("Location")).hasValue("/");
    assertThat(signIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("CCRSESSION=")
                    .contains("HttpOnly")
                    .contains("Secure")
                    .contains("SameSite=Lax"));
  }

  /** Signs in through the form, keeping the session for the requests that follow. */
  private HttpResponse<String> signIn(String email) throws Exception {
    session = null;
    HttpResponse<String> page = get("/sign-in");
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    return send(
        HttpRequest.newBuilder(uri("/sign-in"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf="
                        + csrf.group(1))));
  }

  @Test
  void aForgedHostHeaderNeverReachesARedirect() throws Exception {
    for (String path : List.of("/p/" + partnership.slug(), "/login", "/")) {
      try (Socket socket = new Socket("localhost", port)) {
        socket
            .getOutputStream()
            .write(
                ("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String head =
            new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                .split("\r\n\r\n")[0];
        assertThat(head).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
        assertThat(head).containsPattern("(?m)^Location: /sign-in$");
      }
    }
  }

  @Test
  void aForgedForwardedForIsNotTheAddressRecordedForAClientThatIsNotAProxy() throws Exception {
    session = null;
    String email = fixtures.user(partnership, Role.VIEWER);
    Matcher csrf = CSRF.matcher(get("/sign-in").body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.77")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "email="
                            + URLEncoder.encode(email, StandardCharsets.UTF_8)
                            + "&password=wrong&_csrf="
                            + csrf.group(1))));

    assertThat(refused.headers().firstValue("Location")).hasValue("/sign-in?error");
    assertThat(
            jdbc.sql(
                    "select source_address from audit_event where actor = :email"
                        + " and action = 'SIGN_IN_FAILED'")
                .param("email", email)
                .query(String.class)
                .list())
        .containsExactly("127.0.0.1");
    assertThat(
            jdbc.sql(
                    "select address from sign_in_throttle t join user_account a on a.id = t.account_id"
                        + " where a.email = :email")
                .param("email", email)
                .query(String.class)
                .list())
        .containsExactly("127.0.0.1");
  }

  @Test
  void anUnknownPageIsNotFoundWithAReferenceAndNoDetail() throws Exception {
    HttpResponse<String> response = get("/p/" + partnership.slug() + "/no-such-page");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("Page not found")
        .containsPattern("quote reference <strong>[0-9A-F]{10}</strong>")
        .doesNotContain("Exception")
        .doesNotContain("Whitelabel")
        .doesNotContain("at org.");
  }

  @Test
  void aPageThatFailsHalfWayShowsTheWholeErrorPageAndNoneOfThePage() throws Exception {
    HttpResponse<String> response = get(BrokenPage.PATH);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("Sorry, there is a problem with the service")
        .containsPattern("quote reference <strong>[0-9A-F]{10}</strong>")
        .doesNotContain("A line of the page")
        .doesNotContain("cannot be worked out")
        .doesNotContain("Exception");
  }

  @Test
  void aPageOfARoleTheUserLacksIsForbiddenWithAReference() throws Exception {
    HttpResponse<String> response = get("/p/" + partnership.slug() + "/admin/users");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("You do not have permission to see this page")
        .containsPattern("quote reference <strong>[0-9A-F]{10}</strong>");
  }

  @Test
  void aBadRequestShowsAPlainPage() throws Exception {
    HttpResponse<String> response =
        get("/p/" + partnership.slug() + "/admin/audit?page=not-a-number");

    assertThat(response.statusCode()).isIn(400, 403);
    assertThat(response.body()).doesNotContain("NumberFormatException").doesNotContain("Exception");
  }

  @Test
  void healthShowsOnlyTheStatusToAnyoneButAnAdministrator() throws Exception {
    HttpResponse<String> anonymous = health(null);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertOnlyStatus(anonymous.body());

    HttpResponse<String> viewer = health(session);
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertOnlyStatus(viewer.body());

    // an administrator of any partnership sees the details
    String administrator = fixtures.user(fixtures.partnership(), Role.PARTNERSHIP_ADMIN);
    assertThat(signIn(administrator).statusCode()).isEqualTo(302);
    HttpResponse<String> admin = health(session);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body())
        .contains("\"db\":{\"details\":{\"database\":\"PostgreSQL\"")
        .endsWith("\"status\":\"UP\"}");

    // no index of endpoints, whose links would come from the Host header
    HttpResponse<String> index =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/actuator")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(index.statusCode()).isEqualTo(404);
    assertThat(index.body()).doesNotContain("_links");
  }

  private HttpResponse<String> health(String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/actuator/health"));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status and the names of the probe groups, but no component and no detail. */
  private static void assertOnlyStatus(String health) {
    assertThat(health.replace("\"groups\":[\"liveness\",\"readiness\"],", ""))
        .isEqualTo("{\"status\":\"UP\"}");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)));
  }

  /**
   * Sends with the session cookie. Java's cookie handler, rightly, never returns a Secure cookie
   * over plain HTTP, so this test keeps it by hand (browsers treat localhost as secure).
   */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    request.header("Accept", "text/html");
    if (session != null) {
      request.header("Cookie", session);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("CCRSESSION="))
        .findFirst()
        .ifPresent(c -> session = c.substring(0, c.indexOf(';')));
    return response;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
