package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.util.encoders.Base32;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditQuery;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two-factor sign-in from the person's side (setting it up, signing in with a code or a recovery
 * code, turning it off), a role that requires it, and the administrator's and the command line's
 * reset. Codes are made from the key the set-up page shows, as an authenticator app makes them.
 */
@CcrHubTest
class TwoFactorIntegrationTests {

  private static final Pattern KEY =
      Pattern.compile("<code>((?:[A-Z2-7]{4} ){7}[A-Z2-7]{4})</code>");
  private static final Pattern RECOVERY_CODE =
      Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired AdminCommands commands;
  @Autowired TwoFactorEnrolments enrolments;
  @Autowired TwoFactorChecks checks;

  private final Totp totp = new Totp();

  /** What a person has once set up: the secret in their app, and their recovery codes. */
  record Enrolled(long accountId, TotpSecret secret, List<String> recoveryCodes) {}

  @Test
  void onceSetUpSigningInNeedsTheCodeFromTheAppAfterThePassword() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    String home = "/p/" + partnership.slug();
    MockHttpSession session = Fixtures.signIn(mvc, email);
    MockHttpSession phone = Fixtures.signIn(mvc, email);

    String page =
        mvc.perform(get("/account/two-factor").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("<h1 class=\"govuk-heading-l\">Set up two-factor sign-in</h1>")
        .contains("role=\"img\" aria-label=\"QR code to add CCR Hub to your authenticator app\"")
        .contains("If you cannot scan the QR code, enter this key in the app instead.")
        .contains("Enter the 6-digit code from your authenticator app")
        .contains("inputmode=\"numeric\"")
        .contains("autocomplete=\"one-time-code\"");
    TotpSecret secret = keyOn(page);
    // the page made again shows the same key, so a QR code already scanned still works
    assertThat(
            keyOn(
                mvc.perform(get("/account/two-factor").session(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()))
        .isEqualTo(secret);

    // forms re-render with the error summary
    mvc.perform(setUp(session, ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("There is a problem")))
        .andExpect(content().string(containsString("Error: Set up two-factor sign-in")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<a href=\"#code\">Enter the 6-digit code from your authenticator app</a>")));
    mvc.perform(setUp(session, "12ab56"))
        .andExpect(content().string(containsString("The code must be 6 digits")));
    mvc.perform(setUp(session, totp.code(secret, Totp.stepAt(Instant.now()) + 5)))
        .andExpect(
            content()
                .string(
                    containsString(
                        "The code is not correct. Check that the time on your phone is right")));
    assertThat(enrolments.enrolled(idOf(email))).isFalse();

    String done =
        mvc.perform(setUp(session, spaced(totp.codeAt(secret, Instant.now()))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(done)
        .contains("<h1 class=\"govuk-panel__title\">Two-factor sign-in is on</h1>")
        .contains("Keep these codes safe")
        .contains("You will not see them again.");
    assertThat(codesOn(done)).hasSize(10).doesNotHaveDuplicates();
    assertThat(enrolments.enrolled(idOf(email))).isTrue();
    // the secret is kept encrypted: not the key the page showed
    String stored =
        jdbc.sql("select secret from two_factor where account_id = :id")
            .param("id", idOf(email))
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:").doesNotContain(secret.base32());
    assertThat(actions(partnership, email)).contains("TWO_FACTOR_ENROLLED");
    // the session that set it up goes on; the other one, which gave no code, has ended
    mvc.perform(get(home).session(session)).andExpect(status().isOk());
    mvc.perform(get(home).session(phone)).andExpect(redirectedUrl("/sign-in?timeout"));

    mvc.perform(post("/sign-out").session(session).with(csrf()));
    String address = SignInIntegrationTests.anAddress();
    MvcResult password =
        mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, address))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/sign-in/code"))
            .andReturn();
    MockHttpSession pending = (MockHttpSession) password.getRequest().getSession(false);
    // not signed in yet: nothing but the code page
    mvc.perform(get(home).session(pending)).andExpect(redirectedUrl("/sign-in"));
    mvc.perform(get("/sign-in/code").session(pending))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("Enter the 6-digit code from your authenticator app")))
        .andExpect(content().string(containsString("sign in with a recovery code")));

