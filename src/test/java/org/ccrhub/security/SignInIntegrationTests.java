package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CcrHubTest
class SignInIntegrationTests {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final String RUN = Integer.toHexString(RANDOM.nextInt(0x10000));
  private static final int RUN_LOW = RANDOM.nextInt(0x10) << 12;

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AuditTrail audit;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  /**
   * A documentation address (RFC 3849) that no other test, and no earlier run on a reused database,
   * has used: each in a /64 of its own, since the throttle keys an IPv6 address by its /64.
   */
  static String anAddress() {
    return "2001:db8:"
        + RUN
        + ":"
        + Integer.toHexString(RUN_LOW | (ADDRESSES.incrementAndGet() & 0xfff))
        + "::1";
  }

  static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void signsInWithTheRightPasswordAndLandsOnThePartnershipHome() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);

    mvc.perform(
            formLogin("/sign-in").userParameter("email").user(email).password(Fixtures.PASSWORD))
        .andExpect(authenticated())
        .andExpect(redirectedUrl("/"));
    MockHttpSession session = Fixtures.signIn(mvc, email);
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/p/" + partnership.slug()));
  }

  @Test
  void refusesAWrongPasswordWithAGeneralMessage() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);

    mvc.perform(
            formLogin("/sign-in")
                .userParameter("email")
                .user(email)
                .password("wrong password here"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/sign-in?error"));
    mvc.perform(get("/sign-in").param("error", ""))
        .andExpect(content().string(containsString("Enter a correct email address and password")));
  }

  @Test
  void wrongPasswordsFromOneAddressMakeItWaitWhileTheRightPasswordStillSignsInFromAnother()
      throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    long accountId = accounts.findByEmail(email).orElseThrow().id();
    String attacker = anAddress();
    String person = anAddress();

    for (int i = 1; i <= 4; i++) {
      mvc.perform(wrongPassword(email, attacker)).andExpect(redirectedUrl("/sign-in?error"));
    }
    mvc.perform(wrongPassword(email, attacker)).andExpect(redirectedUrl("/sign-in?error&wait=1"));
    // now even the right password from the attacker's address is refused, unchecked
    mvc.perform(signIn(email, Fixtures.PASSWORD, attacker))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/sign-in?wait=1"));
    for (int i = 0; i < 20; i++) {
      mvc.perform(wrongPassword(email, attacker)).andExpect(redirectedUrl("/sign-in?wait=1"));
    }
    mvc.perform(get("/sign-in").param("wait", "1"))
        .andExpect(
            content()
                .string(
                    containsString(
                        "There have been too many wrong passwords for this account from your"
                            + " network. Wait 1 minute before trying again.")));

    // the person, elsewhere, is not locked out
    mvc.perform(signIn(email, Fixtures.PASSWORD, person)).andExpect(authenticated());
    // and their sign-in does not end the attacker's wait
    mvc.perform(signIn(email, Fixtures.PASSWORD, attacker)).andExpect(unauthenticated());

    List<AuditRecord> trail =
        audit.search(partnership.id(), new AuditQuery(null, null, email, null, null, 1, 100));
    assertThat(trail)
        .filteredOn(r -> r.action().equals("SIGN_IN_FAILED"))
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.actorAccountId()).isEqualTo(accountId))
        .allSatisfy(r -> assertThat(r.sourceAddress()).isEqualTo(attacker))
        .allSatisfy(r -> assertThat(r.summary()).isEqualTo("Wrong password"));
    assertThat(trail)
        .filteredOn(r -> r.action().equals("SIGN_IN_THROTTLED"))
        .extracting(AuditRecord::summary)
        .containsExactly(
            "Sign-ins from "
                + SignInHandlers.keyOf(attacker)
                + " slowed down after 5 failed sign-ins: the next may come in 1 minute");
    // the 22 refused attempts are one counter, not 22 records
    assertThat(trail).hasSize(5 + 1 + 1);
    assertThat(
            jdbc.sql("select refused from sign_in_throttle where address = :a")
                .param("a", SignInHandlers.keyOf(attacker))
                .query(Integer.class)
                .single())
        .isEqualTo(22);
  }

  @Test
  void anEmailWithNoAccountIsSlowedDownAlikeAndKeptOnlyAsAnHmac() throws Exception {
    String address = anAddress();
    String typed = "Not.An.Account." + address + "@Nowhere.example";
    String password = "correct horse battery staple " + address;
    String tooLong = "x".repeat(300) + address;

    for (int i = 1; i <= 4; i++) {
      mvc.perform(signIn(typed, "wrong", address)).andExpect(redirectedUrl("/sign-in?error"));
    }
    mvc.perform(signIn(typed, "wrong", address)).andExpect(redirectedUrl("/sign-in?error&wait=1"));
    mvc.perform(signIn(typed, "wrong", address)).andExpect(redirectedUrl("/sign-in?wait=1"));
    // a password typed into the email box, and text longer than any email
    mvc.perform(signIn(password, "x", address)).andExpect(redirectedUrl("/sign-in?error"));
    mvc.perform(signIn(tooLong, "x", address)).andExpect(redirectedUrl("/sign-in?error"));

    List<String> stored =
        jdbc.sql(
                "select actor || ' ' || coalesce(summary, '') || ' ' || coalesce(object_id, '')"
                    + " from audit_event where source_address = :a")
            .param("a", address)
            .query(String.class)
            .list();
    assertThat(stored).hasSize(4 + 1 + 1 + 1 + 1);
    assertThat(stored)
        .allSatisfy(
            text ->
                assertThat(text.toLowerCase())
                    .doesNotContain(typed.toLowerCase())
                    .doesNotContain("horse")
                    .doesNotContain("xxxxxxxx")
                    .matches("unknown email [0-9a-f]{16} .*"));
    assertThat(
            jdbc.sql("select subject from sign_in_throttle where address = :a")
                .param("a", SignInHandlers.keyOf(address))
                .query(String.class)
                .list())
        .hasSize(3)
        .allSatisfy(subject -> assertThat(subject).matches("[0-9a-f]{64}"));
  }

  @Test
  void theOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
    Partnership partnership = fixtures.partnership();
    NewAccount account =
        accounts.addMember(
            partnership,
            "first-" + partnership.slug() + "@test.example",
            "First Timer",
            Role.VIEWER,
            null);
    String oneTime = account.oneTimePassword().orElseThrow();

    MockHttpSession session = Fixtures.signIn(mvc, account.email(), oneTime);
    mvc.perform(get("/p/" + partnership.slug()).session(session))
        .andExpect(redirectedUrl("/account/password"));

    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", oneTime)
                .param("newPassword", "password1234")
                .param("confirmPassword", "password1234"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Password is too common")));

    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", oneTime)
                .param("newPassword", "marmalade lighthouse gravel")
                .param("confirmPassword", "marmalade lighthouse gravel"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/p/" + partnership.slug()).session(session)).andExpect(status().isOk());
  }

  @Test
  void anExpiredOneTimePasswordIsRefusedWithAPlainMessageButOnlyWhenItIsRight() throws Exception {
    Partnership partnership = fixtures.partnership();
    NewAccount account =
        accounts.addMember(
            partnership, "late-" + partnership.slug() + "@test.example", "Late", Role.VIEWER, null);
    jdbc.sql(
            "update user_account set one_time_password_expires_at = now() - interval '1 minute'"
                + " where id = :id")
        .param("id", account.accountId())
        .update();

    mvc.perform(signIn(account.email(), "not it at all", anAddress()))
        .andExpect(redirectedUrl("/sign-in?error"));
    mvc.perform(signIn(account.email(), account.oneTimePassword().orElseThrow(), anAddress()))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/sign-in?expired-password"));
    mvc.perform(get("/sign-in").param("expired-password", ""))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Your one-time password has expired. Ask your partnership administrator"
                            + " for a new one.")));
  }

  @Test
  void aWrongCurrentPasswordCountsAsAFailedSignInAndCanMakeTheAddressWait() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    String address = anAddress();
    MockHttpSession session = session(email, address);

    for (int i = 1; i <= 5; i++) {
      mvc.perform(changePassword(session, address, "wrong " + i, "tangerine radiator quill"))
          .andExpect(status().isOk())
          .andExpect(
              content()
                  .string(
                      containsString(
                          i < 5
                              ? "Your current password is wrong"
                              : "You have entered a wrong password too many times. Wait 1"
                                  + " minute and try again.")));
    }
    // even the right one is refused while the address waits
    mvc.perform(changePassword(session, address, Fixtures.PASSWORD, "tangerine radiator quill"))
        .andExpect(content().string(containsString("You have entered a wrong password too many")));
    mvc.perform(signIn(email, Fixtures.PASSWORD, address))
        .andExpect(redirectedUrl("/sign-in?wait=1"));
    assertThat(
            audit.search(partnership.id(), new AuditQuery(null, null, email, null, null, 1, 100)))
        .filteredOn(r -> r.action().equals("SIGN_IN_FAILED"))
        .hasSize(5)
        .allSatisfy(
            r ->
                assertThat(r.summary()).isEqualTo("Wrong current password when changing password"));
  }

  @Test
  void changingThePasswordEndsTheOtherSessionsAndGivesThisOneANewId() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    String address = anAddress();
    MockHttpSession laptop = session(email, address);
    MockHttpSession phone = session(email, anAddress());
    String home = "/p/" + partnership.slug();
    mvc.perform(get(home).session(phone)).andExpect(status().isOk());
    String before = sessionIdOf(laptop);

    mvc.perform(changePassword(laptop, address, Fixtures.PASSWORD, "tangerine radiator quill"))
        .andExpect(redirectedUrl("/"));

    assertThat(sessionIdOf(laptop)).isNotEqualTo(before);
    mvc.perform(get(home).session(laptop)).andExpect(status().isOk());
    // the phone's session is gone, as after a timeout: it is sent to sign in again
    mvc.perform(get(home).session(phone)).andExpect(redirectedUrl("/sign-in?timeout"));
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = :id")
                .param("id", before)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void thePersonIsToldOfFailedAttemptsAtTheirNextSignInAndTheirLinkEndsEveryWait()
      throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    String attacker = anAddress();
    String otherAttacker = anAddress();
    for (int i = 0; i < 6; i++) {
      mvc.perform(wrongPassword(email, attacker));
    }
    mvc.perform(wrongPassword(email, otherAttacker));

    var signedIn =
        mvc.perform(signIn(email, Fixtures.PASSWORD, anAddress()))
            .andExpect(authenticated())
            .andExpect(redirectedUrl("/account/sign-in-notice"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
    String page =
        mvc.perform(get("/account/sign-in-notice").session(session))
            .andExpect(status().isOk())
            .andExpect(
                content()
                    .string(
                        containsString(
                            "Someone tried to sign in to your account with a wrong password 6 times"
                                + " from 2 network addresses")))
            .andExpect(content().string(containsString("A further 1 attempt was refused")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String link = page.replaceAll("(?s).*href=\"(/sign-in/unblock/[A-Za-z0-9_-]{43})\".*", "$1");
    assertThat(link).startsWith("/sign-in/unblock/");
    // shown once
    mvc.perform(get("/account/sign-in-notice").session(session)).andExpect(redirectedUrl("/"));

    // the link works without signing in, once
    mvc.perform(get(link))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Unblock sign-in to your account")));
    mvc.perform(post(link).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Your account is unblocked")));
    mvc.perform(signIn(email, Fixtures.PASSWORD, attacker)).andExpect(authenticated());
    mvc.perform(post(link).with(csrf()))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This link does not work")));
    assertThat(
            audit.search(partnership.id(), new AuditQuery(null, null, email, null, null, 1, 100)))
        .extracting(AuditRecord::action)
        .contains("SIGN_IN_UNBLOCKED", "SIGN_IN_THROTTLE_ENDED");
    // nothing more to tell at the next sign-in
    mvc.perform(signIn(email, Fixtures.PASSWORD, anAddress())).andExpect(redirectedUrl("/"));
  }

  @Test
  void loginShowsTheSignInPageOrHomeWhenSignedIn() throws Exception {
    Partnership partnership = fixtures.partnership();
    MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));

    mvc.perform(get("/login")).andExpect(redirectedUrl("/sign-in"));
    mvc.perform(get("/sign-in"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sign in to CCR Hub")));
    mvc.perform(get("/login").session(session)).andExpect(redirectedUrl("/sign-in"));
    mvc.perform(get("/sign-in").session(session)).andExpect(redirectedUrl("/"));
  }

  @Test
  void redirectsNeverCarryTheHostTheClientNamed() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);

    mvc.perform(get("/p/" + partnership.slug()).header("Host", "evil.example"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/sign-in"));
    var signedIn =
        mvc.perform(
                post("/sign-in")
                    .header("Host", "evil.example")
                    .with(csrf())
                    .param("email", email)
                    .param("password", Fixtures.PASSWORD))
            .andExpect(header().string("Location", "/"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
    mvc.perform(get("/").session(session).header("Host", "evil.example"))
        .andExpect(header().string("Location", "/p/" + partnership.slug()))
        .andExpect(header().string("Location", not(containsString("evil"))));
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() throws Exception {
    mvc.perform(post("/sign-in").param("email", "a@b.example").param("password", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    mvc.perform(get("/sign-in"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "same-origin"));
    assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }

  private static org.springframework.test.web.servlet.RequestBuilder wrongPassword(
      String email, String address) {
    return signIn(email, "not the password " + address, address);
  }

  /** The sign-in form sent from an address. */
  static org.springframework.test.web.servlet.RequestBuilder signIn(
      String email, String password, String address) {
    return post("/sign-in")
        .with(csrf())
        .with(from(address))
        .param("email", email)
        .param("password", password);
  }

  private MockHttpSession session(String email, String address) throws Exception {
    return (MockHttpSession)
        mvc.perform(signIn(email, Fixtures.PASSWORD, address))
            .andExpect(authenticated())
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  private static org.springframework.test.web.servlet.RequestBuilder changePassword(
      MockHttpSession session, String address, String current, String chosen) {
    return post("/account/password")
        .session(session)
        .with(csrf())
        .with(from(address))
        .param("currentPassword", current)
        .param("newPassword", chosen)
        .param("confirmPassword", chosen);
  }

  private static String sessionIdOf(MockHttpSession session) {
    return (String) session.getAttribute("org.ccrhub.MockMvcSessions.ID");
  }
}
