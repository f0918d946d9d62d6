package org.ccrhub.plans;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator changes the RAG scheme (only while no rating in use would go) and its words. */
@CcrHubTest
class RagSettingsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired RagDefinitions definitions;

  @Test
  void theSchemeChangesOnlyWhileNoRatingInUseWouldDisappear() throws Exception {
    Partnership partnership = fixtures.partnership();
    MockHttpSession admin =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    String rag = "/p/" + partnership.slug() + "/admin/rag";

    mvc.perform(post(rag + "/scheme").param("scheme", "three").session(admin).with(csrf()))
        .andExpect(redirectedUrl(rag));
    Assertions.assertThat(plans.scheme(partnership)).isEqualTo(RagScheme.THREE);

    imports.run(
        partnership,
        new PlanImportRequest(
            "Plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(ReportingPeriod.parse("2016/17 Q1")),
            Optional.empty(),
            "ref,action,rag,comment\n1,Act,Amber,Late\n".getBytes(StandardCharsets.UTF_8)));

    mvc.perform(post(rag + "/scheme").param("scheme", "four").session(admin).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Progress updates are rated Amber, which the four-level scheme does not have")));
    Assertions.assertThat(plans.scheme(partnership)).isEqualTo(RagScheme.THREE);
  }

  @Test
  void definitionsCanBeReworded() throws Exception {
    Partnership partnership = fixtures.partnership();
    MockHttpSession admin =
        Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    String rag = "/p/" + partnership.slug() + "/admin/rag";

    mvc.perform(
            post(rag + "/definitions")
                .param("definition-RED", "Board must act now")
                .session(admin)
                .with(csrf()))
        .andExpect(redirectedUrl(rag));

    Assertions.assertThat(definitions.definitions(partnership))
        .containsEntry(RagRating.RED, "Board must act now")
        .containsEntry(RagRating.GREEN, RagScheme.FOUR.defaultDefinition(RagRating.GREEN));
    mvc.perform(get(rag).session(admin))
        .andExpect(content().string(containsString("Board must act now")));
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));
    mvc.perform(get(rag).session(lead)).andExpect(status().isForbidden());
  }
}
