package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.ccrhub.CcrHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * nginx talks HTTP/1.0 to the servers behind it unless told otherwise, and for HTTP/1.0 Tomcat
 * would make every redirect absolute again from the Host header: behind a proxy on another port,
 * people would be sent to a port nothing listens on, and a forged Host would lead elsewhere.
 */
@CcrHubTest
class HttpOneRedirectsIntegrationTests {

  @LocalServerPort int port;

  @Test
  void aRedirectToAnHttpOneRequestIsRelativeWhateverItsHostHeader() throws Exception {
    String response =
        send(
            "GET /p/somewhere HTTP/1.0\r\nHost: evil.example:8099\r\nX-Forwarded-Proto: http\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 302").contains("\r\nLocation: /sign-in\r\n");
    assertThat(response).doesNotContain("evil.example");
  }

  private String send(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
