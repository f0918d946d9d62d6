package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
  private final ServerProcesses processes = new ServerProcesses();
  private int started;

  @AfterEach
  void stopEverything() throws Exception {
    processes.stopAll();
    postmaster().ifPresent(ProcessHandle::destroy);
  }

  @Test
  void afterTheServerIsKilledTheNextStartWorksAndKeepsEveryCommittedChange() throws Exception {
    int port = freePort();
    Process first = serve(port);
    awaitHealthy(port, first);

    ServerProcesses.Result created =
        command("partnership", "create", "--slug", "survivor", "--name", "Survivor CSP");
    assertThat(created.exitCode()).as(created.output()).isZero();

    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hooks run
    Optional<ProcessHandle> orphan = postmaster();
    assertThat(orphan).as("PostgreSQL outlives a killed JVM").isPresent();

    Process second = serve(port);
    awaitHealthy(port, second);
    assertThat(orphan.get().isAlive()).as("the orphaned server was stopped").isFalse();

    ServerProcesses.Result listed = command("partnership", "list");
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
    return processes.start(
        dataDir.resolveSibling(dataDir.getFileName() + "-serve-" + started++ + ".log"),
        "serve",
        "--port",
        String.valueOf(port),
        "--ccr.data-dir=" + dataDir);
  }

  private ServerProcesses.Result command(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--ccr.data-dir=" + dataDir);
    return processes.run(all.toArray(String[]::new));
  }

  private void awaitHealthy(int port, Process process) throws Exception {
    processes.awaitHealthy(port, process);
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
    return ServerProcesses.freePort();
  }
}
