package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.Person;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** Users are linked to their person in the directory, and through them to their agency. */
@CcrHubTest
class AccountPeopleIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired People people;
  @Autowired Agencies agencies;
  @Autowired PersonAccounts personAccounts;
  @Autowired AdminCommands commands;

  Partnership partnership;
  MockHttpSession admin;
  long council;

  @BeforeEach
  void anAdministratorAndAnAgency() throws Exception {
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    council = agencies.create(partnership, "Westshire Council", AgencyType.LOCAL_AUTHORITY).id();
  }

  @Test
  void aNewUserIsLinkedToThePersonWithTheirEmailWhoHasNoAccountYet() throws Exception {
    String email = "sam." + partnership.slug() + "@westshire.example";
    Person sam = person("Sam Jones", "  Sam." + partnership.slug() + "@Westshire.example");
    Person other = person("Kim Lee", "kim." + partnership.slug() + "@westshire.example");

    AdminCommands.Result created =
        commands.run(
            "user",
            "create",
            "--partnership",
            partnership.slug(),
            "--email",
            email,
            "--name",
            "Sam Jones",
            "--role",
            "ACTION_LEAD");
    assertThat(created.exitCode()).as(created.err()).isZero();

    long samId = accountId(email);
    assertThat(personAccounts.personOf(partnership, samId))
        .hasValueSatisfying(
            p -> {
              assertThat(p.personId()).isEqualTo(sam.id());
              assertThat(p.label()).isEqualTo("Sam Jones, Westshire Council");
            });
    String users = text(page("/p/" + partnership.slug() + "/admin/users"));
    assertThat(users)
        .contains("Person and agency")
        .contains("Sam Jones " + email + " Action lead Sam Jones, Westshire Council")
        .contains("Test Partnership administrator")
        .contains("Not linked");
    assertThat(text(page("/p/" + partnership.slug() + "/admin/people")))
        .contains("Kim Lee Westshire Council No account")
        .contains("Sam Jones Westshire Council Has an account");

    // a person who already has an account is not linked to a second one
    Person taken = person("Sam Jones", email);
    Partnership elsewhere = fixtures.partnership();
    accounts.addMember(elsewhere, email, "Sam Jones", Role.VIEWER, null);
    assertThat(personAccounts.personOf(elsewhere, samId)).isEmpty();
    assertThat(personAccounts.accountsOfPeople(partnership))
        .containsEntry(sam.id(), samId)
        .doesNotContainKeys(taken.id(), other.id());
  }

  @Test
  void anAdministratorChoosesAUsersPersonFromThoseNotLinkedAndRemovingTheUserUnlinksIt()
      throws Exception {
    String email = fixtures.user(partnership, Role.ACTION_LEAD);
    long id = accountId(email);
    Person kim = person("Kim Lee", null);
    String userPage = "/p/" + partnership.slug() + "/admin/users/" + id;

    assertThat(text(page(userPage)))
        .contains("Person in the directory Not linked to a person in the directory.")
        .contains("Person Not linked Kim Lee, Westshire Council Save person");
    mvc.perform(
            post(userPage + "/person")
                .param("person", String.valueOf(kim.id()))
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl("/p/" + partnership.slug() + "/admin/users"));
    assertThat(text(page(userPage))).contains("Linked to Kim Lee, Westshire Council.");
    assertThat(personAccounts.personOf(partnership, id)).isPresent();

    // a person linked to someone else is refused, with the error on the page
    String otherEmail = fixtures.user(partnership, Role.VIEWER);
    String otherPage = "/p/" + partnership.slug() + "/admin/users/" + accountId(otherEmail);
    assertThat(text(page(otherPage))).doesNotContain("Kim Lee");
    String refused =
        mvc.perform(
                post(otherPage + "/person")
                    .param("person", String.valueOf(kim.id()))
                    .session(admin)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("<title>Error: Change roles");
    assertThat(text(refused))
        .contains(
            "There is a problem That person is already linked to another user: choose someone"
                + " else");
    // another partnership's person is not found
    Person stranger = people.create(fixtures.partnership(), "Stranger", null, null, null, Set.of());
    mvc.perform(
            post(otherPage + "/person")
                .param("person", String.valueOf(stranger.id()))
                .session(admin)
                .with(csrf()))
        .andExpect(status().isNotFound());
    // only administrators link people
    MockHttpSession lead = Fixtures.signIn(mvc, email);
    mvc.perform(post(userPage + "/person").param("person", "").session(lead).with(csrf()))
        .andExpect(status().isForbidden());

    mvc.perform(post(userPage + "/remove").session(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(personAccounts.personOf(partnership, id)).isEmpty();
    assertThat(personAccounts.unlinked(partnership)).extracting(p -> p.name()).contains("Kim Lee");
  }

  private Person person(String name, String email) {
    return people.create(partnership, name, null, council, email, Set.of());
  }

  private long accountId(String email) {
    return accounts.findByEmail(email).orElseThrow().id();
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url).session(admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
