package org.ccrhub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ccrhub.shared.InvalidInputException;

/**
 * The copy of the checkpoint in the application log: lines such as {@code Audit checkpoint:
 * partnership 17 at record 1250 (number 45, hash …); records with no partnership at record 1251
 * (number 300, hash …)}. The log usually leaves the machine (journald, a log service), so it
 * survives when the database and the data directory are both rolled back to an earlier backup,
 * which the checkpoint file alone cannot show.
 */
final class AuditCheckpointLog {

  static final String PREFIX = "Audit checkpoint: ";
  private static final Pattern HEAD =
      Pattern.compile(
          "(?:partnership (\\d+)|records with no partnership) at record (\\d+)"
              + " \\(number (\\d+), hash ([0-9a-f]{64})\\)");

  private AuditCheckpointLog() {}

  /** The text logged after {@link #PREFIX} for these heads. */
  static String line(Collection<AuditCheckpoint.Head> heads) {
    return heads.stream()
        .sorted(Comparator.comparingLong(AuditCheckpoint.Head::chain))
        .map(
            h ->
                "%s at record %d (number %d, hash %s)"
                    .formatted(AuditChain.where(h.chain()), h.recordId(), h.number(), h.hash()))
        .collect(Collectors.joining("; "));
  }

  /**
   * The furthest head of each chain named in a log file, whatever the log's own line format around
   * the message.
   *
   * @throws InvalidInputException when the file cannot be read or names no head
   */
  static List<AuditCheckpoint.Head> read(Path file) {
    Map<Long, AuditCheckpoint.Head> heads = new HashMap<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(
          line -> {
            int at = line.indexOf(PREFIX);
            if (at < 0) {
              return;
            }
            Matcher head = HEAD.matcher(line.substring(at + PREFIX.length()));
            while (head.find()) {
              try {
                long chain = head.group(1) == null ? AuditRecord.NO_PARTNERSHIP : parse(head, 1);
                heads.merge(
                    chain,
                    new AuditCheckpoint.Head(
                        chain, parse(head, 3), parse(head, 2), head.group(4), Instant.EPOCH),
                    (a, b) -> b.number() > a.number() ? b : a);
              } catch (NumberFormatException notWrittenByCcrHub) {
                // a number too long for any record: not a line CCR Hub wrote
              }
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException(
          "Cannot read the log " + file + ": give a text file, e.g. journalctl -u ccr-hub > FILE");
    }
    if (heads.isEmpty()) {
      throw new InvalidInputException(
          "The log "
              + file
              + " has no \""
              + PREFIX.strip()
              + "\" lines: give the log of the CCR Hub server, e.g. journalctl -u ccr-hub > FILE");
    }
    return List.copyOf(heads.values());
  }

  private static long parse(Matcher head, int group) {
    return Long.parseLong(head.group(group));
  }
}
