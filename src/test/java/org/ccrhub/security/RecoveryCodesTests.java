package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTests {

  @Test
  void makesTenDifferentCodesInTwoGroupsOfFive() {
    List<String> codes = RecoveryCodes.generate();

    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    assertThat(codes).allSatisfy(c -> assertThat(c).matches("[a-z2-9]{5}-[a-z2-9]{5}"));
    // no characters that look alike
    assertThat(String.join("", codes)).doesNotContain("0", "o", "1", "i", "l");
  }

  @Test
  void readsACodeTypedWithCapitalsSpacesOrNoHyphen() {
    assertThat(RecoveryCodes.normalise("k7mqx-3tnwe")).contains("k7mqx3tnwe");
    assertThat(RecoveryCodes.normalise(" K7MQX 3TNWE ")).contains("k7mqx3tnwe");
    assertThat(RecoveryCodes.normalise("k7mqx3tnwe")).contains("k7mqx3tnwe");
  }

  @Test
  void refusesWhatCannotBeACode() {
    assertThat(RecoveryCodes.normalise("")).isEmpty();
    assertThat(RecoveryCodes.normalise("123456")).isEmpty();
    assertThat(RecoveryCodes.normalise("k7mqx-3tnw")).isEmpty();
    assertThat(RecoveryCodes.normalise("k7mqx-3tnwo")).isEmpty();
  }
}
