package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCheckpointLogTests {

  private static final String A = "a1".repeat(32);
  private static final String B = "b2".repeat(32);
  private static final Instant AT = Instant.parse("2026-11-22T10:20:00Z");

  @TempDir Path directory;

  @Test
  void readsTheFurthestHeadOfEachChainFromLinesInAnyLogFormat() throws IOException {
    Path log = directory.resolve("ccr-hub.log");
    Files.writeString(
        log,
        "2026-12-02T10:15:00.123Z  INFO 4242 --- [ccr-hub] [audit-checkpoint]"
            + " o.ccrhub.audit.AuditCheckpoints : Audit checkpoint: "
            + AuditCheckpointLog.line(
                List.of(
                    new AuditCheckpoint.Head(7, 45, 1250, A, AT),
                    new AuditCheckpoint.Head(0, 300, 1251, B, AT)))
            + "\nDec 02 10:16:01 hub java[4242]: INFO Something else entirely\n"
            + "Dec 02 10:17:01 hub java[4242]: INFO Audit checkpoint: partnership 7 at record 1260"
            + " (number 46, hash "
            + B
            + ")\n"
            + "Dec 02 10:18:01 hub java[4242]: INFO Audit checkpoint: partnership 7 at record 1240"
            + " (number 44, hash "
            + A
            + ")\n");

    assertThat(AuditCheckpointLog.read(log))
        .extracting(
            AuditCheckpoint.Head::chain,
            AuditCheckpoint.Head::number,
            AuditCheckpoint.Head::recordId,
            AuditCheckpoint.Head::hash)
        .containsExactlyInAnyOrder(tuple(0L, 300L, 1251L, B), tuple(7L, 46L, 1260L, B));
  }

  @Test
  void refusesALogWithNoCheckpointLines() throws IOException {
    Path log = Files.writeString(directory.resolve("other.log"), "INFO Started CcrHub\n");

    assertThatThrownBy(() -> AuditCheckpointLog.read(log))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "The log "
                + log
                + " has no \"Audit checkpoint:\" lines: give the log of the CCR Hub server, e.g."
                + " journalctl -u ccr-hub > FILE");
  }
}
