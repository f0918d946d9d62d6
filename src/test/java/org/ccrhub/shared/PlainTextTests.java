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
  void dropsWhatNoXmlDocumentMayHoldButKeepsCharactersBeyondTheBasicPlane() {
    String text = "a\uFFFEb\uFFFFc\uD800d\uDC00e 😀 \uD83D\uDE00 f";
    assertThat(PlainText.clean(text)).isEqualTo("abcde 😀 😀 f");
    assertThat(PlainText.forXml(text + "\u0001\r\n")).isEqualTo("abcde 😀 😀 f\r\n");
  }

  @Test
  void leavesNullAsNull() {
    assertThat(PlainText.clean(null)).isNull();
  }
}