    // and then on to the page they asked for
    mvc.perform(code(pending, address, freshCode(idOf(email), secret)))
        .andExpect(authenticated())
        .andExpect(redirectedUrl(home + "?continue"));
    mvc.perform(get(home).session(pending)).andExpect(status().isOk());
    assertThat(records(partnership, email, "SIGN_IN"))
        .extracting(AuditRecord::summary)
        .first()
        .isEqualTo("Signed in with a two-factor code");
  }

  @Test
  void aCodeSignsInOnceAndAWrongCodeCountsLikeAWrongPassword() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    Enrolled enrolled = enrol(email);
    String address = SignInIntegrationTests.anAddress();

    String code = freshCode(enrolled.accountId(), enrolled.secret());
    MockHttpSession first = passwordFrom(email, address);
    mvc.perform(code(first, address, code)).andExpect(authenticated());
    // seen over a shoulder, the same code does not sign in again
    MockHttpSession second = passwordFrom(email, address);
    mvc.perform(code(second, address, code))
        .andExpect(unauthenticated())
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "That code has been used already. Wait for your app to show a new code,"
                            + " then enter it")));

    MockHttpSession attacker = passwordFrom(email, address);
    for (int i = 2; i <= 4; i++) {
      mvc.perform(code(attacker, address, wrongCode(enrolled)))
          .andExpect(unauthenticated())
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Error: Enter the code")))
          .andExpect(
              content()
                  .string(
                      containsString(
                          "The code is not correct. Enter the code your app shows now")));
    }
    // the fifth failure from this address makes it wait, and the password must be given again
    mvc.perform(code(attacker, address, wrongCode(enrolled)))
        .andExpect(unauthenticated())
        .andExpect(
            content()
                .string(
                    containsString(
                        "You have entered a wrong code too many times. Wait 1 minute, then sign"
                            + " in again.")));
    mvc.perform(code(attacker, address, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(unauthenticated())
        .andExpect(content().string(containsString("Sign in again")));
    mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, address))
        .andExpect(redirectedUrl("/sign-in?wait=1"));
    // the person, signing in from elsewhere, is told their password is known
    String elsewhere = SignInIntegrationTests.anAddress();
    MockHttpSession person = passwordFrom(email, elsewhere);
    mvc.perform(code(person, elsewhere, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(authenticated())
        .andExpect(redirectedUrl("/account/sign-in-notice"));
    mvc.perform(get("/account/sign-in-notice").session(person))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Someone entered your password correctly, then a wrong two-factor code."
                            + " There were 5 failed attempts from 1 network address")))
        .andExpect(
            content()
                .string(containsString("Your password is known to someone else: change it now.")))
        .andExpect(content().string(not(containsString("with a wrong password"))));

    List<AuditRecord> failed = records(partnership, email, "SIGN_IN_FAILED");
    assertThat(failed)
        .extracting(AuditRecord::summary)
        .containsExactly(
            "Wrong two-factor code when signing in",
            "Wrong two-factor code when signing in",
            "Wrong two-factor code when signing in",
            "Wrong two-factor code when signing in",
            "Two-factor code used before, when signing in");
    assertThat(records(partnership, email, "SIGN_IN_THROTTLED")).hasSize(1);
    // no code and no secret in the trail
    assertThat(
            audit.search(partnership.id(), new AuditQuery(null, null, email, null, null, 1, 100)))
        .extracting(AuditRecord::summary)
        .noneMatch(s -> s != null && (s.contains(code) || s.contains(enrolled.secret().base32())));
  }

  @Test
  void tenWrongCodesFromAnyAddressesBlockTheSecondFactorUntilAnAdministratorResetsIt()
      throws Exception {
    Partnership partnership = fixtures.partnership();
    MockHttpSession admin =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    String email = fixtures.user(partnership, Role.VIEWER);
    Enrolled enrolled = enrol(email);
    // a second sign-in waits for its code meanwhile
    String waitingAddress = SignInIntegrationTests.anAddress();
    MockHttpSession waiting = passwordFrom(email, waitingAddress);

    // three wrong codes from each address: never enough for the address throttle
    int wrong = 0;
    while (wrong < 9) {
      String address = SignInIntegrationTests.anAddress();
      MockHttpSession attacker = passwordFrom(email, address);
      for (int i = 0; i < 3 && wrong < 9; i++, wrong++) {
        mvc.perform(
                wrong % 2 == 0
                    ? code(attacker, address, wrongCode(enrolled))
                    : recovery(attacker, address, "abcde-23456"))
            .andExpect(unauthenticated())
            .andExpect(content().string(not(containsString("Too many wrong codes"))));
      }
    }
    String address = SignInIntegrationTests.anAddress();
    MockHttpSession attacker = passwordFrom(email, address);
    mvc.perform(code(attacker, address, wrongCode(enrolled)))
        .andExpect(unauthenticated())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Too many wrong codes. Ask your partnership administrator to reset"
                            + " two-factor sign-in.")));
    // no code is checked any more, not even the right one, from any waiting sign-in
    mvc.perform(code(waiting, waitingAddress, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(unauthenticated())
        .andExpect(content().string(containsString("Too many wrong codes")));
    String other = SignInIntegrationTests.anAddress();
    MockHttpSession again = passwordFrom(email, other);
    mvc.perform(recovery(again, other, enrolled.recoveryCodes().get(0)))
        .andExpect(unauthenticated())
        .andExpect(content().string(containsString("Too many wrong codes")));
    assertThat(enrolments.of(enrolled.accountId()).orElseThrow().recoveryCodesLeft()).isEqualTo(10);
    assertThat(records(partnership, email, "TWO_FACTOR_BLOCKED"))
        .extracting(AuditRecord::summary)
        .containsExactly(
            "Two-factor sign-in blocked after 10 wrong codes: an administrator must reset it");

    mvc.perform(
            reset(
                admin,
                "/p/" + partnership.slug() + "/admin/users/" + enrolled.accountId(),
                "Too many wrong codes"))
        .andExpect(status().is3xxRedirection());
    assertThat(enrolments.enrolled(enrolled.accountId())).isFalse();
  }

  @Test
  void aRightCodeStartsTheCountOfWrongCodesAgain() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    Enrolled enrolled = enrol(email);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 3; i++) {
        String address = SignInIntegrationTests.anAddress();
        MockHttpSession attacker = passwordFrom(email, address);
        for (int j = 0; j < 3; j++) {
          mvc.perform(code(attacker, address, wrongCode(enrolled)))
              .andExpect(content().string(containsString("The code is not correct")));
        }
      }
      String address = SignInIntegrationTests.anAddress();
      MockHttpSession person = passwordFrom(email, address);
      mvc.perform(code(person, address, freshCode(enrolled.accountId(), enrolled.secret())))
          .andExpect(authenticated());
    }
  }

  @Test
  void parallelWrongCodesAreCheckedNoMoreThanTheLimit() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    Enrolled enrolled = enrol(email);
    Account account = accounts.findById(enrolled.accountId()).orElseThrow();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    List<java.util.concurrent.Future<TwoFactorChecks.Result>> results = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean recovery = i % 3 == 0;
      String address = SignInIntegrationTests.anAddress();
      String wrong = wrongCode(enrolled);
      results.add(
          pool.submit(
              () ->
                  recovery
                      ? checks.recoveryCode(account, address, "abcde-23456")
                      : checks.code(account, address, wrong, "signing in")));
    }
    pool.shutdown();
    List<TwoFactorChecks.Kind> kinds = new ArrayList<>();
    for (var result : results) {
      kinds.add(result.get().kind());
    }
    assertThat(kinds).filteredOn(k -> k == TwoFactorChecks.Kind.WRONG).hasSize(9);
    assertThat(kinds).filteredOn(k -> k == TwoFactorChecks.Kind.BLOCKED).hasSize(21);
    assertThat(
            jdbc.sql("select wrong_codes from two_factor where account_id = :id")
                .param("id", enrolled.accountId())
                .query(Integer.class)
                .single())
        .isEqualTo(10);
  }

  @Test
  void aPasswordChangedOrAnAccountDeletedWhileTheCodeIsAwaitedEndsTheSignIn() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    Enrolled enrolled = enrol(email);
    String address = SignInIntegrationTests.anAddress();
    MockHttpSession waiting = passwordFrom(email, address);
    MockHttpSession waitingForRecovery = passwordFrom(email, address);
    // an administrator resets the password meanwhile (the thief's is now wrong)
    jdbc.sql("update user_account set password_hash = :hash where id = :id")
        .param("hash", accounts.findById(enrolled.accountId()).orElseThrow().passwordHash() + "x")
        .param("id", enrolled.accountId())
        .update();
    mvc.perform(code(waiting, address, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(unauthenticated())
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Your sign-in has ended. Enter your email address and password again.")));
    mvc.perform(recovery(waitingForRecovery, address, enrolled.recoveryCodes().get(0)))
        .andExpect(unauthenticated())
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your sign-in has ended.")));
    assertThat(enrolments.of(enrolled.accountId()).orElseThrow().recoveryCodesLeft()).isEqualTo(10);

    String other = fixtures.user(partnership, Role.VIEWER);
    Enrolled deleted = enrol(other);
    MockHttpSession gone = passwordFrom(other, address);
    jdbc.sql("delete from membership where user_account_id = :id")
        .param("id", deleted.accountId())
        .update();
    jdbc.sql("delete from user_account where id = :id").param("id", deleted.accountId()).update();
    mvc.perform(code(gone, address, totp.codeAt(deleted.secret(), Instant.now())))
        .andExpect(unauthenticated())
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your sign-in has ended.")));
  }

  @Test
  void anAdministratorCannotResetTheirOwnNorThatOfSomeoneWhoseRoleElsewhereRequiresIt()
      throws Exception {
    Partnership partnership = fixtures.partnership();
    String adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    Enrolled adminEnrolled = enrol(adminEmail);
    String address = SignInIntegrationTests.anAddress();
    MockHttpSession admin = passwordFrom(adminEmail, address);
    mvc.perform(code(admin, address, freshCode(adminEnrolled.accountId(), adminEnrolled.secret())))
        .andExpect(authenticated());
    String own = "/p/" + partnership.slug() + "/admin/users/" + adminEnrolled.accountId();
    mvc.perform(get(own).session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("Reset two-factor sign-in"))))
        .andExpect(
            content()
                .string(
                    containsString(
                        "You cannot reset your own two-factor sign-in. Ask another partnership"
                            + " administrator.")));
    mvc.perform(get(own + "/two-factor/reset").session(admin)).andExpect(status().isNotFound());
    mvc.perform(reset(admin, own, "Stolen session")).andExpect(status().isNotFound());
    assertThat(enrolments.enrolled(adminEnrolled.accountId())).isTrue();

    Set<Role> before = enrolments.requireForRoles(Set.of(Role.ANALYST));
    try {
      // a viewer here, and an analyst (a role that requires it) in another partnership
      Partnership elsewhere = fixtures.partnership();
      String email = fixtures.user(partnership, Role.VIEWER);
      Enrolled enrolled = enrol(email);
      accounts.ensureRole(elsewhere, email, Role.ANALYST);
      String user = "/p/" + partnership.slug() + "/admin/users/" + enrolled.accountId();
      mvc.perform(get(user).session(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("with 10 recovery codes left.")))
          .andExpect(content().string(not(containsString("Reset two-factor sign-in"))));
      mvc.perform(get(user + "/two-factor/reset").session(admin)).andExpect(status().isNotFound());
      mvc.perform(reset(admin, user, "Lost phone")).andExpect(status().isNotFound());
      assertThat(enrolments.enrolled(enrolled.accountId())).isTrue();

      // that partnership's administrator may
      MockHttpSession theirs =
          Fixtures.signIn(mvc, fixtures.user(elsewhere, Role.PARTNERSHIP_ADMIN));
      String there = "/p/" + elsewhere.slug() + "/admin/users/" + enrolled.accountId();
      mvc.perform(get(there).session(theirs))
          .andExpect(content().string(containsString("Reset two-factor sign-in")));
      mvc.perform(reset(theirs, there, "Lost phone")).andExpect(redirectedUrl(there));
      assertThat(enrolments.enrolled(enrolled.accountId())).isFalse();
    } finally {
      enrolments.requireForRoles(before);
    }
  }

  @Test
  void settingItUpAsksForThePasswordAgainTheKeyExpiresAndThePersonIsToldByEmail() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    MockHttpSession session = Fixtures.signIn(mvc, email);
    String page =
        mvc.perform(get("/account/two-factor").session(session))
            .andExpect(content().string(containsString("Your password")))
            .andExpect(content().string(containsString("The QR code and key work for 10 minutes.")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    TotpSecret secret = keyOn(page);
    long accountId = idOf(email);
    // a session alone (left open, or stolen) cannot set it up
    mvc.perform(
            post("/account/two-factor")
                .session(session)
                .with(csrf())
                .param("code", totp.codeAt(secret, Instant.now())))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("<a href=\"#password\">Enter your password</a>")));
    mvc.perform(
            post("/account/two-factor")
                .session(session)
                .with(csrf())
                .param("password", "not the password")
                .param("code", totp.codeAt(secret, Instant.now())))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("<a href=\"#password\">Your password is not correct</a>")));
    assertThat(enrolments.enrolled(accountId)).isFalse();
    assertThat(records(partnership, email, "SIGN_IN_FAILED"))
        .extracting(AuditRecord::summary)
        .containsExactly("Wrong password when setting up two-factor sign-in");

    // ten minutes on, the key shown has expired and a new one is shown
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(Long.valueOf(System.currentTimeMillis() - 10 * 60 * 1000 - 1));
    }
    assertThat(
            jdbc.sql(
                    """
                    update spring_session_attributes set attribute_bytes = :bytes
                    where attribute_name = :name and session_primary_id in
                        (select primary_id from spring_session where principal_name = :email)
                    """)
                .param("bytes", bytes.toByteArray())
                .param("name", TwoFactorController.NEW_SECRET_AT)
                .param("email", email)
                .update())
        .isEqualTo(1);
    String expired =
        mvc.perform(setUp(session, totp.codeAt(secret, Instant.now())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("The QR code and key have expired.")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(enrolments.enrolled(accountId)).isFalse();
    TotpSecret renewed = keyOn(expired);
    assertThat(renewed.base32()).isNotEqualTo(secret.base32());
    mvc.perform(setUp(session, totp.codeAt(renewed, Instant.now())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Keep these codes safe")));
    assertThat(enrolments.enrolled(accountId)).isTrue();
    assertThat(notices(email))
        .containsExactly("Two-factor sign-in was set up for your CCR Hub account");
  }

  @Test
  void aRecoveryCodeSignsInOnceAndIsThenGone() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    Enrolled enrolled = enrol(email);
    String address = SignInIntegrationTests.anAddress();
    String recoveryCode = enrolled.recoveryCodes().get(3);

    MockHttpSession session = passwordFrom(email, address);
    mvc.perform(get("/sign-in/recovery-code").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Enter a recovery code")));
    mvc.perform(recovery(session, address, ""))
        .andExpect(content().string(containsString("<a href=\"#code\">Enter a recovery code</a>")));
    mvc.perform(recovery(session, address, recoveryCode.toUpperCase(java.util.Locale.ROOT)))
        .andExpect(authenticated())
        .andExpect(redirectedUrl("/"))
        .andExpect(
            flash()
                .attribute(
                    "message",
                    "You signed in with a recovery code. You have 9 recovery codes left."));
    mvc.perform(get("/").session(session))
        .andExpect(redirectedUrl("/p/" + partnership.slug()))
        .andExpect(
            flash()
                .attribute(
                    "message",
                    "You signed in with a recovery code. You have 9 recovery codes left."));
    assertThat(enrolments.of(enrolled.accountId()).orElseThrow().recoveryCodesLeft()).isEqualTo(9);

    MockHttpSession again = passwordFrom(email, address);
    mvc.perform(recovery(again, address, recoveryCode))
        .andExpect(unauthenticated())
        .andExpect(
            content()
                .string(
                    containsString(
                        "The recovery code is not correct, or it has been used. Check it and try"
                            + " again")));
    // another of the codes still works
    mvc.perform(recovery(again, address, enrolled.recoveryCodes().get(7)))
        .andExpect(authenticated());

    assertThat(records(partnership, email, "TWO_FACTOR_RECOVERY_CODE_USED"))
        .extracting(AuditRecord::summary)
        .containsExactly(
            "Used a recovery code to sign in: 8 codes left",
            "Used a recovery code to sign in: 9 codes left");
    assertThat(records(partnership, email, "SIGN_IN_FAILED"))
        .extracting(AuditRecord::summary)
        .containsExactly("Wrong recovery code when signing in");
  }

  @Test
  void turningItOffAndGettingNewRecoveryCodesNeedACurrentCode() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.ANALYST);
    Enrolled enrolled = enrol(email);
    String address = SignInIntegrationTests.anAddress();
    MockHttpSession session = passwordFrom(email, address);
    mvc.perform(code(session, address, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(authenticated());

    mvc.perform(get("/account/two-factor").session(session))
        .andExpect(content().string(containsString("Two-factor sign-in is on. You set it up on")))
        .andExpect(content().string(containsString("You have 10 recovery codes left.")))
        .andExpect(content().string(containsString("Turn off two-factor sign-in")));

    String renewed =
        mvc.perform(
                post("/account/two-factor/recovery-codes")
                    .session(session)
                    .with(csrf())
                    .param("code", freshCode(enrolled.accountId(), enrolled.secret())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(renewed)
        .contains("Your new recovery codes")
        .contains("Your old recovery codes no longer work.");
    assertThat(codesOn(renewed)).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());

    mvc.perform(get("/account/two-factor/turn-off").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("You will sign in with your password only")));
    mvc.perform(turnOff(session, wrongCode(enrolled)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Error: Turn off two-factor sign-in")))
        .andExpect(content().string(containsString("The code is not correct")));
    assertThat(enrolments.enrolled(enrolled.accountId())).isTrue();
    mvc.perform(turnOff(session, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(redirectedUrl("/account/two-factor"))
        .andExpect(flash().attribute("message", "Two-factor sign-in is off"));
    assertThat(enrolments.enrolled(enrolled.accountId())).isFalse();
    assertThat(notices(email))
        .containsExactly(
            "Two-factor sign-in was set up for your CCR Hub account",
            "Two-factor sign-in was turned off for your CCR Hub account");

    // the password alone signs in again
    mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, address))
        .andExpect(authenticated())
        .andExpect(redirectedUrl("/"));
    assertThat(actions(partnership, email))
        .contains("TWO_FACTOR_RECOVERY_CODES_RENEWED", "TWO_FACTOR_TURNED_OFF");
    assertThat(records(partnership, email, "SIGN_IN_FAILED"))
        .extracting(AuditRecord::summary)
        .containsExactly("Wrong two-factor code when turning off two-factor sign-in");
  }

  @Test
  void someoneWhoseRoleRequiresItCanDoNothingElseUntilTheyHaveSetItUpNorTurnItOff()
      throws Exception {
    Set<Role> before = enrolments.requireForRoles(Set.of(Role.ANALYST));
    try {
      Partnership partnership = fixtures.partnership();
      String email = fixtures.user(partnership, Role.ANALYST);
      String home = "/p/" + partnership.slug();

      MvcResult password =
          mvc.perform(
                  SignInIntegrationTests.signIn(
                      email, Fixtures.PASSWORD, SignInIntegrationTests.anAddress()))
              .andExpect(redirectedUrl("/account/two-factor"))
              .andReturn();
      MockHttpSession session = (MockHttpSession) password.getRequest().getSession(false);
      mvc.perform(get(home).session(session)).andExpect(redirectedUrl("/account/two-factor"));
      mvc.perform(get("/account/password").session(session))
          .andExpect(redirectedUrl("/account/two-factor"));
      mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/two-factor"));
      String page =
          mvc.perform(get("/account/two-factor").session(session))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page)
          .contains("Your role as analyst requires two-factor sign-in. Set it up to continue.");

      mvc.perform(setUp(session, totp.codeAt(keyOn(page), Instant.now())))
          .andExpect(status().isOk());
      mvc.perform(get(home).session(session)).andExpect(status().isOk());
      mvc.perform(get("/account/two-factor").session(session))
          .andExpect(
              content()
                  .string(
                      containsString(
                          "Your role as analyst requires two-factor sign-in, so you cannot turn it"
                              + " off.")))
          .andExpect(content().string(not(containsString("/account/two-factor/turn-off"))));
      mvc.perform(get("/account/two-factor/turn-off").session(session))
          .andExpect(redirectedUrl("/account/two-factor"));
      long accountId = idOf(email);
      TotpSecret secret = keyOn(page);
      mvc.perform(turnOff(session, freshCode(accountId, secret)))
          .andExpect(redirectedUrl("/account/two-factor"));
      assertThat(enrolments.enrolled(accountId)).isTrue();
    } finally {
      enrolments.requireForRoles(before);
    }
  }

  @Test
  void anAdministratorResetsItWithAReasonThatIsAuditedAndAnotherPartnershipsAdministratorCannot()
      throws Exception {
    Partnership partnership = fixtures.partnership();
    String adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    MockHttpSession admin = Fixtures.signIn(mvc, adminEmail);
    String email = fixtures.user(partnership, Role.ACTION_LEAD);
    Enrolled enrolled = enrol(email);
    String address = SignInIntegrationTests.anAddress();
    MockHttpSession member = passwordFrom(email, address);
    mvc.perform(code(member, address, freshCode(enrolled.accountId(), enrolled.secret())))
        .andExpect(authenticated());
    String user = "/p/" + partnership.slug() + "/admin/users/" + enrolled.accountId();

    mvc.perform(get(user).session(admin))
        .andExpect(content().string(containsString("with 10 recovery codes left.")))
        .andExpect(content().string(containsString("Reset two-factor sign-in")));
    mvc.perform(get(user + "/two-factor/reset").session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Why are you resetting it?")));
    mvc.perform(reset(admin, user, "  "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Error: Reset two-factor sign-in")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<a href=\"#reason\">Enter why you are resetting two-factor sign-in</a>")));
    assertThat(enrolments.enrolled(enrolled.accountId())).isTrue();

    // another partnership's administrator: not found, whichever partnership the address names
    Partnership elsewhere = fixtures.partnership();
    MockHttpSession otherAdmin =
        Fixtures.signIn(mvc, fixtures.user(elsewhere, Role.PARTNERSHIP_ADMIN));
    String foreign = "/p/" + elsewhere.slug() + "/admin/users/" + enrolled.accountId();
    mvc.perform(get(foreign + "/two-factor/reset").session(otherAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(reset(otherAdmin, foreign, "taking over")).andExpect(status().isNotFound());
    mvc.perform(reset(otherAdmin, user, "taking over")).andExpect(status().isNotFound());
    assertThat(enrolments.enrolled(enrolled.accountId())).isTrue();

    mvc.perform(reset(admin, user, "New phone; confirmed by a call to her desk"))
        .andExpect(redirectedUrl(user))
        .andExpect(
            flash()
                .attribute(
                    "message",
                    "Two-factor sign-in reset for "
                        + email
                        + ". They will set it up again when they next sign in."));
    assertThat(enrolments.enrolled(enrolled.accountId())).isFalse();
    assertThat(notices(email))
        .containsExactly(
            "Two-factor sign-in was set up for your CCR Hub account",
            "Two-factor sign-in was reset for your CCR Hub account");
    assertThat(
            jdbc.sql("select count(*) from two_factor_recovery_code where account_id = :id")
                .param("id", enrolled.accountId())
                .query(Long.class)
                .single())
        .isZero();
    // they are signed out, and sign in with the password alone
    mvc.perform(get("/p/" + partnership.slug()).session(member))
        .andExpect(redirectedUrl("/sign-in?timeout"));
    mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, address))
        .andExpect(authenticated());
    mvc.perform(get(user).session(admin))
        .andExpect(content().string(containsString("Not set up.")));

    assertThat(
            audit.search(
                partnership.id(),
                new AuditQuery(null, null, null, "TWO_FACTOR_RESET", null, 1, 10)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.actor()).isEqualTo(adminEmail);
              assertThat(r.partnershipId()).isEqualTo(partnership.id());
              assertThat(r.objectId()).isEqualTo(String.valueOf(enrolled.accountId()));
              assertThat(r.summary())
                  .isEqualTo(
                      "Reset two-factor sign-in for "
                          + email
                          + " and signed them out (1 session). Reason: New phone; confirmed by a"
                          + " call to her desk");
            });
  }

  @Test
  void theCommandLineResetsAMembersTwoFactorSignInWithAReason() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    Enrolled enrolled = enrol(email);
    Partnership elsewhere = fixtures.partnership();

    AdminCommands.Result notAMember =
        commands.run(
            "user",
            "reset-2fa",
            "--partnership",
            elsewhere.slug(),
            "--email",
            email,
            "--reason",
            "lost phone");
    assertThat(notAMember.exitCode()).as(notAMember.out() + notAMember.err()).isOne();
    assertThat(notAMember.err())
        .as(notAMember.out())
        .contains("No user " + email + " in " + elsewhere.slug());
    assertThat(
            commands
                .run("user", "reset-2fa", "--partnership", partnership.slug(), "--email", email)
                .exitCode())
        .isEqualTo(2);
    assertThat(enrolments.enrolled(enrolled.accountId())).isTrue();

    AdminCommands.Result done =
        commands.run(
            "user",
            "reset-2fa",
            "--partnership",
            partnership.slug(),
            "--email",
            email,
            "--reason",
            "lost phone, confirmed by her manager");
    assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
    assertThat(done.out())
        .isEqualTo(
            "Reset two-factor sign-in for "
                + email
                + " in "
                + partnership.slug()
                + ": they set it up again at their next sign-in."
                + System.lineSeparator());
    assertThat(enrolments.enrolled(enrolled.accountId())).isFalse();
    assertThat(
            audit.search(
                partnership.id(),
                new AuditQuery(null, null, null, "TWO_FACTOR_RESET", null, 1, 10)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.actor()).startsWith("command line (");
              assertThat(r.summary())
                  .isEqualTo(
                      "Reset two-factor sign-in for "
                          + email
                          + ". Reason: lost phone, confirmed by her manager");
            });

    AdminCommands.Result again =
        commands.run(
            "user",
            "reset-2fa",
            "--partnership",
            partnership.slug(),
            "--email",
            email,
            "--reason",
            "again");
    assertThat(again.exitCode()).isOne();
    assertThat(again.err())
        .contains(email + " has not set up two-factor sign-in: there is nothing to reset");
  }

  /** Signs in with the password and sets up two-factor sign-in, as the person would. */
  private Enrolled enrol(String email) throws Exception {
    MockHttpSession session = Fixtures.signIn(mvc, email);
    String page =
        mvc.perform(get("/account/two-factor").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    TotpSecret secret = keyOn(page);
    String done =
        mvc.perform(setUp(session, totp.codeAt(secret, Instant.now())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(post("/sign-out").session(session).with(csrf()));
    return new Enrolled(idOf(email), secret, codesOn(done));
  }

  /**
   * The app's code now, as if the last code accepted was a minute ago: tests cannot wait 30 seconds
   * for each new code.
   */
  private String freshCode(long accountId, TotpSecret secret) {
    Instant now = Instant.now();
    jdbc.sql("update two_factor set last_used_step = :step where account_id = :id")
        .param("step", Totp.stepAt(now) - 2)
        .param("id", accountId)
        .update();
    return totp.codeAt(secret, now);
  }

  /** A code that is none of those around now. */
  private String wrongCode(Enrolled enrolled) {
    long step = Totp.stepAt(Instant.now());
    List<String> near = new ArrayList<>();
    for (long s = step - 2; s <= step + 2; s++) {
      near.add(totp.code(enrolled.secret(), s));
    }
    for (long far = step + 10; ; far++) {
      String code = totp.code(enrolled.secret(), far);
      if (!near.contains(code)) {
        return code;
      }
    }
  }

  private MockHttpSession passwordFrom(String email, String address) throws Exception {
    return (MockHttpSession)
        mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, address))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/sign-in/code"))
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  private static org.springframework.test.web.servlet.RequestBuilder setUp(
      MockHttpSession session, String code) {
    return post("/account/two-factor")
        .session(session)
        .with(csrf())
        .param("password", Fixtures.PASSWORD)
        .param("code", code);
  }

  private static org.springframework.test.web.servlet.RequestBuilder code(
      MockHttpSession session, String address, String code) {
    return post("/sign-in/code")
        .session(session)
        .with(csrf())
        .with(SignInIntegrationTests.from(address))
        .param("code", code);
  }

  private static org.springframework.test.web.servlet.RequestBuilder recovery(
      MockHttpSession session, String address, String code) {
    return post("/sign-in/recovery-code")
        .session(session)
        .with(csrf())
        .with(SignInIntegrationTests.from(address))
        .param("code", code);
  }

  private static org.springframework.test.web.servlet.RequestBuilder turnOff(
      MockHttpSession session, String code) {
    return post("/account/two-factor/turn-off").session(session).with(csrf()).param("code", code);
  }

  private static org.springframework.test.web.servlet.RequestBuilder reset(
      MockHttpSession session, String user, String reason) {
    return post(user + "/two-factor/reset").session(session).with(csrf()).param("reason", reason);
  }

  private static TotpSecret keyOn(String page) {
    Matcher key = KEY.matcher(page);
    assertThat(key.find()).as("the key on the page").isTrue();
    return TotpSecret.of(Base32.decode(key.group(1).replace(" ", "")));
  }

  private static List<String> codesOn(String page) {
    List<String> codes = new ArrayList<>();
    Matcher code = RECOVERY_CODE.matcher(page);
    while (code.find()) {
      codes.add(code.group(1));
    }
    return codes;
  }

  /** "123 456", as some apps show it. */
  private static String spaced(String code) {
    return code.substring(0, 3) + " " + code.substring(3);
  }

  /** The subjects of the notices about two-factor sign-in queued for the address. */
  private List<String> notices(String email) {
    return jdbc.sql(
            "select subject from mail_message where recipient = :to"
                + " and template = 'two-factor-changed' order by id")
        .param("to", email)
        .query(String.class)
        .list();
  }

  private long idOf(String email) {
    return accounts.findByEmail(email).orElseThrow().id();
  }

  private List<String> actions(Partnership partnership, String email) {
    return audit
        .search(partnership.id(), new AuditQuery(null, null, email, null, null, 1, 100))
        .stream()
        .map(AuditRecord::action)
        .toList();
  }

  private List<AuditRecord> records(Partnership partnership, String email, String action) {
    return audit.search(partnership.id(), new AuditQuery(null, null, email, action, null, 1, 100));
  }
}
