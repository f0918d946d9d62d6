package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportsHeld;
import org.ccrhub.tabular.TableImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import pages refuse files over the limits plainly, list problems capped, echo no cell. */
@CcrHubTest
class ImportLimitsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired DeliveryPlans plans;
  @Autowired Indicators indicators;
  @Autowired TableImports tables;

  Partnership partnership;
  MockHttpSession admin;

  @BeforeEach
  void signIn() throws Exception {
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
  }

  private String uploadPlan(String csv) throws Exception {
    return upload("plans", csv, "planName", "VAWG delivery plan", "year", "2016/17");
  }

  private String uploadIndicatorValues(String csv) throws Exception {
    return upload("indicators", csv, "kind", "values");
  }

  /** Uploads a CSV file to a feature's import page with the given form fields. */
  private String upload(String feature, String csv, String... fields) throws Exception {
    var request =
        multipart("/p/" + partnership.slug() + "/" + feature + "/import")
            .file(
                new MockMultipartFile(
                    "file", "file.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < fields.length; i += 2) {
      request.param(fields[i], fields[i + 1]);
    }
    return mvc.perform(request.session(admin).with(csrf()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void aFileOverTheRowLimitIsRefusedNamingTheLimit() throws Exception {
    StringBuilder csv = new StringBuilder("ref,action\n");
    for (int i = 0; i <= 100_000; i++) {
      csv.append(i).append(",Deliver the training\n");
    }
    String page = text(uploadPlan(csv.toString()));
    assertThat(page)
        .contains("There is a problem in the file")
        .contains("1 (file) The file has more than 100,000 rows: split it or raise")
        .contains("ccr.imports.max-rows");
    assertThat(plans.findByName(partnership, "VAWG delivery plan")).isEmpty();

    assertThat(
            text(
                uploadIndicatorValues(
                    "indicator,period,value\n" + "A1,2016-10,3\n".repeat(100_001))))
        .contains("The file has more than 100,000 rows: split it or raise ccr.imports.max-rows");
  }

  @Test
  void aHugeCellIsRefusedAndNeverEchoedBack() throws Exception {
    String huge = "Q".repeat(2_000_000);
    String page = uploadPlan("ref,action,rag\n1.1,Act," + huge + "\n");
    assertThat(text(page))
        .contains(
            "Row 2, column C has more than 32,000 characters: shorten it or raise"
                + " ccr.imports.max-cell-characters");
    assertThat(page).doesNotContain("Q".repeat(100));
    assertThat(page.length()).isLessThan(100_000);

    String long1 = "R".repeat(20_000);
    String rejected = uploadPlan("ref,action,rag\n1.1,Act," + long1 + "\n");
    assertThat(text(rejected)).contains("R".repeat(57) + "...");
    assertThat(rejected).doesNotContain("R".repeat(61));
  }

  @Test
  void manyProblemsAreCountedAndTheFirstTwoHundredListed() throws Exception {
    StringBuilder csv = new StringBuilder("ref,action\n");
    for (int i = 1; i <= 250; i++) {
      csv.append(i).append(",\n");
    }
    String page = uploadPlan(csv.toString());
    assertThat(text(page))
        .contains("There are 250 problems in the file")
        .contains("The first 200 are listed: 50 more are not shown.");
    assertThat(count(page, "Enter the action")).isEqualTo(200);
    assertThat(text(page)).contains("201 action Enter the action").doesNotContain("202 action");
  }

  @Test
  void anUploadWhileTheMostImportsRunWaitsThenIsRefusedOnTheForm() throws Exception {
    try (var held = ImportsHeld.all(tables, 2)) {
      String page = uploadPlan("ref,action\n1.1,Act\n");
      assertThat(page).contains("<title>Error: Import a plan");
      assertThat(text(page))
          .contains(
              "Other imports are running (at most 2 run at once): wait a minute and try again."
                  + " Nothing was imported.");
    }
    assertThat(text(uploadPlan("ref,action\n1.1,Act\n"))).contains("Check the import");
  }

  private static int count(String page, String text) {
    Matcher m = Pattern.compile(Pattern.quote(text)).matcher(page);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String text(String html) {
    return PlanPagesIntegrationTests.text(html);
  }
}
