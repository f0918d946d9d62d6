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
import java.util.Comparator;
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
import java.util.stream.Collectors;
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
 * a minute, and at shutdown). Several processes on one data directory (the server and an admin
 * command) merge their heads into the one file under a file lock.
 */
@Component
class AuditCheckpoints implements DisposableBean {

  static final String FILE_NAME = "audit-checkpoint";
  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
  private static final Duration COALESCE = Duration.ofMillis(200);
  private static final Duration LOG_EVERY = Duration.ofMinutes(1);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** File locks belong to the whole JVM: contexts in one JVM (tests) take turns here first. */
  private static final Object JVM_LOCK = new Object();

  private final Path file;
  private final Path lockFile;
  private final AuditKey key;
  private final JdbcClient jdbc;
  private final Set<AuditCheckpoint.Head> reported = ConcurrentHashMap.newKeySet();
  private final Map<Long, AuditCheckpoint.Head> pending = new ConcurrentHashMap<>();
  private final Map<Long, AuditCheckpoint.Head> unlogged = new ConcurrentHashMap<>();
  private final AtomicBoolean writeScheduled = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "audit-checkpoint");
            thread.setDaemon(true);
            return thread;
          });

  AuditCheckpoints(@Value("${ccr.data-dir}") String dataDirectory, AuditKey key, JdbcClient jdbc) {
    this.jdbc = jdbc;
    Path directory = Path.of(dataDirectory).toAbsolutePath();
    this.file = directory.resolve(FILE_NAME);
    this.lockFile = directory.resolve(FILE_NAME + ".lock");
    this.key = key;
  }

  Path file() {
    return file;
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

  /** Writes what has been recorded so far, merged with the file as it is now. */
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
        AuditCheckpoint current = currentOrSetAside();
        AuditCheckpoint merged =
            current.merge(heads.stream().filter(head -> follows(current, head)).toList());
        if (!merged.equals(current)) {
          replace(merged.write(key));
        }
        heads.forEach(head -> pending.remove(head.chain(), head));
      }
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

  /** The checkpoint as last written, if there is one. */
  Optional<AuditCheckpoint> latest() throws IOException {
    synchronized (JVM_LOCK) {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      return Optional.of(AuditCheckpoint.read(Files.readString(file), key));
    }
  }

  private AuditCheckpoint currentOrSetAside() throws IOException {
    if (!Files.exists(file)) {
      return AuditCheckpoint.empty(key);
    }
    try {
      return AuditCheckpoint.read(Files.readString(file), key);
    } catch (AuditCheckpoint.Unreadable e) {
      Path aside = file.resolveSibling(FILE_NAME + ".unreadable-" + Instant.now().getEpochSecond());
      Files.move(file, aside);
      log.error(
          "The audit checkpoint {} cannot be used: {}. It was moved to {} and a new one started",
          file,
          e.getMessage(),
          aside);
      return AuditCheckpoint.empty(key);
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
    log.info(
        "Audit checkpoint: {}",
        heads.stream()
            .sorted(Comparator.comparingLong(AuditCheckpoint.Head::chain))
            .map(
                h ->
                    "%s at record %d (number %d, hash %s)"
                        .formatted(AuditChain.where(h.chain()), h.recordId(), h.number(), h.hash()))
            .collect(Collectors.joining("; ")));
    heads.forEach(head -> unlogged.remove(head.chain(), head));
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
