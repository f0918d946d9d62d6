package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpSecretTests {

  private static final TotpSecret RFC_SEED =
      TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void isWrittenInBase32InGroupsOfFour() {
    // RFC 6238's seed as authenticator apps take it
    assertThat(RFC_SEED.base32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(RFC_SEED.groups())
        .containsExactly("GEZD", "GNBV", "GY3T", "QOJQ", "GEZD", "GNBV", "GY3T", "QOJQ");
  }

  @Test
  void isAnOtpauthAddressForTheQrCode() {
    assertThat(RFC_SEED.otpauthUri("CCR Hub", "ann.admin@haringey.gov.uk"))
        .isEqualTo(
            "otpauth://totp/CCR%20Hub:ann.admin%40haringey.gov.uk"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CCR%20Hub"
                + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void isRandomAndNeverShownByToString() {
    TotpSecret one = TotpSecret.random();
    TotpSecret two = TotpSecret.random();

    assertThat(one).isNotEqualTo(two);
    assertThat(one.bytes()).hasSize(20);
    assertThat(one.base32()).matches("[A-Z2-7]{32}");
    assertThat(one.toString()).isEqualTo("TotpSecret[hidden]").doesNotContain(one.base32());
  }
}
