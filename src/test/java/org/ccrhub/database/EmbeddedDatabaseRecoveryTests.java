package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ccrhub.CcrHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database as an operator meets it: separate JVMs, a data directory that persists, a
 * server killed with SIGKILL (which leaves PostgreSQL running, detached), and admin commands run
 * while the server is up.
 */
class EmbeddedDatabaseRecoveryTests {

  @TempDir Path dataDir;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stopEverything() throws Exception {
    for (Process process : processes) {
      if (process.isAlive()) {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    postmaster().ifPresent(ProcessHandle::destroy);
  }

  @Test
  void afterTheServerIsKilledTheNextStartWorksAndKeepsEveryCommittedChange() throws Exception {
    int port = freePort();
    Process first = serve(port);
    awaitHealthy(port, first);

    CommandResult created =
        command("partnership", "create", "--slug", "survivor", "--name", "Survivor CSP");
    assertThat(created.exitCode()).as(created.output()).isZero();

    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hooks run
    Optional<ProcessHandle> orphan = postmaster();
    assertThat(orphan).as("PostgreSQL outlives a killed JVM").isPresent();

    Process second = serve(port);
    awaitHealthy(port, second);
    assertThat(orphan.get().isAlive()).as("the orphaned server was stopped").isFalse();

    CommandResult listed = command("partnership", "list");
    assertThat(listed.output()).contains("survivor\tSurvivor CSP");

    second.destroy(); // SIGTERM: graceful shutdown stops the database cleanly
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(postmaster()).as("no database left running after a graceful stop").isEmpty();
    assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
  }

  @Test
  void commandsRunAloneStartAndStopTheDatabaseThemselvesAndDataPersists() throws Exception {
    assertThat(
            command("partnership", "create", "--slug", "alone", "--name", "Alone CSP").exitCode())
        .isZero();
    assertThat(postmaster()).isEmpty();
    assertThat(command("partnership", "list").output()).contains("alone\tAlone CSP");
  }

  private Process serve(int port) throws IOException {
    Process process =
        java("serve", "--port", String.valueOf(port), "--ccr.data-dir=" + dataDir)
            .redirectOutput(
                dataDir
                    .resolveSibling(dataDir.getFileName() + "-serve-" + processes.size() + ".log")
                    .toFile())
            .start();
    processes.add(process);
    return process;
  }

  private CommandResult command(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--ccr.data-dir=" + dataDir);
    Process process = java(all.toArray(String[]::new)).redirectErrorStream(true).start();
    processes.add(process);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new CommandResult(process.exitValue(), output);
  }

  record CommandResult(int exitCode, String output) {}

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

  private void awaitHealthy(int port, Process process) throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
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
    throw new AssertionError("server not healthy within 90 s");
  }

  /** The PostgreSQL server of this data directory, if one is running. */
  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pid = dataDir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    String first = Files.readAllLines(pid).get(0).trim();
    return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
