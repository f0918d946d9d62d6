package org.ccrhub.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ccrhub.Fixtures;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signs test accounts in with two-factor sign-in, as the MARAC roles require: sets it up on first
 * use (through {@link DemoTwoFactor}), then signs in through the real password and code forms.
 */
@TestComponent
public class TwoFactorSessions {

  private final DemoTwoFactor demo;
  private final JdbcClient jdbc;
  private final Totp totp = new Totp();
  private final Map<String, TotpSecret> secrets = new ConcurrentHashMap<>();

  TwoFactorSessions(DemoTwoFactor demo, JdbcClient jdbc) {
    this.demo = demo;
    this.jdbc = jdbc;
  }

  /** Sets up two-factor sign-in for the account if this has not yet. */
  public void setUp(String email) {
    secrets.computeIfAbsent(email, e -> TotpSecret.of(decode(demo.setUp(accountId(e)))));
  }

  /** Signs in with the password and a code from the app, setting it up first if needed. */
  public MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
    setUp(email);
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    formLogin("/sign-in")
                        .userParameter("email")
                        .user(email)
                        .password(Fixtures.PASSWORD))
                .andReturn()
                .getRequest()
                .getSession(false);
    mvc.perform(post("/sign-in/code").session(session).with(csrf()).param("code", freshCode(email)))
        .andExpect(authenticated());
    return session;
  }

  /**
   * The app's code now, as if the last code accepted was a minute ago (tests cannot wait 30 seconds
   * for each new code): for a browser test to type.
   */
  public String freshCode(String email) {
    setUp(email);
    Instant now = Instant.now();
    long id = accountId(email);
    jdbc.sql("update two_factor set last_used_step = :step where account_id = :id")
        .param("step", Totp.stepAt(now) - 2)
        .param("id", id)
        .update();
    return totp.codeAt(secrets.get(email), now);
  }

  private long accountId(String email) {
    return jdbc.sql("select id from user_account where email = :e")
        .param("e", email)
        .query(Long.class)
        .single();
  }

  private static byte[] decode(String base32) {
    return new org.apache.commons.codec.binary.Base32().decode(base32);
  }
}
