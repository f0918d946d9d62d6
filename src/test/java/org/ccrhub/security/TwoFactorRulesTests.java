package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.ccrhub.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The small rules around two-factor sign-in: reasons, the roles that require it, the code's time.
 */
class TwoFactorRulesTests {

  @Test
  void ofThePartnershipRolesOnlyTheTwoOfInformationSharingRequireTwoFactorSignIn() {
    assertThat(Role.values())
        .filteredOn(Role::requiresTwoFactor)
        .containsExactly(Role.DATA_PROTECTION_LEAD, Role.SHARING_OFFICER);
    assertThat(TwoFactorEnrolments.rolesRequiringTwoFactor())
        .containsExactly(Role.DATA_PROTECTION_LEAD, Role.SHARING_OFFICER);
  }

  @Test
  void namesTheRolesThatRequireItInASentence() {
    assertThat(TwoFactorEnrolments.requiredBy(Set.of(TwoFactorEnrolments.inSentence(Role.ANALYST))))
        .isEqualTo("Your role as analyst requires two-factor sign-in");
    assertThat(
            TwoFactorEnrolments.requiredBy(
                Set.of(
                    TwoFactorEnrolments.inSentence(Role.PARTNERSHIP_ADMIN),
                    TwoFactorEnrolments.inSentence(Role.VIEWER))))
        .isEqualTo("Your roles as partnership administrator and viewer require two-factor sign-in");
  }

  @Test
  void aResetNeedsAReasonOfAtMost500Characters() {
    assertThat(TwoFactorEnrolments.checkReason("  new phone ")).isEqualTo("new phone");
    assertThatThrownBy(() -> TwoFactorEnrolments.checkReason(" "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Enter why you are resetting two-factor sign-in");
    assertThat(TwoFactorEnrolments.checkReason("x".repeat(500))).hasSize(500);
    assertThatThrownBy(() -> TwoFactorEnrolments.checkReason("x".repeat(501)))
        .hasMessage("The reason must be 500 characters or fewer");
  }

  @Test
  void theCodeMustComeWithinTenMinutesOfThePassword() {
    Instant password = Instant.parse("2026-12-02T16:21:00Z");
    SignInHandlers.PendingSignIn pending =
        new SignInHandlers.PendingSignIn(7, password.toEpochMilli(), "stamp");

    assertThat(pending.current(Clock.fixed(password.plusSeconds(599), ZoneOffset.UTC))).isTrue();
    assertThat(pending.current(Clock.fixed(password.plusSeconds(600), ZoneOffset.UTC))).isFalse();
    assertThat(pending.current(Clock.fixed(password.minusSeconds(1), ZoneOffset.UTC))).isFalse();
  }

  @Test
  void tellsHowManyRecoveryCodesAreLeftAndWhenToGetNewOnes() {
    assertThat(SignInCodeController.recoveryCodesLeft(9))
        .isEqualTo("You signed in with a recovery code. You have 9 recovery codes left.");
    assertThat(SignInCodeController.recoveryCodesLeft(1))
        .isEqualTo(
            "You signed in with a recovery code. You have 1 recovery code left. Get new ones on"
                + " the Two-factor sign-in page.");
    assertThat(SignInCodeController.recoveryCodesLeft(0))
        .startsWith("You signed in with a recovery code. You have no recovery codes left.");
  }
}
