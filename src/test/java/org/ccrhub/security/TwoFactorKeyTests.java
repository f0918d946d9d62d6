package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoFactorKeyTests {

  private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @TempDir Path dataDirectory;

  @Test
  void encryptsASecretThatOnlyTheSameKeyAndAccountOpen() {
    TwoFactorKey key = new TwoFactorKey(KEY, dataDirectory, () -> 0);
    byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    String sealed = key.seal(secret, "account 7");

    assertThat(sealed).startsWith("v1:").doesNotContain("GEZDGNBV");
    assertThat(key.open(sealed, "account 7"))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(secret));
    // sealed again, it differs (a new nonce each time)
    assertThat(key.seal(secret, "account 7")).isNotEqualTo(sealed);
    // copied to another account's row, it does not open
    assertThat(key.open(sealed, "account 8")).isEmpty();
    // nor with another key
    String other = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(new TwoFactorKey(other, dataDirectory, () -> 0).open(sealed, "account 7")).isEmpty();
    // nor when changed
    char last = sealed.charAt(sealed.length() - 2);
    String changed =
        sealed.substring(0, sealed.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + sealed.charAt(sealed.length() - 1);
    assertThat(key.open(changed, "account 7")).isEmpty();
    assertThat(key.open("not sealed", "account 7")).isEmpty();
  }

  @Test
  void withNoKeyConfiguredMakesOneInTheDataDirectoryReadableByItsOwnerOnlyAndKeepsIt()
      throws Exception {
    TwoFactorKey key = new TwoFactorKey("", dataDirectory, () -> 0);
    String sealed = key.seal(new byte[20], "account 1");

    Path file = dataDirectory.resolve("two-factor.key");
    assertThat(file).exists();
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    // the next start reads the same key
    assertThat(new TwoFactorKey("", dataDirectory, () -> 0).open(sealed, "account 1")).isPresent();
  }

  @Test
  void refusesAConfiguredKeyThatIsNot32Bytes() {
    TwoFactorKey key = new TwoFactorKey("c2hvcnQ=", dataDirectory, () -> 0);

    assertThatThrownBy(() -> key.seal(new byte[20], "account 1"))
        .hasMessageContaining("ccr.two-factor.key (CCR_TWO_FACTOR_KEY) is 5 bytes long")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining("c2hvcnQ=");
  }
}
