package org.ccrhub.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check (compose.yaml): asks the server in the same container for {@code
 * /readyz} (on the main port, wherever the management port is) and exits 0 when it answers 200
 * ({@code UP}), else 1. Plain Java without Spring, so that it starts in a fraction of a second, and
 * needs no curl in the image.
 *
 * <p>{@code java -cp '/app/classpath/*:/app/libs/*' org.ccrhub.cli.HealthProbe [PORT]}: the port is
 * the argument, else {@code SERVER_PORT}, else 8080.
 */
public final class HealthProbe {

  private HealthProbe() {}

  public static void main(String[] args) {
    String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("SERVER_PORT", "8080");
    int status = status(URI.create("http://127.0.0.1:" + port.strip() + "/readyz"));
    if (status != 200) {
      System.err.println("CCR Hub is not healthy: " + (status < 0 ? "no answer" : status));
    }
    System.exit(status == 200 ? 0 : 1);
  }

  /** The HTTP status of a GET, or -1 when nothing answers within 5 seconds. */
  static int status(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(2_000);
      connection.setReadTimeout(5_000);
      connection.setInstanceFollowRedirects(false);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
  }
}
