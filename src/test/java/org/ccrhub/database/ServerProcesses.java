package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ccrhub.CcrHub;

/**
 * CCR Hub started as an operator starts it, in a JVM of its own (the test's classpath), so that it
 * can be killed with SIGKILL. Every process started is stopped by {@link #stopAll()}.
 */
final class ServerProcesses {

  private final List<Process> started = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Starts {@code ccr-hub ARGS}, its output to {@code log} (errors to the test's). */
  Process start(Path log, String... args) throws IOException {
    Process process = java(args).redirectOutput(log.toFile()).start();
    started.add(process);
    return process;
  }

  /** Runs {@code ccr-hub ARGS} to the end; its exit code and output. */
  Result run(String... args) throws Exception {
    Process process = java(args).redirectErrorStream(true).start();
    started.add(process);
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  record Result(int exitCode, String output) {}

  void stopAll() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Waits until the server answers its health check with UP, failing if it exits first. */
  void awaitHealthy(int port, Process process) throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("server process exited early").isTrue();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("server not healthy within 120 s");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ProcessBuilder java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CcrHub.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
  }
}
