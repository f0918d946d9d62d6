package org.ccrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class HealthProbeTests {

  @Test
  void readsTheStatusOfTheHealthEndpointAndNothingWhenNoServerAnswers() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/readyz",
        exchange -> {
          byte[] body = "{\"status\":\"DOWN\"}".getBytes();
          exchange.sendResponseHeaders(503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    int port = server.getAddress().getPort();
    try {
      assertThat(HealthProbe.status(URI.create("http://127.0.0.1:" + port + "/readyz")))
          .isEqualTo(503);
    } finally {
      server.stop(0);
    }
    assertThat(HealthProbe.status(URI.create("http://127.0.0.1:" + port + "/readyz")))
        .isEqualTo(-1);
  }
}
