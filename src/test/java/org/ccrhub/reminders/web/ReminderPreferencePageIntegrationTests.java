package org.ccrhub.reminders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.reminders.Reminders;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The Email reminders page: a person chooses a reminder at each step or one weekly digest. */
@CcrHubTest
class ReminderPreferencePageIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Reminders reminders;
  @Autowired Accounts accounts;

  @Test
  void aPersonChoosesTheWeeklyDigestAndBackAndOnlyForThemselves() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.ACTION_LEAD);
    String other = fixtures.user(partnership, Role.ACTION_LEAD);
    MockHttpSession session = Fixtures.signIn(mvc, email);

    String page =
        mvc.perform(get("/account/reminders").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("An email at each step")
        .contains("When a period opens, 5 days before the due date and on the due date.")
        .contains("On Mondays, listing every action that needs an update.")
        .contains("Emails about late updates come either way");

    mvc.perform(
            post("/account/reminders").param("reminders", "weekly").session(session).with(csrf()))
        .andExpect(redirectedUrl("/account/reminders"));
    assertThat(reminders.wantsDigest(account(partnership, email))).isTrue();
    assertThat(reminders.wantsDigest(account(partnership, other))).isFalse();

    mvc.perform(
            post("/account/reminders")
                .param("reminders", "each-step")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/account/reminders"));
    assertThat(reminders.wantsDigest(account(partnership, email))).isFalse();

    mvc.perform(post("/account/reminders").param("reminders", "weekly").session(session))
        .andExpect(status().isForbidden());
    assertThat(reminders.wantsDigest(account(partnership, email))).isFalse();
  }

  private long account(Partnership partnership, String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow()
        .accountId();
  }
}
