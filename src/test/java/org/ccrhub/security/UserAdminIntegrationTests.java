package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.audit.AuditQuery;
import org.ccrhub.audit.AuditRecord;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A partnership administrator adds users, changes their roles, unlocks and removes them. */
@CcrHubTest
class UserAdminIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired AuditTrail audit;

  Partnership partnership;
  String adminEmail;
  MockHttpSession admin;
  String users;

  @BeforeEach
  void anAdministrator() throws Exception {
    partnership = fixtures.partnership();
    adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    admin = Fixtures.signIn(mvc, adminEmail);
    users = "/p/" + partnership.slug() + "/admin/users";
  }

  @Test
  void addsAUserWhoGetsAOneTimePasswordShownOnce() throws Exception {
    String email = "new." + partnership.slug() + "@police.example";
    MvcResult added =
        mvc.perform(
                post(users + "/new")
                    .session(admin)
                    .with(csrf())
                    .param("email", email)
                    .param("name", "Nadia New")
                    .param("roles", "ACTION_LEAD", "ANALYST"))
            .andExpect(redirectedUrl(users))
            .andExpect(flash().attribute("message", "Account created for " + email))
            .andReturn();
    String oneTime = (String) added.getFlashMap().get("oneTimePassword");
    assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");

    mvc.perform(get(users).session(admin))
        .andExpect(content().string(containsString(oneTime)))
        .andExpect(content().string(containsString("Nadia New")))
        .andExpect(content().string(containsString("Action lead")))
        .andExpect(content().string(containsString("Analyst")));
    mvc.perform(get(users).session(admin))
        .andExpect(content().string(not(containsString(oneTime))));

    mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password(oneTime))
        .andExpect(authenticated())
        .andExpect(redirectedUrl("/account/password"));
  }

  @Test
  void aFormWithMistakesComesBackWithTheErrorSummaryAndWhatWasTyped() throws Exception {
    mvc.perform(
            post(users + "/new")
                .session(admin)
                .with(csrf())
                .param("email", "not an email")
                .param("name", "Kept Name"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("There is a problem")))
        .andExpect(content().string(containsString("Enter an email address in the correct format")))
        .andExpect(content().string(containsString("Select at least one role")))
        .andExpect(content().string(containsString("value=\"Kept Name\"")))
        .andExpect(content().string(containsString("<title>Error: Add a user – CCR Hub</title>")));
  }

  @Test
  void changesRolesAndRecordsItInTheAuditTrail() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    long id = accounts.findByEmail(email).orElseThrow().id();

    mvc.perform(post(users + "/" + id).session(admin).with(csrf()).param("roles", "STRATEGIC_LEAD"))
        .andExpect(redirectedUrl(users));

    assertThat(accounts.rolesIn(id, partnership.id())).containsExactly(Role.STRATEGIC_LEAD);
    assertThat(
            audit.search(
                partnership.id(), new AuditQuery(null, null, adminEmail, null, null, 1, 50)))
        .extracting(AuditRecord::action, AuditRecord::summary)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "ROLE_GRANTED", email + " given role STRATEGIC_LEAD"),
            org.assertj.core.groups.Tuple.tuple("ROLE_REVOKED", email + " lost role VIEWER"));
  }

  @Test
  void thePartnershipKeepsAtLeastOneAdministrator() throws Exception {
    long self = accounts.findByEmail(adminEmail).orElseThrow().id();

    mvc.perform(post(users + "/" + self).session(admin).with(csrf()).param("roles", "VIEWER"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("A partnership needs at least one administrator")));
    mvc.perform(post(users + "/" + self + "/remove").session(admin).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("A partnership needs at least one administrator")));

    assertThat(accounts.rolesIn(self, partnership.id())).containsExactly(Role.PARTNERSHIP_ADMIN);
  }

  @Test
  void removesAMemberWhoThenCannotSeeThePartnership() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    long id = accounts.findByEmail(email).orElseThrow().id();
    MockHttpSession member = Fixtures.signIn(mvc, email);

    mvc.perform(post(users + "/" + id + "/remove").session(admin).with(csrf()))
        .andExpect(redirectedUrl(users));

    mvc.perform(get("/p/" + partnership.slug()).session(member)).andExpect(status().isNotFound());
  }

  @Test
  void unlocksALockedAccount() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    long id = accounts.findByEmail(email).orElseThrow().id();
    for (int i = 0; i < 10; i++) {
      // replaced below
    }
    mvc.perform(get(users).session(admin)).andExpect(content().string(containsString("Locked")));

    mvc.perform(post(users + "/" + id + "/unlock").session(admin).with(csrf()))
        .andExpect(redirectedUrl(users));

    Fixtures.signIn(mvc, email);
  }

  @Test
  void onlyAdministratorsManageUsers() throws Exception {
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));
    mvc.perform(get(users).session(lead)).andExpect(status().isForbidden());
    mvc.perform(
            post(users + "/new")
                .session(lead)
                .with(csrf())
                .param("email", "sneaky@example.org")
                .param("name", "Sneaky")
                .param("roles", "PARTNERSHIP_ADMIN"))
        .andExpect(status().isForbidden());
    assertThat(accounts.findByEmail("sneaky@example.org")).isEmpty();
    assertThat(Set.of(Role.values())).hasSize(5);
  }
}
