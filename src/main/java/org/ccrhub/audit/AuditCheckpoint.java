package org.ccrhub.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The newest record of each chain of the audit trail, as CCR Hub saw it, kept outside the database
 * (in the data directory and the application log). Someone who removes the newest records, empties
 * a chain or truncates the table leaves the database behind its checkpoint, which {@code audit
 * verify} reports. A checkpoint may lag behind the database (it is written just after commit), but
 * never run ahead of it.
 *
 * <p>A checkpoint is begun once, at the first start of a new trail (with no chains yet), and after
 * that only an administrator starts a new one ({@code audit checkpoint restart}, which says why).
 * So every chain with records from before the checkpoint was begun must be in it.
 *
 * <p>Its text ends with an HMAC under the audit key, so a hand-edited checkpoint is recognised.
 *
 * @param keyFingerprint the fingerprint of the key the trail was written with
 * @param started when this checkpoint was begun, or null for one written before CCR Hub said so
 * @param restart why an administrator started it, if it replaced an earlier one
 * @param heads the newest record of each chain, by chain
 */
record AuditCheckpoint(
    String keyFingerprint,
    @Nullable Instant started,
    @Nullable Restart restart,
    Map<Long, Head> heads) {

  private static final String HEADER =
      """
      # CCR Hub audit checkpoint: the newest audit record of each chain, written as the trail grows.
      # Do not edit: `audit verify` compares the database with it (ADR 11).
      """;
  private static final Pattern KEY = Pattern.compile("key ([0-9a-f]{16})");
  private static final Pattern STARTED = Pattern.compile("started (\\S+)");
  private static final Pattern RESTARTED = Pattern.compile("restarted because (.+)");
  private static final Pattern PREVIOUS = Pattern.compile("previous (\\S+)");
  private static final Pattern CHAIN =
      Pattern.compile("chain (\\d+) number (\\d+) record (\\d+) hash ([0-9a-f]{64}) at (\\S+)");
  private static final Pattern MAC = Pattern.compile("mac ([0-9a-f]{64})");

  /**
   * The newest record of one chain.
   *
   * @param chain the partnership's id, or 0 for records with no partnership
   * @param number the record's number in its chain (1 for the first)
   * @param recordId the record's id in the table
   * @param hash the record's hash
   * @param checkpointedAt when CCR Hub saw it committed
   */
  record Head(long chain, long number, long recordId, String hash, Instant checkpointedAt) {}

  /**
   * Why an administrator started this checkpoint in place of an earlier one, at {@link #started}.
   *
   * @param reason what the administrator said, on one line
   * @param previous the name the earlier checkpoint is kept under, or null if there was none
   */
  record Restart(String reason, @Nullable String previous) {
    Restart {
      reason =
          reason
              .replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\x{FFFE}\\x{FFFF}\\x{D800}-\\x{DFFF}]+", " ")
              .strip();
    }
  }

  /** The checkpoint cannot be used: changed by hand, damaged, or written with another key. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String reason) {
      super(reason);
    }
  }

  AuditCheckpoint {
    heads = Collections.unmodifiableMap(new TreeMap<>(heads));
  }

  AuditCheckpoint(String keyFingerprint, Map<Long, Head> heads) {
    this(keyFingerprint, null, null, heads);
  }

  /** The checkpoint of a new trail, which has no chains yet. */
  static AuditCheckpoint begun(AuditKey key, Instant at) {
    return new AuditCheckpoint(key.fingerprint(), at, null, Map.of());
  }

  /** A checkpoint an administrator started in place of an earlier one, from these heads. */
  static AuditCheckpoint restarted(
      AuditKey key, Instant at, Restart restart, Iterable<Head> heads) {
    return new AuditCheckpoint(key.fingerprint(), at, restart, Map.of()).merge(heads);
  }

  /**
   * From when every chain with records must be in this checkpoint: when it was begun (for one
   * written before CCR Hub said so, when it first saw a record), if known.
   */
  Optional<Instant> coversFrom() {
    if (started != null) {
      return Optional.of(started);
    }
    return heads.values().stream().map(Head::checkpointedAt).min(Instant::compareTo);
  }

  /** When the newest head was checkpointed, if there is one. */
  Optional<Instant> newest() {
    return heads.values().stream().map(Head::checkpointedAt).max(Instant::compareTo);
  }

  /** This checkpoint with the other's heads where they are further along. */
  AuditCheckpoint merge(Iterable<Head> others) {
    Map<Long, Head> merged = new TreeMap<>(heads);
    for (Head head : others) {
      merged.merge(head.chain(), head, (a, b) -> b.number() > a.number() ? b : a);
    }
    return new AuditCheckpoint(keyFingerprint, started, restart, merged);
  }

  /** The text of the checkpoint file, sealed with the key. */
  String write(AuditKey key) {
    StringBuilder text = new StringBuilder(HEADER);
    text.append("key ").append(keyFingerprint).append('\n');
    if (started != null) {
      text.append("started ").append(started).append('\n');
    }
    if (restart != null) {
      text.append("restarted because ").append(restart.reason()).append('\n');
      if (restart.previous() != null) {
        text.append("previous ").append(restart.previous()).append('\n');
      }
    }
    for (Head head : heads.values()) {
      text.append(
          "chain %d number %d record %d hash %s at %s%n"
              .formatted(
                  head.chain(),
                  head.number(),
                  head.recordId(),
                  head.hash(),
                  head.checkpointedAt()));
    }
    String seal = key.mac(text.toString());
    return text.append("mac ").append(seal).append('\n').toString();
  }

  /** Reads a checkpoint written by {@link #write}, refusing one not sealed with this key. */
  static AuditCheckpoint read(String text, AuditKey key) {
    int macAt = text.lastIndexOf("\nmac ");
    if (macAt < 0) {
      throw new Unreadable("it is incomplete (it has no seal)");
    }
    String sealed = text.substring(0, macAt + 1);
    String fingerprint = null;
    Instant started = null;
    String reason = null;
    String previous = null;
    Map<Long, Head> heads = new TreeMap<>();
    for (String line : sealed.split("\n")) {
      Matcher chain = CHAIN.matcher(line);
      Matcher keyLine = KEY.matcher(line);
      Matcher startedLine = STARTED.matcher(line);
      Matcher restartedLine = RESTARTED.matcher(line);
      Matcher previousLine = PREVIOUS.matcher(line);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else if (keyLine.matches()) {
        fingerprint = keyLine.group(1);
      } else if (startedLine.matches()) {
        try {
          started = Instant.parse(startedLine.group(1));
        } catch (DateTimeParseException e) {
          throw new Unreadable("its line \"" + line + "\" is not a checkpoint line");
        }
      } else if (restartedLine.matches()) {
        reason = restartedLine.group(1);
      } else if (previousLine.matches()) {
        previous = previousLine.group(1);
      } else if (chain.matches()) {
        try {
          Head head =
              new Head(
                  Long.parseLong(chain.group(1)),
                  Long.parseLong(chain.group(2)),
                  Long.parseLong(chain.group(3)),
                  chain.group(4),
                  Instant.parse(chain.group(5)));
          heads.put(head.chain(), head);
        } catch (NumberFormatException | DateTimeParseException e) {
          throw new Unreadable("its line \"" + line + "\" is not a checkpoint line");
        }
      } else {
        throw new Unreadable("its line \"" + line + "\" is not a checkpoint line");
      }
    }
    if (fingerprint == null) {
      throw new Unreadable("it does not say which audit key it was written with");
    }
    if (!fingerprint.equals(key.fingerprint())) {
      throw new Unreadable(
          "it was written with a different audit key (fingerprint "
              + fingerprint
              + ", this key's is "
              + key.fingerprint()
              + "): ccr.audit.key or audit.key is not the key this trail was written with");
    }
    Matcher mac = MAC.matcher(text.substring(macAt + 1).strip());
    if (!mac.matches() || !mac.group(1).equals(key.mac(sealed))) {
      throw new Unreadable("it was changed after CCR Hub wrote it (its seal does not match)");
    }
    if (reason != null && started == null) {
      throw new Unreadable("it says it was restarted, but not when");
    }
    return new AuditCheckpoint(
        fingerprint, started, reason == null ? null : new Restart(reason, previous), heads);
  }
}
