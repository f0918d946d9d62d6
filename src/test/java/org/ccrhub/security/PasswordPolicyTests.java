package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

  private static final PasswordPolicy policy = PasswordPolicy.withCommonPasswords();

  @Test
  void acceptsThreeRandomWordsWithNoDigitsOrSymbols() {
    assertThat(policy.problems("marmalade lighthouse gravel", "a@b.example")).isEmpty();
    assertThat(policy.problems("tulipstaplerorbit", "a@b.example")).isEmpty();
  }

  @Test
  void refusesPasswordsShorterThanTwelveCharacters() {
    assertThat(policy.problems("elevenchars", "a@b.example"))
        .containsExactly("Password must be 12 characters or more");
    assertThat(policy.problems("twelve chars", "a@b.example")).isEmpty();
  }

  @Test
  void countsCharactersNotBytes() {
    assertThat(policy.problems("ééééé ééééé", "a@b.example"))
        .containsExactly("Password must be 12 characters or more");
  }

  @Test
  void refusesAnEmptyPassword() {
    assertThat(policy.problems("", "a@b.example")).containsExactly("Enter a password");
  }

  @Test
  void refusesCommonPasswordsFromTheDenyListWhateverTheirCase() {
    assertThat(policy.problems("correct horse battery staple", "a@b.example")).hasSize(1);
    assertThat(policy.problems("ILOVEYOU1234", "a@b.example")).hasSize(1);
    assertThat(policy.problems("qwertyuiopasdf", "a@b.example")).hasSize(1);
  }

  @Test
  void refusesACommonPasswordWithOnlyDigitsOrSymbolsAdded() {
    assertThat(policy.problems("password1234", "a@b.example")).hasSize(1);
    assertThat(policy.problems("!!Sunshine2026!!", "a@b.example")).hasSize(1);
  }

  @Test
  void refusesRunsOfOneCharacterAndSequences() {
    assertThat(policy.problems("aaaaaaaaaaaaaa", "a@b.example")).hasSize(1);
    assertThat(policy.problems("abababababab", "a@b.example")).hasSize(1);
    assertThat(policy.problems("123456789012", "a@b.example")).hasSize(1);
  }

  @Test
  void refusesTheEmailAddressAsPassword() {
    assertThat(policy.problems("jo.bloggs@agency.example", "jo.bloggs@agency.example"))
        .containsExactly("Password must not be your email address");
  }

  @Test
  void hasNoCompositionRules() {
    assertThat(policy.problems("all lower case words here", "a@b.example")).isEmpty();
  }

  @Test
  void refusesPasswordsLongerThan256Characters() {
    assertThat(policy.problems("x y ".repeat(65), "a@b.example"))
        .containsExactly("Password must be 256 characters or fewer");
  }
}
