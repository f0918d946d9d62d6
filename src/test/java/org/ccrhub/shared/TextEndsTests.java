package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextEndsTests {

  @Test
  void stripsOnlyTheCharactersNamedAtTheEnd() {
    assertThat(TextEnds.strip("2.2.", ".)", false)).isEqualTo("2.2");
    assertThat(TextEnds.strip("2)", ".)", false)).isEqualTo("2");
    assertThat(TextEnds.strip("Q4 . ", ".", true)).isEqualTo("Q4");
    assertThat(TextEnds.strip("Q4 . ", ".", false)).isEqualTo("Q4 . ");
    assertThat(TextEnds.strip("...", ".", false)).isEmpty();
    assertThat(TextEnds.strip("", ".", true)).isEmpty();
  }

  @Test
  void aLongRunOfDotsIsReadInAnInstantAndIsNoDate() {
    String hostile = ".".repeat(2_000_000) + "x";
    long start = System.nanoTime();
    assertThat(TextEnds.strip(hostile, ".", true)).isEqualTo(hostile);
    assertThat(UkDates.day(hostile)).isEmpty();
    assertThat(UkDates.month(".".repeat(99) + "x")).isEmpty();
    // a regular expression took minutes on this; a loop takes well under a second even when busy
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
