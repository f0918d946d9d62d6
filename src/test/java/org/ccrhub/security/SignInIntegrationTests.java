package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditQuery;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@CcrHubTest
class SignInIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AuditTrail audit;
  @Autowired Accounts accounts;

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
  }

  @Test
  void tenWrongPasswordsLockTheAccountEvenToTheRightPasswordAndTheTrailShowsIt() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);

    for (int i = 0; i < 9; i++) {
      mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("wrong " + i))
          .andExpect(unauthenticated());
    }
    // nine failures: not locked yet
    mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password("wrong 10"))
        .andExpect(unauthenticated());

    mvc.perform(
            formLogin("/sign-in").userParameter("email").user(email).password(Fixtures.PASSWORD))
        .andExpect(unauthenticated());

    long accountId = accounts.findByEmail(email).orElseThrow().id();
    List<AuditRecord> trail =
        audit.search(partnership.id(), new AuditQuery(null, null, email, null, null, 1, 100));
    assertThat(trail).extracting(AuditRecord::action).contains("LOCKED_OUT");
    assertThat(trail)
        .filteredOn(r -> r.action().equals("SIGN_IN_FAILED"))
        .hasSize(11)
        .allSatisfy(r -> assertThat(r.actorAccountId()).isEqualTo(accountId))
        .allSatisfy(r -> assertThat(r.sourceAddress()).isEqualTo("127.0.0.1"));
    assertThat(trail.get(0).summary()).isEqualTo("Sign-in refused: account is locked");

    // an administrator unlocks it, and the right password works again
    accounts.unblock(partnership.id(), accountId);
    mvc.perform(
            formLogin("/sign-in").userParameter("email").user(email).password(Fixtures.PASSWORD))
        .andExpect(authenticated());
    assertThat(admin).isNotBlank();
  }

  @Test
  void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
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
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("Password is too common")));

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
}
