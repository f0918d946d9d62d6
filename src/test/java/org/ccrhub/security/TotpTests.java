package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

  /** The SHA-1 seed of RFC 6238's test vectors: "12345678901234567890" in ASCII. */
  private static final TotpSecret RFC_SEED =
      TotpSecret.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  private final Totp totp = new Totp();

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void makesTheCodesOfRfc6238sTestVectors(long seconds, String expected) {
    Instant at = Instant.ofEpochSecond(seconds);

    assertThat(new Totp(8).codeAt(RFC_SEED, at)).isEqualTo(expected);
    // six digits are the same number modulo 10^6: the last six of the eight
    assertThat(totp.codeAt(RFC_SEED, at)).isEqualTo(expected.substring(2));
  }

  @Test
  void countsTimeStepsOf30SecondsFromTheEpoch() {
    assertThat(Totp.stepAt(Instant.ofEpochSecond(0))).isZero();
    assertThat(Totp.stepAt(Instant.ofEpochSecond(29))).isZero();
    assertThat(Totp.stepAt(Instant.ofEpochSecond(30))).isOne();
    assertThat(Totp.stepAt(Instant.ofEpochSecond(1111111109))).isEqualTo(37037036);
  }

  @Test
  void acceptsTheCodeOfTheCurrentStepAndOfTheStepEitherSide() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.stepAt(now);

    assertThat(totp.check(RFC_SEED, "005924", now, -1)).isEqualTo(new Totp.Check.Accepted(step));
    assertThat(totp.check(RFC_SEED, totp.code(RFC_SEED, step - 1), now, -1))
        .isEqualTo(new Totp.Check.Accepted(step - 1));
    assertThat(totp.check(RFC_SEED, totp.code(RFC_SEED, step + 1), now, -1))
        .isEqualTo(new Totp.Check.Accepted(step + 1));
  }

  @Test
  void refusesCodesTwoStepsAwayEitherSide() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.stepAt(now);

    assertThat(totp.check(RFC_SEED, totp.code(RFC_SEED, step - 2), now, -1))
        .isInstanceOf(Totp.Check.Wrong.class);
    assertThat(totp.check(RFC_SEED, totp.code(RFC_SEED, step + 2), now, -1))
        .isInstanceOf(Totp.Check.Wrong.class);
  }

  @Test
  void acceptsACodeOnceAndNoEarlierCodeAfterIt() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.stepAt(now);
    String code = totp.code(RFC_SEED, step);

    assertThat(totp.check(RFC_SEED, code, now, -1)).isEqualTo(new Totp.Check.Accepted(step));
    // the same code again, even a few seconds later in the same step
    assertThat(totp.check(RFC_SEED, code, now.plusSeconds(5), step))
        .isInstanceOf(Totp.Check.AlreadyUsed.class);
    // the code before it, still within the drift allowed, is refused too
    assertThat(totp.check(RFC_SEED, totp.code(RFC_SEED, step - 1), now, step))
        .isInstanceOf(Totp.Check.AlreadyUsed.class);
    // the next step's code is new
    assertThat(totp.check(RFC_SEED, totp.code(RFC_SEED, step + 1), now.plusSeconds(30), step))
        .isEqualTo(new Totp.Check.Accepted(step + 1));
  }

  @Test
  void refusesWhatIsNotSixDigits() {
    Instant now = Instant.ofEpochSecond(1234567890);

    assertThat(totp.check(RFC_SEED, "", now, -1)).isInstanceOf(Totp.Check.Wrong.class);
    assertThat(totp.check(RFC_SEED, "05924", now, -1)).isInstanceOf(Totp.Check.Wrong.class);
    assertThat(totp.check(RFC_SEED, "89005924", now, -1)).isInstanceOf(Totp.Check.Wrong.class);
    assertThat(totp.check(RFC_SEED, "00592a", now, -1)).isInstanceOf(Totp.Check.Wrong.class);
    assertThat(totp.check(RFC_SEED, "123456", now, -1)).isInstanceOf(Totp.Check.Wrong.class);
  }
}
