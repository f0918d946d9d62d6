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
import org.springframework.jdbc.core.simple.JdbcClient;
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
  @Autowired JdbcClient jdbc;

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
  void invitesAPersonWithTheSameOutcomeWhetherOrNotTheyHaveAnAccountElsewhere() throws Exception {
    String newcomer = "new." + partnership.slug() + "@police.example";
    Partnership elsewhere = fixtures.partnership();
    String known = fixtures.user(elsewhere, Role.ANALYST);

    String forNewcomer = invite(newcomer, "Nadia New", "ACTION_LEAD", "ANALYST");
    String forKnown = invite(known, "Kim Known", "ACTION_LEAD", "ANALYST");

    // the same words, the same kind of link, whether or not an account exists
    assertThat(forNewcomer.replace(newcomer, "EMAIL").replaceAll("/invitations/[\\w-]{43}", "LINK"))
        .isEqualTo(forKnown.replace(known, "EMAIL").replaceAll("/invitations/[\\w-]{43}", "LINK"));
    assertThat(forKnown)
        .contains("Invitation made for " + known)
        .doesNotContainIgnoringCase("already")
        .doesNotContainIgnoringCase("account for");
    // nobody has joined yet; both are listed as invitations
    assertThat(accounts.findByEmail(newcomer)).isEmpty();
    assertThat(accounts.rolesIn(accounts.findByEmail(known).orElseThrow().id(), partnership.id()))
        .isEmpty();
    mvc.perform(get(users).session(admin))
        .andExpect(content().string(containsString("Invitations not yet accepted")))
        .andExpect(content().string(containsString("Nadia New")))
        .andExpect(content().string(containsString("Kim Known")))
        .andExpect(content().string(not(containsString("Invitation link"))));
  }

  @Test
  void theFirstRoleBoxAloneHasTheFieldsIdSoItsLabelNamesItAndTheErrorSummaryLeadsToIt()
      throws Exception {
    String page =
        mvc.perform(
                post(users + "/new")
                    .session(admin)
                    .with(csrf())
                    .param("email", "")
                    .param("name", ""))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page.split("id=\"roles\"", -1)).hasSize(2);
    assertThat(page)
        .contains("type=\"checkbox\" name=\"roles\" id=\"roles\"")
        .contains("for=\"roles\">" + Role.values()[0].label() + "</label>")
        .contains("<a href=\"#roles\">Select at least one role</a>")
        .contains("id=\"roles-" + Role.values()[1].name() + "\"");
  }

  @Test
  void thePartnershipBarIsANavigationLandmarkNamedPartnership() throws Exception {
    accounts.addMember(fixtures.partnership(), adminEmail, "Ann Admin", Role.VIEWER, null);
    MockHttpSession twoPartnerships = Fixtures.signIn(mvc, adminEmail);
    String page =
        mvc.perform(get(users + "/new").session(twoPartnerships))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    String bar =
        page.substring(
            page.indexOf("<nav class=\"app-partnership-bar\" aria-label=\"Partnership\">"));
    assertThat(bar.substring(0, bar.indexOf("</nav>")))
        .contains(partnership.name())
        .contains(
            "<select class=\"govuk-select govuk-!-margin-right-1\" id=\"switch-partnership\"");
  }

  @Test
  void aNewPersonChoosesTheirPasswordAndJoinsWhenTheyAccept() throws Exception {
    String email = "nadia." + partnership.slug() + "@police.example";
    String link = linkIn(invite(email, "Nadia New", "ACTION_LEAD"));

    mvc.perform(get(link))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Accept your invitation")))
        .andExpect(content().string(containsString(partnership.name())))
        .andExpect(content().string(containsString("value=\"Nadia New\"")));
    mvc.perform(asNewPerson(link, "Nadia Newton", "password1234"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Password is too common")));
    mvc.perform(asNewPerson(link, "Nadia Newton", "saffron kettle orbit"))
        .andExpect(redirectedUrl("/sign-in?joined"));

    MockHttpSession nadia = Fixtures.signIn(mvc, email, "saffron kettle orbit");
    mvc.perform(get("/p/" + partnership.slug()).session(nadia)).andExpect(status().isOk());
    long id = accounts.findByEmail(email).orElseThrow().id();
    assertThat(accounts.rolesIn(id, partnership.id())).containsExactly(Role.ACTION_LEAD);
    assertThat(accounts.findById(id).orElseThrow().displayName()).isEqualTo("Nadia Newton");
    // the link worked once
    mvc.perform(get(link))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This invitation cannot be used")));
  }

  @Test
  void anAccountHolderSignsInToAcceptAndTheLinkCannotOverwriteTheirPassword() throws Exception {
    String known = fixtures.user(fixtures.partnership(), Role.ANALYST);
    String link = linkIn(invite(known, "Kim Known", "VIEWER"));

    // whoever has the link cannot set a password for an existing account
    mvc.perform(asNewPerson(link, "Someone", "saffron kettle orbit"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sign in with it to accept the invitation")));
    mvc.perform(
            formLogin("/sign-in")
                .userParameter("email")
                .user(known)
                .password("saffron kettle orbit"))
        .andExpect(unauthenticated());

    // signing in to accept comes back to the invitation
    mvc.perform(get(link + "/accept")).andExpect(redirectedUrl("/sign-in"));
    MockHttpSession kim = Fixtures.signIn(mvc, known);
    mvc.perform(get(link).session(kim))
        .andExpect(content().string(containsString("You are signed in as " + known)));
    mvc.perform(post(link + "/accept").session(kim).with(csrf()))
        .andExpect(redirectedUrl("/p/" + partnership.slug()));
    assertThat(accounts.rolesIn(accounts.findByEmail(known).orElseThrow().id(), partnership.id()))
        .containsExactly(Role.VIEWER);
  }

  @Test
  void onlyThePersonInvitedCanAcceptAndAWithdrawnInvitationIsGone() throws Exception {
    String email = "wanda." + partnership.slug() + "@police.example";
    String link = linkIn(invite(email, "Wanda", "VIEWER"));
    MockHttpSession stranger =
        Fixtures.signIn(mvc, fixtures.user(fixtures.partnership(), Role.VIEWER));

    mvc.perform(post(link + "/accept").session(stranger).with(csrf()))
        .andExpect(content().string(containsString("This invitation is for " + email)));

    long id =
        jdbc.sql("select id from invitation where email = :e")
            .param("e", email)
            .query(Long.class)
            .single();
    mvc.perform(post(users + "/invitations/" + id + "/withdraw").session(admin).with(csrf()))
        .andExpect(redirectedUrl(users));
    mvc.perform(get(link)).andExpect(status().isNotFound());
    mvc.perform(get(users).session(admin)).andExpect(content().string(not(containsString(email))));
  }

  @Test
  void anExpiredInvitationSaysToAskForANewOne() throws Exception {
    String email = "late." + partnership.slug() + "@police.example";
    String link = linkIn(invite(email, "Late", "VIEWER"));
    jdbc.sql("update invitation set expires_at = now() - interval '1 minute' where email = :e")
        .param("e", email)
        .update();

    mvc.perform(get(link))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This invitation has expired")))
        .andExpect(content().string(containsString("Ask your partnership administrator")));
    mvc.perform(get(users).session(admin)).andExpect(content().string(containsString("Expired")));
  }

  @Test
  void anAdministratorIssuesANewOneTimePasswordWhenTheOldOneHasExpired() throws Exception {
    NewAccount account =
        accounts.addMember(
            partnership, "otp." + partnership.slug() + "@test.example", "Otto", Role.VIEWER, null);
    jdbc.sql(
            "update user_account set one_time_password_expires_at = now() - interval '1 hour'"
                + " where id = :id")
        .param("id", account.accountId())
        .update();
    mvc.perform(get(users).session(admin))
        .andExpect(content().string(containsString("One-time password expired")));

    MvcResult issued =
        mvc.perform(
                post(users + "/" + account.accountId() + "/one-time-password")
                    .session(admin)
                    .with(csrf()))
            .andExpect(redirectedUrl(users))
            .andReturn();
    String oneTime = (String) issued.getFlashMap().get("oneTimePassword");
    assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    mvc.perform(
            formLogin("/sign-in").userParameter("email").user(account.email()).password(oneTime))
        .andExpect(authenticated())
        .andExpect(redirectedUrl("/account/password"));

    // not for someone who has chosen their own password
    long self = accounts.findByEmail(adminEmail).orElseThrow().id();
    mvc.perform(post(users + "/" + self + "/one-time-password").session(admin).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("has chosen their own password")));
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
        .andExpect(
            content().string(containsString("<title>Error: Invite a person – CCR Hub</title>")));
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
  void showsWhoIsFailingToSignInAndUnblocksThem() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    long id = accounts.findByEmail(email).orElseThrow().id();
    String attacker = SignInIntegrationTests.anAddress();
    for (int i = 0; i < 7; i++) {
      mvc.perform(SignInIntegrationTests.signIn(email, "guess " + i, attacker));
    }
    mvc.perform(SignInIntegrationTests.signIn(email, "guess", SignInIntegrationTests.anAddress()));
    String page =
        mvc.perform(get(users).session(admin))
            .andExpect(content().string(containsString("Failed sign-ins in the last 24 hours")))
            .andExpect(content().string(containsString("Slowed down")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String row =
        page.substring(page.indexOf("failed-sign-ins"), page.indexOf("Users of this partnership"));
    assertThat(row.replaceAll("\\s+", " "))
        .contains(email)
        .containsPattern(">6</td> <td[^>]*>2</td> <td[^>]*>2</td>");

    mvc.perform(post(users + "/" + id + "/unlock").session(admin).with(csrf()))
        .andExpect(redirectedUrl(users));

    mvc.perform(SignInIntegrationTests.signIn(email, Fixtures.PASSWORD, attacker))
        .andExpect(authenticated());
    mvc.perform(get(users).session(admin))
        .andExpect(content().string(not(containsString("Failed sign-ins in the last 24 hours"))));
    assertThat(
            audit.search(
                partnership.id(), new AuditQuery(null, null, adminEmail, null, null, 1, 50)))
        .extracting(AuditRecord::action, AuditRecord::summary)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "SIGN_IN_UNBLOCKED", "Ended the waits on sign-ins to " + email));
  }

  @Test
  void readingTheListOfUsersOrAUsersPageIsAudited() throws Exception {
    String email = fixtures.user(partnership, Role.VIEWER);
    long id = accounts.findByEmail(email).orElseThrow().id();

    mvc.perform(get(users).session(admin)).andExpect(status().isOk());
    mvc.perform(get(users + "/" + id).session(admin)).andExpect(status().isOk());

    assertThat(
            audit.search(
                partnership.id(), new AuditQuery(null, null, adminEmail, "VIEWED", null, 1, 50)))
        .extracting(AuditRecord::objectId, AuditRecord::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(String.valueOf(id), "Viewed the user " + email),
            org.assertj.core.groups.Tuple.tuple(null, "Viewed the list of users (2)"));
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
    assertThat(Set.of(Role.values())).hasSize(7);
  }

  @Test
  void invitesADataProtectionLeadAndASharingOfficerWithWhatEachRoleDoes() throws Exception {
    assertThat(
            mvc.perform(get(users + "/new").session(admin))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Sharing officer", "Asks other agencies for information about people")
        .contains("Data protection lead", "Needs two-factor sign-in.");
    invite("dpl@example.org", "Dana Lead", "DATA_PROTECTION_LEAD", "SHARING_OFFICER");
    assertThat(
            jdbc.sql("select array_to_string(roles, ',') from invitation where email = :e")
                .param("e", "dpl@example.org")
                .query(String.class)
                .single())
        .isEqualTo("DATA_PROTECTION_LEAD,SHARING_OFFICER");
  }

  /** Invites through the Users page and returns the text of the page that follows. */
  private String invite(String email, String name, String... roles) throws Exception {
    MvcResult added =
        mvc.perform(
                post(users + "/new")
                    .session(admin)
                    .with(csrf())
                    .param("email", email)
                    .param("name", name)
                    .param("roles", roles))
            .andExpect(redirectedUrl(users))
            .andReturn();
    MockHttpSession flashed = admin;
    return mvc.perform(get(users).session(flashed).flashAttrs(added.getFlashMap()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString()
        .replaceAll("(?s).*(<div class=\"govuk-notification-banner.*?)<h1.*", "$1");
  }

  /** The path of the invitation link shown on the page. */
  private static String linkIn(String page) {
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("https?://[^/<\"]+(/invitations/[\\w-]{43})").matcher(page);
    assertThat(link.find()).as("an invitation link in " + page).isTrue();
    return link.group(1);
  }

  private static org.springframework.test.web.servlet.RequestBuilder asNewPerson(
      String link, String name, String password) {
    return post(link)
        .with(csrf())
        .param("name", name)
        .param("password", password)
        .param("confirmPassword", password);
  }
}
