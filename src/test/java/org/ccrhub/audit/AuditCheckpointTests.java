package org.ccrhub.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCheckpointTests {

  private static final AuditKey KEY =
      AuditKey.of("the audit key of this test, 32 bytes or more".getBytes(UTF_8), "test key");
  private static final Instant AT = Instant.parse("2026-11-22T10:20:00.123456Z");
  private static final String HASH = "ab".repeat(32);

  @Test
  void readsBackWhatItWrote() {
    AuditCheckpoint checkpoint =
        AuditCheckpoint.begun(KEY, AT)
            .merge(
                List.of(
                    new AuditCheckpoint.Head(0, 12, 140, HASH, AT),
                    new AuditCheckpoint.Head(7, 3, 139, HASH, AT)));

    AuditCheckpoint read = AuditCheckpoint.read(checkpoint.write(KEY), KEY);

    assertThat(read).isEqualTo(checkpoint);
    assertThat(read.heads().get(7L).recordId()).isEqualTo(139);
  }

  @Test
  void readsBackWhenItWasBegunAndWhyItWasRestarted() {
    AuditCheckpoint checkpoint =
        AuditCheckpoint.restarted(
            KEY,
            AT,
            new AuditCheckpoint.Restart(
                "the database was restored\nfrom\u2028the\u0085backup of\u20293 December\t",
                "audit-checkpoint.replaced-20261122T102000Z"),
            List.of(new AuditCheckpoint.Head(7, 3, 139, HASH, AT)));

    String text = checkpoint.write(KEY);
    AuditCheckpoint read = AuditCheckpoint.read(text, KEY);

    assertThat(text)
        .contains(
            "\nstarted 2026-11-22T10:20:00.123456Z\n"
                + "restarted because the database was restored from the backup of 3 December\n"
                + "previous audit-checkpoint.replaced-20261122T102000Z\n");
    assertThat(read).isEqualTo(checkpoint);
    assertThat(read.coversFrom()).contains(AT);
    assertThat(read.merge(List.of(new AuditCheckpoint.Head(7, 4, 140, HASH, AT))).restart())
        .isEqualTo(checkpoint.restart());
  }

  @Test
  void refusesARestartNoteChangedByHand() {
    String text =
        AuditCheckpoint.restarted(
                KEY, AT, new AuditCheckpoint.Restart("a disk fault", null), List.of())
            .write(KEY)
            .replace("a disk fault", "routine maintenance");

    assertThatThrownBy(() -> AuditCheckpoint.read(text, KEY))
        .hasMessage("it was changed after CCR Hub wrote it (its seal does not match)");
  }

  @Test
  void readsACheckpointWrittenBeforeItSaidWhenItWasBegun() {
    AuditCheckpoint old =
        new AuditCheckpoint(
            KEY.fingerprint(),
            Map.of(
                7L, new AuditCheckpoint.Head(7, 3, 139, HASH, AT),
                8L, new AuditCheckpoint.Head(8, 1, 120, HASH, AT.minusSeconds(60))));

    AuditCheckpoint read = AuditCheckpoint.read(old.write(KEY), KEY);

    assertThat(read.started()).isNull();
    assertThat(read.coversFrom()).as("from its oldest head").contains(AT.minusSeconds(60));
  }

  @Test
  void keepsTheFurthestHeadOfEachChainWhenMerged() {
    AuditCheckpoint checkpoint =
        AuditCheckpoint.begun(KEY, AT).merge(List.of(new AuditCheckpoint.Head(7, 5, 50, HASH, AT)));

    AuditCheckpoint merged =
        checkpoint.merge(
            List.of(
                new AuditCheckpoint.Head(7, 4, 40, HASH, AT),
                new AuditCheckpoint.Head(8, 1, 41, HASH, AT)));

    assertThat(merged.heads().get(7L).number()).isEqualTo(5);
    assertThat(merged.heads().get(8L).number()).isEqualTo(1);
  }

  @Test
  void refusesACheckpointEditedByHand() {
    String text =
        AuditCheckpoint.begun(KEY, AT)
            .merge(List.of(new AuditCheckpoint.Head(7, 5, 50, HASH, AT)))
            .write(KEY)
            .replace("number 5 record 50", "number 2 record 20");

    assertThatThrownBy(() -> AuditCheckpoint.read(text, KEY))
        .hasMessage("it was changed after CCR Hub wrote it (its seal does not match)");
  }

  @Test
  void saysSoWhenItWasWrittenWithAnotherKey() {
    AuditKey other =
        AuditKey.of("someone else's key, also 32 bytes or longer".getBytes(UTF_8), "other key");
    String text = AuditCheckpoint.begun(other, AT).write(other);

    assertThatThrownBy(() -> AuditCheckpoint.read(text, KEY))
        .hasMessageStartingWith("it was written with a different audit key (fingerprint ");
  }

  @Test
  void refusesATruncatedCheckpoint() {
    String text = AuditCheckpoint.begun(KEY, AT).write(KEY);

    assertThatThrownBy(() -> AuditCheckpoint.read(text.substring(0, text.indexOf("mac")), KEY))
        .hasMessage("it is incomplete (it has no seal)");
  }
}
