package org.ccrhub.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link AuditCheckpoint} outside the database as the trail grows: in {@code
 * <data-dir>/audit-checkpoint} (0600, replaced atomically and synced, a moment after each commit,
 * off the request's thread, several commits to one write) and in the application log (at most once
 * a minute, at start and at shutdown). Several processes on one data directory (the server and an
 * admin command) merge their heads into the one file under a file lock.
 *
 * <p>The file is begun only at the first start of a new trail. After that CCR Hub never starts a
 * new one by itself: a checkpoint that is missing or cannot be used is left as it is (the evidence
 * of what happened), reported once in the log and by {@code audit verify}, and the newest heads are
 * kept in memory and logged until an administrator runs {@code audit checkpoint restart}.
 */
@Component
class AuditCheckpoints implements DisposableBean {

  static final String FILE_NAME = "audit-checkpoint";
  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
  private static final Duration COALESCE = Duration.ofMillis(200);
  private static final Duration LOG_EVERY = Duration.ofMinutes(1);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final DateTimeFormatter ASIDE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** File locks belong to the whole JVM: contexts in one JVM (tests) take turns here first. */
  private static final Object JVM_LOCK = new Object();

  private final Path file;
  private final Path lockFile;
  private final AuditKey key;
  private final JdbcClient jdbc;
  private final boolean commandLine;
  private final Set<AuditCheckpoint.Head> reported = ConcurrentHashMap.newKeySet();
  private final Map<Long, AuditCheckpoint.Head> pending = new ConcurrentHashMap<>();
  private final Map<Long, AuditCheckpoint.Head> unlogged = new ConcurrentHashMap<>();
  private final AtomicReference<@Nullable String> reportedProblem = new AtomicReference<>();
  private final AtomicBoolean writeScheduled = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "audit-checkpoint");
            thread.setDaemon(true);
            return thread;
          });

  /** What the file holds when it is read. */
  sealed interface Found {
    /** A checkpoint CCR Hub wrote with this key. */
    record Usable(AuditCheckpoint checkpoint) implements Found {}

    /** No file. */
    record Missing() implements Found {}

    /** A file that is not a checkpoint CCR Hub wrote with this key, and why. */
    record Unusable(String reason) implements Found {}
  }

  /**
   * A checkpoint an administrator started in place of the file that was there.
   *
   * @param checkpoint the new checkpoint
   * @param before what the file held before
   * @param keptAs where the earlier file is kept, if there was one
   */
  record Restarted(AuditCheckpoint checkpoint, Found before, Optional<Path> keptAs) {}

  AuditCheckpoints(
      @Value("${ccr.data-dir}") String dataDirectory,
      AuditKey key,
      JdbcClient jdbc,
      @Value("${ccr.command-line:false}") boolean commandLine) {
    this.jdbc = jdbc;
    this.commandLine = commandLine;
    Path directory = Path.of(dataDirectory).toAbsolutePath();
    this.file = directory.resolve(FILE_NAME);
    this.lockFile = directory.resolve(FILE_NAME + ".lock");
    this.key = key;
  }

  Path file() {
    return file;
  }

  /**
   * At start-up, before anything is recorded: begins the checkpoint of a new trail, or reports a
   * missing or unusable one and logs the heads of a usable one. A trail is new when it has no keyed
   * records, the data directory has no trace of a checkpoint (neither the file nor its lock), and
   * the audit key was not kept from an earlier start: then there is nothing a checkpoint should
   * have held. Otherwise a missing file was removed, and starting a new one would hide that.
   *
   * <p>Returns whether the trail is new, and so the only time records written before keyed hashing
   * may be sealed.
   *
   * <p>A command does not log a problem at start: {@code audit verify} and {@code audit checkpoint
   * restart} say it themselves, and a command that records something reports it when it writes.
   */
  boolean open() {
    synchronized (JVM_LOCK) {
      boolean traces = Files.exists(file) || Files.exists(lockFile);
      try {
        Files.createDirectories(file.getParent());
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          Found found = read();
          if (found instanceof Found.Usable usable) {
            logHeads(usable.checkpoint().heads().values());
          } else if (found instanceof Found.Unusable unusable) {
            if (!commandLine) {
              reportUnusable(unusable.reason());
            }
          } else if (!traces && key.origin() != AuditKey.Origin.KEPT && !hasKeyedRecords()) {
            replace(
                AuditCheckpoint.begun(key, Instant.now().truncatedTo(ChronoUnit.MICROS))
                    .write(key));
            log.info("Began the audit checkpoint {} for a new audit trail", file);
            return true;
          } else if (!commandLine) {
            reportMissing();
          }
        }
      } catch (IOException e) {
        log.error("Could not open the audit checkpoint {}", file, e);
      }
      return false;
    }
  }

  private boolean hasKeyedRecords() {
    return jdbc.sql("select exists (select 1 from audit_event where chain_seq is not null)")
        .query(Boolean.class)
        .single();
  }

  /** A record was committed: it becomes the head of its chain in the next write. */
  void recorded(AuditCheckpoint.Head head) {
    pending.merge(head.chain(), head, AuditCheckpoints::further);
    unlogged.merge(head.chain(), head, AuditCheckpoints::further);
    try {
      if (started.compareAndSet(false, true)) {
        writer.scheduleWithFixedDelay(
            this::logHeads, LOG_EVERY.toMillis(), LOG_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (writeScheduled.compareAndSet(false, true)) {
        writer.schedule(this::writeInBackground, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException e) {
      writeInBackground(); // shutting down: write now
    }
  }

  private static AuditCheckpoint.Head further(AuditCheckpoint.Head a, AuditCheckpoint.Head b) {
    return b.number() > a.number() ? b : a;
  }

  private void writeInBackground() {
    writeScheduled.set(false);
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      log.error(
          "Could not write the audit checkpoint {}; it will be tried again with the next record",
          file,
          e);
    }
  }

  /**
   * Writes what has been recorded so far, merged with the file as it is now. A missing or unusable
   * file is left as it is (and reported once); the heads stay in memory for a later write.
   */
  void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    synchronized (JVM_LOCK) {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        List<AuditCheckpoint.Head> heads = List.copyOf(pending.values());
        Found found = read();
        if (found instanceof Found.Unusable unusable) {
          reportUnusable(unusable.reason());
        } else if (!(found instanceof Found.Usable usable)) {
          reportMissing();
        } else {
          if (reportedProblem.getAndSet(null) != null) {
            log.info("The audit checkpoint {} can be used again", file);
          }
          AuditCheckpoint current = usable.checkpoint();
          AuditCheckpoint merged =
              current.merge(heads.stream().filter(head -> follows(current, head)).toList());
          if (!merged.equals(current)) {
            replace(merged.write(key));
          }
          heads.forEach(head -> pending.remove(head.chain(), head));
        }
      }
    }
  }

  private void reportMissing() {
    report(
        "The audit checkpoint "
            + file
            + " is missing: CCR Hub wrote it at its first start, so it was removed (or this data"
            + " directory is new to an audit trail that already has records). CCR Hub does not"
            + " start a new one by itself; it keeps the newest record of each chain in this log"
            + " until an administrator checks the trail and runs: audit checkpoint restart --reason"
            + " \"WHY\"");
  }

  private void reportUnusable(String reason) {
    report(
        "The audit checkpoint "
            + file
            + " cannot be used: "
            + reason
            + ". CCR Hub leaves it as it is and does not replace it; it keeps the newest record of"
            + " each chain in this log until an administrator checks the trail and runs: audit"
            + " checkpoint restart --reason \"WHY\"");
  }

  /** Logs a problem with the file once, not at every write, until the file can be used again. */
  private void report(String problem) {
    if (!problem.equals(reportedProblem.getAndSet(problem))) {
      log.error(problem);
    }
  }

  /**
   * Whether the head may replace the checkpointed one of its chain: only if the checkpointed record
   * is still in the database as it was. Otherwise records were removed or rewritten, and new ones
   * appended since must not cover that up: the checkpoint keeps the old head as evidence.
   */
  private boolean follows(AuditCheckpoint current, AuditCheckpoint.Head head) {
    AuditCheckpoint.Head checkpointed = current.heads().get(head.chain());
    if (checkpointed == null || checkpointed.number() >= head.number()) {
      return true;
    }
    boolean stillThere =
        jdbc.sql(
                """
                select exists (select 1 from audit_event
                  where coalesce(partnership_id, 0) = :chain and chain_seq = :number
                    and id = :id and hash = :hash)
                """)
            .param("chain", checkpointed.chain())
            .param("number", checkpointed.number())
            .param("id", checkpointed.recordId())
            .param("hash", checkpointed.hash())
            .query(Boolean.class)
            .single();
    if (!stillThere && reported.add(checkpointed)) {
      log.error(
          "The audit trail of {} no longer has record {} (number {}), checkpointed on {}: records"
              + " were removed or rewritten. The checkpoint keeps it; run audit verify",
          AuditChain.where(checkpointed.chain()),
          checkpointed.recordId(),
          checkpointed.number(),
          checkpointed.checkpointedAt());
    }
    return stillThere;
  }

  /**
   * The checkpoint file's bytes as they are now, read under its lock (so never half-written), or
   * empty when there is none. For a backup, which reads it before its database snapshot begins.
   */
  static Optional<byte[]> readLocked(Path dataDirectory) throws IOException {
    Path directory = dataDirectory.toAbsolutePath();
    Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    synchronized (JVM_LOCK) {
      try (FileChannel channel =
              FileChannel.open(
                  directory.resolve(FILE_NAME + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
      }
    }
  }

  /** The file as it is now. */
  Found latest() {
    synchronized (JVM_LOCK) {
      return read();
    }
  }

  private Found read() {
    if (!Files.exists(file)) {
      return new Found.Missing();
    }
    try {
      return new Found.Usable(AuditCheckpoint.read(Files.readString(file), key));
    } catch (AuditCheckpoint.Unreadable e) {
      return new Found.Unusable(e.getMessage());
    } catch (IOException e) {
      return new Found.Unusable("it cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Starts a new checkpoint in place of the file, which is kept under a name with the time. The
   * heads come from the function, given what the file holds; it may refuse by throwing. Both happen
   * under the file lock, so no other process writes the file meanwhile.
   */
  Restarted restart(String reason, Function<Found, List<AuditCheckpoint.Head>> heads)
      throws IOException {
    synchronized (JVM_LOCK) {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Found before = read();
        List<AuditCheckpoint.Head> verified = heads.apply(before);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Path> keptAs = Optional.empty();
        if (Files.exists(file)) {
          Path aside = file.resolveSibling(FILE_NAME + ".replaced-" + ASIDE.format(now));
          for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(FILE_NAME + ".replaced-" + ASIDE.format(now) + "-" + n);
          }
          Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
          keptAs = Optional.of(aside);
        }
        AuditCheckpoint restarted =
            AuditCheckpoint.restarted(
                key,
                now,
                new AuditCheckpoint.Restart(
                    reason, keptAs.map(p -> p.getFileName().toString()).orElse(null)),
                verified);
        replace(restarted.write(key));
        reportedProblem.set(null);
        log.warn(
            "Restarted the audit checkpoint {} because: {}. {}",
            file,
            restarted.restart().reason(),
            keptAs.map(p -> "The one before it is kept as " + p).orElse("There was none before."));
        logHeads(restarted.heads().values());
        return new Restarted(restarted, before, keptAs);
      }
    }
  }

  private void replace(String text) throws IOException {
    Path temporary = file.resolveSibling(FILE_NAME + ".new");
    Files.deleteIfExists(temporary);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            attributes)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // not every platform can sync a directory; the rename itself has happened
    }
  }

  private void logHeads() {
    if (unlogged.isEmpty()) {
      return;
    }
    List<AuditCheckpoint.Head> heads = List.copyOf(unlogged.values());
    logHeads(heads);
    heads.forEach(head -> unlogged.remove(head.chain(), head));
  }

  private static void logHeads(Collection<AuditCheckpoint.Head> heads) {
    if (!heads.isEmpty()) {
      log.info("{}{}", AuditCheckpointLog.PREFIX, AuditCheckpointLog.line(heads));
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    writer.shutdown(); // a write already scheduled still runs
    writer.awaitTermination(10, TimeUnit.SECONDS);
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      log.error("Could not write the audit checkpoint {} at shutdown", file, e);
    }
    logHeads();
  }
}
