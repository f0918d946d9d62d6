package org.ccrhub.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose files live in the data directory, so that data survives restarts.
 *
 * <p>The library's defaults suit throwaway test databases (fsync and synchronous commit off); this
 * server runs with them on, because a partnership's records must survive a power cut.
 *
 * <p>One CCR Hub process owns the server and holds {@code owner.lock} while it runs. Another
 * process on the same data directory (an admin command while the server is up) connects to the
 * running server instead of starting a second one. A server left running by a killed owner is
 * stopped cleanly and started again by the next owner.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "ccrhub";
  static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final @Nullable FileChannel lockChannel;
  private final @Nullable FileLock ownerLock;
  private final @Nullable EmbeddedPostgres server;
  private final int port;

  private EmbeddedDatabase(
      @Nullable FileChannel lockChannel,
      @Nullable FileLock ownerLock,
      @Nullable EmbeddedPostgres server,
      int port) {
    this.lockChannel = lockChannel;
    this.ownerLock = ownerLock;
    this.server = server;
    this.port = port;
  }

  static EmbeddedDatabase start(Path dataDirectory) {
    try {
      Path pgData = dataDirectory.resolve("postgres");
      Files.createDirectories(pgData);
      FileChannel channel =
          FileChannel.open(
              dataDirectory.resolve("owner.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        int port =
            runningServerPort(pgData)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Another CCR Hub process holds "
                                + dataDirectory
                                + " but its database is not running"));
        log.info("Using the database server of the CCR Hub process running on {}", pgData);
        EmbeddedDatabase database = new EmbeddedDatabase(null, null, null, port);
        database.createDatabaseIfMissing();
        return database;
      }
      stopServerLeftRunning(pgData);
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "40")
              .setServerConfig("listen_addresses", "localhost")
              .setLocaleConfig("locale", "C")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setRegisterShutdownHook(false)
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(channel, lock, server, server.getPort());
      database.createDatabaseIfMissing();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  /** The owner lock, or null when another process (or another context in this one) holds it. */
  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  private void createDatabaseIfMissing() {
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(url, USER, "");
        Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
        if (rs.next()) {
          return;
        }
      }
      statement.execute("create database " + DATABASE);
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another process
        throw new IllegalStateException("Could not create the CCR Hub database", e);
      }
    }
  }

  /** The port of a live server on this data directory, from its postmaster.pid. */
  private static Optional<Integer> runningServerPort(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    Instant deadline = Instant.now().plusSeconds(60);
    // The owner may still be starting its server: wait for the pid file to show a port.
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(pidFile)) {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
          return Optional.of(Integer.parseInt(lines.get(3).trim()));
        }
      }
      sleep(Duration.ofMillis(200));
    }
    return Optional.empty();
  }

  /**
   * A CCR Hub process killed without a chance to stop its database leaves the server running (it is
   * a separate process). Nobody else holds the owner lock, so nobody uses that server: stop it so
   * that it shuts down cleanly and this process can start its own.
   */
  private static void stopServerLeftRunning(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (process.isEmpty()) {
      return; // a stale pid file: PostgreSQL itself recovers from it
    }
    log.warn("Stopping the database server (pid {}) left running by a stopped process", pid);
    ProcessHandle handle = process.get();
    handle.destroy(); // SIGTERM: a smart shutdown, which completes with no clients connected
    Instant deadline = Instant.now().plusSeconds(60);
    while (handle.isAlive() && Instant.now().isBefore(deadline)) {
      sleep(Duration.ofMillis(100));
    }
    if (handle.isAlive()) {
      log.warn("The database server did not stop in time; killing it (it recovers on start)");
      handle.destroyForcibly();
      sleep(Duration.ofSeconds(1));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the database", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
    if (ownerLock != null) {
      ownerLock.release();
    }
    if (lockChannel != null) {
      lockChannel.close();
    }
  }
}
