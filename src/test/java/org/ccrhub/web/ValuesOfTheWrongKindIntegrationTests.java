package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A form value that cannot be read as its field's type (a tick box sent as "maybe", a role that is
 * no role, a number or date that is not one) comes back as a plain message on its field, never as
 * the framework's conversion text, and saves nothing.
 */
@CcrHubTest
class ValuesOfTheWrongKindIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;
  @Autowired Accounts accounts;

  Partnership partnership;
  MockHttpSession admin;
  String base;

  @BeforeEach
  void anAdministrator() throws Exception {
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    base = "/p/" + partnership.slug();
  }

  @Test
  void aTickBoxSentAsSomethingElseIsAPlainFieldErrorAndNothingIsSaved() throws Exception {
    String page =
        page(
            post(base + "/indicators/new")
                .param("ref", "T1")
                .param("name", "Referrals to the MARAC")
                .param("published", "maybe"),
            status().isOk());

    assertThat(title(page)).isEqualTo("Error: Add an indicator");
    assertThat(text(page))
        .contains("There is a problem Tick the box to publish the indicator, or leave it unticked");
    assertThat(page).contains("href=\"#published\"");
    assertNoFrameworkText(page);
    assertThat(indicators.findByRef(partnership, "T1")).isEmpty();
  }

  @Test
  void aRoleThatIsNoRoleIsAPlainFieldErrorOnBothUserForms() throws Exception {
    String page =
        page(
            post(base + "/admin/users/new")
                .param("email", "new.person@westshire.example")
                .param("name", "New Person")
                .param("roles", "KING"),
            status().isOk());
    assertThat(text(page)).contains("There is a problem Select roles from the list");
    assertNoFrameworkText(page);
    assertThat(accounts.members(partnership.id()))
        .extracting(Member::email)
        .doesNotContain("new.person@westshire.example");

    String viewer = fixtures.user(partnership, Role.VIEWER);
    long viewerId =
        accounts.members(partnership.id()).stream()
            .filter(m -> m.email().equals(viewer))
            .findFirst()
            .orElseThrow()
            .accountId();
    String roles =
        page(post(base + "/admin/users/" + viewerId).param("roles", "KING"), status().isOk());
    assertThat(text(roles)).contains("There is a problem Select roles from the list");
    assertNoFrameworkText(roles);
    assertThat(accounts.rolesIn(viewerId, partnership.id())).containsExactly(Role.VIEWER);
  }

  @Test
  void numbersAndDatesThatAreNotAreNamedPlainly() throws Exception {
    String indicator =
        page(
            post(base + "/indicators/new")
                .param("ref", "T2")
                .param("name", "Referrals")
                .param("unit", "COUNT")
                .param("baselineValue", "lots")
                .param("tolerance", "ten"),
            status().isOk());
    assertThat(title(indicator)).isEqualTo("Error: Add an indicator");
    assertThat(indicator).contains("href=\"#baselineValue\"").contains("href=\"#tolerance\"");
    assertNoFrameworkText(indicator);
    assertThat(indicators.findByRef(partnership, "T2")).isEmpty();

    String pack =
        page(
            get(base + "/board-pack/download")
                .param("period", "2016/17 Q2")
                .param("format", "pdf")
                .param("meetingDate.day", "31")
                .param("meetingDate.month", "2")
                .param("meetingDate.year", "2016"),
            status().isBadRequest());
    assertThat(text(pack)).contains("There is a problem The meeting date must be a real date");
    assertNoFrameworkText(pack);
  }

  @Test
  void anIdOrQueryValueOfTheWrongKindIsNotFoundOrABadRequest() throws Exception {
    for (String path :
        new String[] {
          "/plans/not-a-number",
          "/indicators/not-a-number",
          "/admin/people/x/edit",
          "/admin/users/x"
        }) {
      mvc.perform(get(base + path).session(admin)).andExpect(status().isNotFound());
    }
    mvc.perform(get(base + "/admin/audit").param("page", "two").session(admin))
        .andExpect(status().isBadRequest());
  }

  private String page(MockHttpServletRequestBuilder request, ResultMatcher expected)
      throws Exception {
    if ("POST".equals(request.buildRequest(null).getMethod())) {
      request.with(csrf());
    }
    return mvc.perform(request.session(admin))
        .andExpect(expected)
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static void assertNoFrameworkText(String page) {
    assertThat(page)
        .doesNotContain("Failed to convert")
        .doesNotContain("java.lang")
        .doesNotContain("java.util")
        .doesNotContain("typeMismatch")
        .doesNotContain("Exception");
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
