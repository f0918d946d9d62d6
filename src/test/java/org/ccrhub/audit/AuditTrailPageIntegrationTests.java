package org.ccrhub.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators search their own partnership's trail, including their members' sign-ins. */
@CcrHubTest
class AuditTrailPageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;

  @Test
  void showsALockOutOfAMemberAndNothingOfAnotherPartnership() throws Exception {
    Partnership ours = fixtures.partnership();
    Partnership theirs = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));
    String member = fixtures.user(ours, Role.ACTION_LEAD);
    String stranger = fixtures.user(theirs, Role.ACTION_LEAD);
    for (int i = 0; i < 10; i++) {
      accounts.signInFailed(member, false);
      accounts.signInFailed(stranger, false);
    }

    mvc.perform(
            get("/p/" + ours.slug() + "/admin/audit").param("action", "LOCKED_OUT").session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(member)))
        .andExpect(
            content().string(containsString("Locked for 15 minutes after 10 failed sign-ins")))
        .andExpect(content().string(not(containsString(stranger))));

    mvc.perform(get("/p/" + ours.slug() + "/admin/audit").param("actor", stranger).session(admin))
        .andExpect(content().string(containsString("No records match")));
  }

  @Test
  void showsAJoiningMembersSignInsOnlyFromWhenTheyJoined() throws Exception {
    Partnership theirs = fixtures.partnership();
    Partnership ours = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));
    String joiner = fixtures.user(theirs, Role.ACTION_LEAD);
    for (int i = 0; i < 10; i++) {
      accounts.signInFailed(joiner, false);
    }
    accounts.ensureRole(ours, joiner, Role.VIEWER);
    accounts.signInFailed(joiner, true);

    mvc.perform(get("/p/" + ours.slug() + "/admin/audit").param("actor", joiner).session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sign-in refused: account is locked")))
        .andExpect(content().string(not(containsString("Wrong password"))))
        .andExpect(content().string(not(containsString("Locked for 15 minutes"))));
    mvc.perform(
            get("/p/" + theirs.slug() + "/admin/audit")
                .param("actor", joiner)
                .session(Fixtures.signIn(mvc, fixtures.user(theirs, Role.PARTNERSHIP_ADMIN))))
        .andExpect(content().string(containsString("Wrong password")))
        .andExpect(content().string(containsString("Locked for 15 minutes")));
  }

  @Test
  void refusesABadDateWithAnErrorInsteadOfFailing() throws Exception {
    Partnership ours = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));

    mvc.perform(
            get("/p/" + ours.slug() + "/admin/audit").param("from", "31/13/2026").session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("There is a problem")))
        .andExpect(content().string(containsString("Enter a date in the form 2026-11-22")));
  }

  @Test
  void isForAdministratorsOnly() throws Exception {
    Partnership ours = fixtures.partnership();
    MockHttpSession analyst = Fixtures.signIn(mvc, fixtures.user(ours, Role.ANALYST));
    mvc.perform(get("/p/" + ours.slug() + "/admin/audit").session(analyst))
        .andExpect(status().isForbidden());
  }
}
