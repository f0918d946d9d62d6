package org.ccrhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The jar's admin commands, run while the server is up, and the users they create signing in. */
@CcrHubTest
class AdminCommandsIntegrationTests {

  private static final Pattern ONE_TIME = Pattern.compile("One-time password.*: (\\S+)");

  @Autowired AdminCommands commands;
  @Autowired MockMvc mvc;

  @Test
  void createsAPartnershipAndAUserWhoSignsInWithTheirPassword() throws Exception {
    String slug = "cli-" + System.nanoTime();
    AdminCommands.Result created =
        commands.run(
            "partnership",
            "create",
            "--slug",
            slug,
            "--name",
            "Haringey Community Safety Partnership");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created partnership " + slug);

    String email = "lead-" + slug + "@council.example";
    AdminCommands.Result user =
        commands.runWithInput(
            "violet harbour kettle\n",
            "user",
            "create",
            "--partnership",
            slug,
            "--email",
            email,
            "--name",
            "Lena Lead",
            "--role",
            "STRATEGIC_LEAD",
            "--password-stdin");
    assertThat(user.exitCode()).as(user.err()).isZero();
    assertThat(user.out()).contains("Created " + email + " with role STRATEGIC_LEAD in " + slug);

    MockHttpSession session = Fixtures.signIn(mvc, email, "violet harbour kettle");
    mvc.perform(get("/p/" + slug).session(session)).andExpect(status().isOk());
  }

  @Test
  void aUserCreatedWithoutAPasswordGetsAOneTimePasswordToChangeAtFirstSignIn() throws Exception {
    String slug = "cli-" + System.nanoTime();
    commands.run("partnership", "create", "--slug", slug, "--name", "Otp Partnership");
    String email = "admin-" + slug + "@council.example";

    AdminCommands.Result user =
        commands.run(
            "user",
            "create",
            "--partnership",
            slug,
            "--email",
            email,
            "--name",
            "Ola Admin",
            "--role",
            "PARTNERSHIP_ADMIN");

    assertThat(user.exitCode()).isZero();
    Matcher matcher = ONE_TIME.matcher(user.out());
    assertThat(matcher.find()).as(user.out()).isTrue();
    MockHttpSession session = Fixtures.signIn(mvc, email, matcher.group(1));
    mvc.perform(get("/p/" + slug).session(session)).andExpect(redirectedUrl("/account/password"));
  }

  @Test
  void invalidInputExitsWithOneAndNamesTheBadValue() {
    AdminCommands.Result badSlug =
        commands.run("partnership", "create", "--slug", "Bad Slug!", "--name", "Somewhere");
    assertThat(badSlug.exitCode()).isEqualTo(1);
    assertThat(badSlug.err()).contains("'Bad Slug!'");

    AdminCommands.Result badRole =
        commands.run(
            "user",
            "create",
            "--partnership",
            "nowhere",
            "--email",
            "a@b.example",
            "--name",
            "A",
            "--role",
            "OVERLORD");
    assertThat(badRole.exitCode()).isEqualTo(1);
    assertThat(badRole.err()).contains("'OVERLORD'");

    AdminCommands.Result unknownPartnership =
        commands.run(
            "user",
            "create",
            "--partnership",
            "no-such-place",
            "--email",
            "a@b.example",
            "--name",
            "A",
            "--role",
            "VIEWER");
    assertThat(unknownPartnership.exitCode()).isEqualTo(1);
    assertThat(unknownPartnership.err()).contains("'no-such-place'");

    AdminCommands.Result weakPassword =
        commands.runWithInput(
            "password1234\n",
            "user",
            "create",
            "--partnership",
            "no-such-place",
            "--email",
            "a@b.example",
            "--name",
            "A",
            "--role",
            "VIEWER",
            "--password-stdin");
    assertThat(weakPassword.exitCode()).isEqualTo(1);

    AdminCommands.Result badEmail =
        commands.run(
            "user",
            "create",
            "--partnership",
            "x",
            "--email",
            "not-an-email",
            "--name",
            "A",
            "--role",
            "VIEWER");
    assertThat(badEmail.exitCode()).isEqualTo(1);
    assertThat(badEmail.err()).contains("'not-an-email'");
  }

  @Test
  void wrongUsageExitsWithTwo() {
    assertThat(commands.run("partnership", "create", "--slug", "only-slug").exitCode())
        .isEqualTo(2);
    assertThat(commands.run("no-such-command").exitCode()).isEqualTo(2);
    assertThat(commands.run("user").exitCode()).isEqualTo(2);
    assertThat(commands.run("serve", "--port", "not-a-number").exitCode()).isEqualTo(2);
  }

  @Test
  void aDuplicateSlugIsInvalidInput() {
    String slug = "cli-" + System.nanoTime();
    assertThat(commands.run("partnership", "create", "--slug", slug, "--name", "One").exitCode())
        .isZero();
    AdminCommands.Result again =
        commands.run("partnership", "create", "--slug", slug, "--name", "Two");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("'" + slug + "' already exists");
  }

  @Test
  void textGivenToACommandIsCleanedAsTextTypedIntoAFormIs() {
    String slug = "cli-" + System.nanoTime();
    AdminCommands.Result created =
        commands.run(
            "partnership", "create", "--slug", slug, "--name", "Odd\uFFFF \u0007Partnership\uFFFE");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(commands.run("partnership", "list").out())
        .contains(slug)
        .contains("Odd Partnership")
        .doesNotContain("\uFFFF")
        .doesNotContain("\uFFFE");
  }
}
