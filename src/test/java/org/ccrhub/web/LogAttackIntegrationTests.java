package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * The log as an attacker would mine it, or fill it: addresses that hold personal data or secret
 * links (a mistyped or bookmarked address, an unblock link posted without its form's token) on the
 * error paths, a broken upload, and request ids with line breaks, unicode or great length. None of
 * them may put a person's data, a secret link or a forged line in the log.
 */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class LogAttackIntegrationTests {

  private static final String VICTIM = "jane.victim" + System.nanoTime() + "@example.org";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;

  final HttpClient client = HttpClient.newHttpClient();
  Partnership partnership;
  HttpBrowser browser;

  @BeforeEach
  void signedIn() throws Exception {
    partnership = fixtures.partnership();
    String email = "log.attack" + System.nanoTime() + "@test.example";
    accounts.addMember(partnership, email, "Log Attack", Role.PARTNERSHIP_ADMIN, Fixtures.PASSWORD);
    browser = new HttpBrowser(port);
    assertThat(browser.signIn(email, Fixtures.PASSWORD, null).statusCode()).isEqualTo(302);
  }

  @Test
  void anAddressWithAPersonsEmailInItIsNotLoggedWhenItIsNotFound(CapturedOutput output)
      throws Exception {
    HttpResponse<String> missing =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/p/"
                            + partnership.slug()
                            + "/people/"
                            + VICTIM))
                .header("Accept", "text/html")
                .header("Cookie", browser.cookie())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(404);
    String id = missing.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(RequestLogIntegrationTests.linesOf(output, id)).isNotEmpty();
    assertThat(output.getAll()).doesNotContain("jane.victim");
  }

  @Test
  void anUnblockLinkPostedWithoutItsFormTokenIsNotLogged(CapturedOutput output) throws Exception {
    String token = "Zq7mW2sKpL9xV4nB8cT1yR6uE3oA5dFh";
    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/sign-in/unblock/" + token))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    String id = refused.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(RequestLogIntegrationTests.linesOf(output, id)).isNotEmpty();
    assertThat(output.getAll()).doesNotContain(token);
  }

  @Test
  void aBrokenUploadLogsNeitherItsFileNameNorItsContent(CapturedOutput output) throws Exception {
    String boundary = "----attack" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"referrals-"
            + VICTIM
            + ".csv\"\r\nContent-Type: text/csv\r\n\r\nname,email\r\nJane Victim,"
            + VICTIM
            + "\r\n"; // never closed
    HttpResponse<String> broken =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/p/" + partnership.slug() + "/plans/import"))
                .header("Accept", "text/html")
                .header("Cookie", browser.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(broken.statusCode()).isBetween(400, 499);
    assertThat(output.getAll()).doesNotContain("jane.victim").doesNotContain("Jane Victim");
  }

  @Test
  void aRequestIdWithALineBreakUnicodeOrGreatLengthNeverReachesTheLog(CapturedOutput output)
      throws Exception {
    String forged = "AAAA\r\n2026-01-01 INFO org.ccrhub.request : request=FORGED";
    for (String sent :
        new String[] {
          forged, "ΑΒΓ\u202eDEF", "x".repeat(10_000), "id\u0000nul", "ok-id\tFORGEDTAB"
        }) {
      try (Socket socket = new Socket("localhost", port)) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET /readyz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: "
                    + sent
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain("FORGED").doesNotContain("ΑΒΓ");
      }
    }
    // Tomcat itself refuses the header with the line break, quoting it on its own log line (its
    // message): no line of the log starts with the forged text, nor is it ever a request's id
    assertThat(output.getAll().lines())
        .noneMatch(line -> line.startsWith("2026-01-01"))
        .noneMatch(line -> line.contains("request=FORGED") && !line.contains("RFC 9112"))
        .noneMatch(line -> line.contains("ΑΒΓ"))
        .noneMatch(line -> line.contains("x".repeat(100)))
        .noneMatch(line -> line.contains("FORGEDTAB"));
  }
}
