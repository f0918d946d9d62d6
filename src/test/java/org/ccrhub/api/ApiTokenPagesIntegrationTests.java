package org.ccrhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The "API tokens" page as members and administrators use it. */
@CcrHubTest
class ApiTokenPagesIntegrationTests {

  private static final Pattern TOKEN = Pattern.compile("ccr_[A-Za-z0-9_-]{43}");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  private long accountId(Partnership p, String email) {
    return accounts.members(p.id()).stream()
        .filter(m -> m.email().equals(email))
        .map(Member::accountId)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void makesATokenShownOnceThenListsAndRevokesIt() throws Exception {
    Partnership p = fixtures.partnership();
    String email = fixtures.user(p, Role.VIEWER);
    MockHttpSession session = Fixtures.signIn(mvc, email);
    String page = "/p/" + p.slug() + "/api-tokens";

    mvc.perform(get(page).session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("You have no API tokens in this partnership")))
        .andExpect(content().string(containsString("value=\"90\"")))
        .andExpect(content().string(not(containsString("Other members"))));

    String created =
        mvc.perform(
                post(page)
                    .session(session)
                    .with(csrf())
                    .param("name", "Power BI")
                    .param("days", "30"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("You will not see it again")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher matcher = TOKEN.matcher(created);
    assertThat(matcher.find()).isTrue();
    String secret = matcher.group();
    assertThat(tokens.authenticate(secret)).isPresent();
    assertThat(session.getAttributeNames().asIterator())
        .toIterable()
        .allMatch(name -> !String.valueOf(session.getAttribute(name)).contains(secret));

    String list =
        mvc.perform(get(page).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("Power BI", secret.substring(0, 12), "Active").doesNotContain(secret);

    long id = tokens.ownTokens(p, accountId(p, email)).get(0).id();
    mvc.perform(post(page + "/" + id + "/revoke").session(session).with(csrf()))
        .andExpect(redirectedUrl(page));
    assertThat(tokens.authenticate(secret)).isEmpty();
    mvc.perform(get(page).session(session))
        .andExpect(content().string(containsString("API token &#39;Power BI&#39; revoked")))
        .andExpect(content().string(containsString("Revoked")));
  }

  @Test
  void showsEachProblemWithTheForm() throws Exception {
    Partnership p = fixtures.partnership();
    MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(p, Role.ANALYST));
    mvc.perform(
            post("/p/" + p.slug() + "/api-tokens")
                .session(session)
                .with(csrf())
                .param("name", " ")
                .param("days", "400"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<title>Error: API tokens")))
        .andExpect(content().string(containsString("href=\"#name\">Enter a name for the token")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "href=\"#days\">Enter the number of days as a whole number from 1 to 365")));
    assertThat(tokens.partnershipTokens(p)).isEmpty();
  }

  @Test
  void letsAnAdministratorRevokeAnyonesTokenButNotAViewer() throws Exception {
    Partnership p = fixtures.partnership();
    String analyst = fixtures.user(p, Role.ANALYST);
    NewApiToken made = tokens.create(p, accountId(p, analyst), "Nightly load", 90);
    String revoke = "/p/" + p.slug() + "/api-tokens/" + made.token().id() + "/revoke";

    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(p, Role.VIEWER));
    mvc.perform(get("/p/" + p.slug() + "/api-tokens").session(viewer))
        .andExpect(content().string(not(containsString("Nightly load"))));
    mvc.perform(post(revoke).session(viewer).with(csrf())).andExpect(status().isNotFound());
    assertThat(tokens.authenticate(made.secret())).isPresent();

    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(p, Role.PARTNERSHIP_ADMIN));
    mvc.perform(get("/p/" + p.slug() + "/api-tokens").session(admin))
        .andExpect(content().string(containsString("Other members")))
        .andExpect(content().string(containsString("Nightly load")))
        .andExpect(content().string(containsString(analyst)));
    mvc.perform(post(revoke).session(admin)).andExpect(status().isForbidden());
    assertThat(tokens.authenticate(made.secret())).isPresent();
    mvc.perform(post(revoke).session(admin).with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(tokens.authenticate(made.secret())).isEmpty();
  }

  @Test
  void refusesAFormWithoutItsCsrfToken() throws Exception {
    Partnership p = fixtures.partnership();
    MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(p, Role.VIEWER));
    mvc.perform(post("/p/" + p.slug() + "/api-tokens").session(session).param("name", "X"))
        .andExpect(status().isForbidden());
    assertThat(tokens.partnershipTokens(p)).isEmpty();
  }
}
