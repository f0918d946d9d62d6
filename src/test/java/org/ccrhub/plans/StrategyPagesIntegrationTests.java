package org.ccrhub.plans;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A strategic lead records a strategy's document control and priorities; others read them. */
@CcrHubTest
class StrategyPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Strategies strategies;

  @Test
  void aStrategicLeadAddsAStrategyWithItsPrioritiesAndAViewerReadsIt() throws Exception {
    Partnership partnership = fixtures.partnership();
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));
    String base = "/p/" + partnership.slug() + "/strategies";

    mvc.perform(
            post(base + "/new")
                .session(lead)
                .with(csrf())
                .param("name", "VAWG Strategy 2016-2026")
                .param("years", "2016-2026")
                .param("documentVersion", "1.3")
                .param("status", "APPROVED")
                .param("approvedBy", "CSP Board")
                .param("reviewDate.day", "31")
                .param("reviewDate.month", "3")
                .param("reviewDate.year", "2027"))
        .andExpect(status().is3xxRedirection());
    Strategy strategy = strategies.findAll(partnership).get(0);
    mvc.perform(
            post(base + "/" + strategy.id() + "/priorities")
                .session(lead)
                .with(csrf())
                .param("ref", "1")
                .param("title", "Prevention")
                .param("keyTargets", "Increase referrals to 410 by March 2017"))
        .andExpect(status().is3xxRedirection());

    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    mvc.perform(get(base + "/" + strategy.id()).session(viewer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("31 March 2027")))
        .andExpect(content().string(containsString("Approved")))
        .andExpect(content().string(containsString("Increase referrals to 410 by March 2017")));
    mvc.perform(get(base + "/new").session(viewer)).andExpect(status().isForbidden());
  }

  @Test
  void mistakesComeBackWithTheErrorSummaryAndStaleEditsAreRefused() throws Exception {
    Partnership partnership = fixtures.partnership();
    MockHttpSession admin =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    String base = "/p/" + partnership.slug() + "/strategies";

    mvc.perform(
            post(base + "/new")
                .session(admin)
                .with(csrf())
                .param("name", "")
                .param("reviewDate.day", "31")
                .param("reviewDate.month", "2")
                .param("reviewDate.year", "2027")
                .param("status", "DRAFT"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Enter the name of the strategy")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<a href=\"#reviewDate-day\">The review date must be a real date</a>")));

    Strategy strategy =
        strategies.create(
            partnership,
            new Strategies.Details(
                "Plan A",
                "",
                java.util.Optional.empty(),
                "",
                Strategy.Status.DRAFT,
                "",
                java.util.Optional.empty()));
    strategies.update(
        partnership,
        strategy.id(),
        strategy.version(),
        new Strategies.Details(
            "Plan A",
            "2020",
            java.util.Optional.empty(),
            "",
            Strategy.Status.DRAFT,
            "",
            java.util.Optional.empty()));
    mvc.perform(
            post(base + "/" + strategy.id() + "/edit")
                .session(admin)
                .with(csrf())
                .param("name", "Plan B")
                .param("status", "DRAFT")
                .param("version", String.valueOf(strategy.version())))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else changed this strategy")));
    Assertions.assertThat(strategies.find(partnership, strategy.id()).name()).isEqualTo("Plan A");
  }
}
