package org.ccrhub.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose files live in the data directory, so that data survives restarts.
 *
 * <p>The library's defaults suit throwaway test databases (fsync and synchronous commit off); this
 * server runs with them on, because a partnership's records must survive a power cut.
 *
 * <p>The library also sets a server up for any local user: {@code trust} for every connection, a
 * socket in {@code /tmp}, binaries unpacked in a world-writable directory. This server is private
 * to the data directory's owner instead (ADR 9): the data directory is {@code 0700}; the binaries
 * are unpacked inside it; the socket is in {@code run/} inside it; the server listens on 127.0.0.1
 * only; every connection, socket or TCP, needs a password (SCRAM); and the passwords are in a
 * {@code 0600} file ({@link DatabasePasswords}). The superuser is used only here, to create the
 * schema owner, which runs migrations, and the application's role, which has only the privileges it
 * needs ({@link LeastPrivilege}). A data directory from before this is secured in place at its next
 * start.
 *
 * <p>One CCR Hub process owns the server and holds {@code owner.lock} while it runs. Another
 * process on the same data directory (an admin command while the server is up) connects to the
 * running server instead of starting a second one. A server left running by a killed owner is
 * stopped cleanly and started again by the next owner.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "ccrhub";
  static final String SUPERUSER = "postgres";
  static final String OWNER = "ccrhub_owner";
  static final String APP = "ccrhub_app";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** Only password sign-in, over the private socket or from this machine. */
  static final String HBA =
      """
      # Written by CCR Hub at every start of its embedded server: edits here are lost.
      # Every connection needs a role's password (see database.passwords, readable by the owner only).
      local   all   all                  scram-sha-256
      host    all   all   127.0.0.1/32   scram-sha-256
      """;

  private final @Nullable FileChannel lockChannel;
  private final @Nullable FileLock ownerLock;
  private final @Nullable EmbeddedPostgres server;
  private final int port;
  private final DatabasePasswords passwords;

  private EmbeddedDatabase(
      @Nullable FileChannel lockChannel,
      @Nullable FileLock ownerLock,
      @Nullable EmbeddedPostgres server,
      int port,
      DatabasePasswords passwords) {
    this.lockChannel = lockChannel;
    this.ownerLock = ownerLock;
    this.server = server;
    this.port = port;
    this.passwords = passwords;
  }

  static EmbeddedDatabase start(Path dataDirectory) {
    try {
      DataDirectoryOwner.check(dataDirectory);
      Files.createDirectories(dataDirectory);
      DatabasePasswords.restrict(dataDirectory, DatabasePasswords.OWNER_ONLY_DIRECTORY);
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
        DatabasePasswords passwords = DatabasePasswords.in(dataDirectory);
        if (!passwords.saved()) {
          throw new IllegalStateException(
              "The database server running on "
                  + dataDirectory
                  + " was started by an older CCR Hub: stop it, start CCR Hub again, then rerun"
                  + " the command");
        }
        log.info("Using the database server of the CCR Hub process running on {}", pgData);
        return new EmbeddedDatabase(null, null, null, port, passwords);
      }
      stopServerLeftRunning(pgData);
      DatabasePasswords passwords = DatabasePasswords.in(dataDirectory);
      Path socketDirectory = dataDirectory.resolve("run");
      Files.createDirectories(socketDirectory);
      DatabasePasswords.restrict(socketDirectory, DatabasePasswords.OWNER_ONLY_DIRECTORY);
      Path binaries = dataDirectory.resolve("postgres-binaries");
      EmbeddedPostgres server =
          builderWorkingIn(binaries)
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(binaries.toFile())
              .setPgBinaryResolver(new PrivateBinaries())
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "40")
              .setServerConfig("listen_addresses", "127.0.0.1")
              // relative to the cluster directory: ccr-data/run, whatever the path's length
              .setServerConfig("unix_socket_directories", "../run")
              .setServerConfig("unix_socket_permissions", "0700")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setLocaleConfig("locale", "C")
              .setConnectConfig("password", passwords.of(SUPERUSER))
              .setDataDirectoryCustomizer(cluster -> secure(cluster.toPath(), binaries, passwords))
              .setPGStartupWait(Duration.ofSeconds(60))
              .setRegisterShutdownHook(false)
              .start();
      // the library leaves the directory it unpacks into writable by everyone
      DatabasePasswords.restrict(binaries, DatabasePasswords.OWNER_ONLY_DIRECTORY);
      EmbeddedDatabase database =
          new EmbeddedDatabase(channel, lock, server, server.getPort(), passwords);
      database.prepareRoles();
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  /**
   * A builder whose working directory is this data directory's, not the library's shared {@code
   * /tmp/embedded-pg}: at every start the library "cleans" its working directory, stopping the
   * server named by any {@code postmaster.pid} it finds there and deleting the folder, so another
   * user could make it signal any process and delete files. The library reads its working directory
   * from a system property when the builder is made.
   */
  private static synchronized EmbeddedPostgres.Builder builderWorkingIn(Path binaries)
      throws IOException {
    Files.createDirectories(binaries);
    String property = "ot.epg.working-dir";
    String previous = System.getProperty(property);
    System.setProperty(property, binaries.toString());
    try {
      return EmbeddedPostgres.builder();
    } finally {
      if (previous == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, previous);
      }
    }
  }

  /**
   * Before every start of the server: only password sign-in, and, the first time (a new cluster, or
   * one from before passwords), the superuser's password set in single-user mode, so that the
   * server never accepts a connection without one.
   */
  private static void secure(Path pgData, Path binaries, DatabasePasswords passwords) {
    try {
      Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
      if (!passwords.saved()) {
        setSuperuserPassword(pgData, binaries, passwords.of(SUPERUSER));
        passwords.save();
        log.info(
            "The embedded database's roles have new passwords, in database.passwords (readable by this user only)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not secure the embedded PostgreSQL server", e);
    }
  }

  private static void setSuperuserPassword(Path pgData, Path binaries, String password)
      throws IOException {
    String statement;
    try {
      // the SCRAM verifier is computed here: the password itself never leaves this process
      statement =
          PasswordUtil.genAlterUserPasswordSQL(SUPERUSER, password.toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not encode the database password", e);
    }
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U")); // as the library runs PostgreSQL when root
    }
    command.addAll(
        List.of(
            postgresBinary(binaries).toString(),
            "--single",
            "-D",
            pgData.toString(),
            "-c",
            "listen_addresses=",
            "postgres"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)
          || process.exitValue() != 0
          || output.contains("ERROR:")) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Could not set the database superuser's password in single-user mode: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while securing the database", e);
    }
  }

  /** The server binary the library unpacked into the data directory (the newest, after updates). */
  private static Path postgresBinary(Path binaries) throws IOException {
    try (Stream<Path> unpacked = Files.list(binaries)) {
      return unpacked
          .filter(dir -> dir.getFileName().toString().startsWith("PG-"))
          .map(dir -> dir.resolve("bin").resolve("postgres"))
          .filter(Files::isExecutable)
          .max(Comparator.comparing(EmbeddedDatabase::modified))
          .orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries in " + binaries));
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path.getParent().getParent().resolve(".exists"));
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * The schema owner and the application's role, with their passwords from the file, and the
   * database owned by the schema owner. A database from before these roles (owned, with all its
   * tables, by the superuser) is handed to the schema owner.
   */
  private void prepareRoles() {
    try (Connection connection = connect(SUPERUSER, "postgres");
        Statement statement = connection.createStatement()) {
      for (String role : List.of(OWNER, APP)) {
        if (!exists(statement, "select 1 from pg_roles where rolname = '" + role + "'")) {
          statement.execute("create role " + role);
        }
        statement.execute(
            "alter role "
                + role
                + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
        statement.execute(
            PasswordUtil.genAlterUserPasswordSQL(
                role, passwords.of(role).toCharArray(), "scram-sha-256"));
      }
      if (!exists(statement, "select 1 from pg_database where datname = '" + DATABASE + "'")) {
        statement.execute("create database " + DATABASE + " owner " + OWNER);
      } else {
        statement.execute("alter database " + DATABASE + " owner to " + OWNER);
      }
      statement.execute("revoke all on database " + DATABASE + " from public");
      statement.execute("grant connect, temporary on database " + DATABASE + " to " + APP);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the CCR Hub database roles", e);
    }
    try (Connection connection = connect(SUPERUSER, DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute(HAND_OVER_TO_OWNER);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not hand the CCR Hub tables to their owner", e);
    }
  }

  /** Everything in schema public that the superuser owns (from before the owner role existed). */
  private static final String HAND_OVER_TO_OWNER =
      """
      do $$
      declare
        object record;
      begin
        if (select nspowner::regrole::text from pg_namespace where nspname = 'public') = 'postgres'
        then
          alter schema public owner to ccrhub_owner;
        end if;
        for object in
          select c.relname, c.relkind from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relowner = 'postgres'::regrole
            and c.relkind in ('r', 'p', 'v', 'm', 'f')
        loop
          execute format('alter %s public.%I owner to ccrhub_owner',
              case object.relkind when 'v' then 'view' when 'm' then 'materialized view'
                  when 'f' then 'foreign table' else 'table' end,
              object.relname);
        end loop;
        -- sequences not owned by a column (those move with their table)
        for object in
          select c.relname, c.relkind from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relowner = 'postgres'::regrole and c.relkind = 'S'
            and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
        loop
          execute format('alter sequence public.%I owner to ccrhub_owner', object.relname);
        end loop;
        for object in
          select p.oid::regprocedure::text as signature, p.prokind from pg_proc p
          join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.proowner = 'postgres'::regrole
        loop
          execute format('alter %s %s owner to ccrhub_owner',
              case object.prokind when 'p' then 'procedure' when 'a' then 'aggregate'
                  else 'function' end,
              object.signature);
        end loop;
        for object in
          select t.typname from pg_type t
          join pg_namespace n on n.oid = t.typnamespace
          where n.nspname = 'public' and t.typowner = 'postgres'::regrole
            and t.typtype in ('e', 'd', 'c', 'r') and t.typrelid = 0
        loop
          execute format('alter type public.%I owner to ccrhub_owner', object.typname);
        end loop;
      end
      $$
      """;

  private static boolean exists(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      return rs.next();
    }
  }

  private Connection connect(String role, String database) throws SQLException {
    return DriverManager.getConnection(url(database), role, passwords.of(role));
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
    return url(DATABASE);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The password of one of the roles: {@link #OWNER} for migrations, {@link #APP} for the rest. */
  String passwordOf(String role) {
    return passwords.of(role);
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

  /**
   * The library's binaries, unpacked into this data directory rather than a shared one in {@code
   * /tmp} where another user could plant their own. The library unpacks once per resolver and
   * process, so each data directory gets a resolver of its own.
   */
  private static final class PrivateBinaries implements PgBinaryResolver {
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
      return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }
  }
}
