package org.ccrhub.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
  @Autowired org.ccrhub.partnership.Agencies agencyDirectory;

  @Test
  void showsTheSlowingDownOfAMembersSignInsAndNothingOfAnotherPartnership() throws Exception {
    Partnership ours = fixtures.partnership();
    Partnership theirs = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));
    String member = fixtures.user(ours, Role.ACTION_LEAD);
    String stranger = fixtures.user(theirs, Role.ACTION_LEAD);
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/sign-in").userParameter("email").user(member).password("wrong " + i));
      mvc.perform(
          formLogin("/sign-in").userParameter("email").user(stranger).password("wrong " + i));
    }

    mvc.perform(
            get("/p/" + ours.slug() + "/admin/audit")
                .param("action", "SIGN_IN_THROTTLED")
                .session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(member)))
        .andExpect(content().string(containsString("slowed down after 5 failed sign-ins")))
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
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/sign-in").userParameter("email").user(joiner).password("wrong " + i));
    }
    accounts.ensureRole(ours, joiner, Role.VIEWER);
    mvc.perform(
        post("/sign-in")
            .with(csrf())
            .with(
                request -> {
                  request.setRemoteAddr("10.1.2.3");
                  return request;
                })
            .param("email", joiner)
            .param("password", "wrong again"));

    mvc.perform(get("/p/" + ours.slug() + "/admin/audit").param("actor", joiner).session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("10.1.2.3")))
        .andExpect(content().string(not(containsString("slowed down after 5 failed sign-ins"))));
    mvc.perform(
            get("/p/" + theirs.slug() + "/admin/audit")
                .param("actor", joiner)
                .session(Fixtures.signIn(mvc, fixtures.user(theirs, Role.PARTNERSHIP_ADMIN))))
        .andExpect(content().string(containsString("slowed down after 5 failed sign-ins")))
        .andExpect(content().string(containsString("10.1.2.3")));
  }

  @Test
  void refusesABadDateWithAnErrorInsteadOfFailing() throws Exception {
    Partnership ours = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));

    mvc.perform(
            get("/p/" + ours.slug() + "/admin/audit")
                .param("from.day", "31")
                .param("from.month", "13")
                .param("from.year", "2026")
                .session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<title>Error: Audit trail – CCR Hub</title>")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<a href=\"#from-month\">The date to search from must be a real date</a>")));
    // a date written the old way is left out, not a failure
    mvc.perform(
            get("/p/" + ours.slug() + "/admin/audit").param("from", "2026-11-01").session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("There is a problem"))));
  }

  @Test
  void saysWhatHappenedInWordsLinksTheRecordByNameAndShowsTheAddressAsWritten() throws Exception {
    Partnership ours = fixtures.partnership();
    MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(ours, Role.PARTNERSHIP_ADMIN));
    String agencies = "/p/" + ours.slug() + "/admin/agencies";
    for (String name : new String[] {"Westshire Police", "Westshire Fire"}) {
      mvc.perform(
          post(agencies + "/new")
              .param("name", name)
              .param("type", "POLICE")
              .session(admin)
              .with(csrf())
              .with(
                  request -> {
                    request.setRemoteAddr("0:0:0:0:0:0:0:1");
                    return request;
                  }));
    }
    long fire = agencies(ours).get("Westshire Fire");
    mvc.perform(
        post(agencies + "/" + fire + "/delete").param("version", "0").session(admin).with(csrf()));
    long police = agencies(ours).get("Westshire Police");

    String page =
        mvc.perform(get("/p/" + ours.slug() + "/admin/audit").session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    org.assertj.core.api.Assertions.assertThat(page)
        .contains(">Agency added</td>")
        .contains(">Agency deleted</td>")
        .contains(
            "<a class=\"govuk-link\" href=\"/p/"
                + ours.slug()
                + "/admin/agencies/"
                + police
                + "/edit\">Westshire Police</a>")
        .contains("Agency " + fire + " (no longer exists)")
        .contains(">127.0.0.1</td>")
        .doesNotContain("0:0:0:0:0:0:0:1")
        .doesNotContain(">CREATE<");
  }

  private java.util.Map<String, Long> agencies(Partnership partnership) {
    java.util.Map<String, Long> ids = new java.util.HashMap<>();
    agencyDirectory.findAll(partnership).forEach(a -> ids.put(a.name(), a.id()));
    return ids;
  }

  @Test
  void isForAdministratorsOnly() throws Exception {
    Partnership ours = fixtures.partnership();
    MockHttpSession analyst = Fixtures.signIn(mvc, fixtures.user(ours, Role.ANALYST));
    mvc.perform(get("/p/" + ours.slug() + "/admin/audit").session(analyst))
        .andExpect(status().isForbidden());
  }
}
