package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuditKeyTests {

  private static final String SOURCE = "ccr.audit.key (CCR_AUDIT_KEY)";

  @Test
  void refusesAKeyShorterThan32BytesSayingHowToMakeOne() {
    String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> AuditKey.fromBase64(sixteenBytes, SOURCE))
        .isInstanceOf(AuditKeyException.class)
        .hasMessage(
            "ccr.audit.key (CCR_AUDIT_KEY) is only 16 bytes long; an audit key must be at least 32"
                + " bytes (44 Base64 characters). Make one with: openssl rand -base64 32");
  }

  @Test
  void refusesAKeyThatIsNotBase64() {
    assertThatThrownBy(() -> AuditKey.fromBase64("not base64 at all!", SOURCE))
        .hasMessageStartingWith("ccr.audit.key (CCR_AUDIT_KEY) is not Base64");
  }

  @Test
  void readsAKeyAsOpensslPrintsIt() {
    AuditKey key = AuditKey.fromBase64("  qJ1m7q0Zc3oWmVb6b2mWmS6r9X3sZ1hN2kP8tQ4yF0E=\n", SOURCE);

    assertThat(key.mac("text")).hasSize(64).isEqualTo(key.mac("text"));
    assertThat(key.toString()).doesNotContain("qJ1m7q0Zc3oW");
  }
}
