package org.ccrhub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTests {

  @Test
  void makesEveryLineBreakANewLine() {
    assertThat(PlainText.clean("one\r\ntwo\rthree\nfour")).isEqualTo("one\ntwo\nthree\nfour");
  }

  @Test
  void dropsControlCharactersButKeepsTabsAndEverythingPrintable() {
    assertThat(PlainText.clean("a\u0000b\u0007c\u000Cd\u007Fe\tf – £18,000 “quoted”"))
        .isEqualTo("abcde\tf – £18,000 “quoted”");
  }

  @Test
  void leavesNullAsNull() {
    assertThat(PlainText.clean(null)).isNull();
  }
}
