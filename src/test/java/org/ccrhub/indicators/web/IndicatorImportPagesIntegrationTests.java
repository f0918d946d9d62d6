package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Uploading indicator files: a preview with every problem, then an all-or-nothing import. */
@CcrHubTest
class IndicatorImportPagesIntegrationTests {

  private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([0-9a-f]{32})\"");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;

  Partnership partnership;
  MockHttpSession analyst;
  String base;

  @BeforeEach
  void signIn() throws Exception {
    partnership = fixtures.partnership();
    analyst = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ANALYST));
    base = "/p/" + partnership.slug() + "/indicators/import";
  }

  private String upload(String kind, String csv) throws Exception {
    return mvc.perform(
            multipart(base)
                .file(
                    new MockMultipartFile(
                        "file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("kind", kind)
                .session(analyst)
                .with(csrf()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aBrokenFileListsEveryProblemAndImportsNothing() throws Exception {
    String page =
        upload(
            "definitions",
            "ref,name,unit\n1.1,MARAC cases,count\n1.1,Again,count\n1.2,Repeats,furlongs\n,No ref,count\n");
    assertThat(page)
        .contains("Error: Check the import of indicator definitions")
        .contains("There are 3 problems in the file")
        .contains("Nothing has been imported")
        .contains("furlongs");
    assertThat(page).doesNotContain("name=\"key\"");
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void aGoodFileIsPreviewedThenImportedOnConfirmation() throws Exception {
    String preview = upload("definitions", "ref,name,unit\n1.1,MARAC cases,count\n");
    assertThat(preview).contains("Indicators: 1 created, 0 changed, 0 unchanged.");
    assertThat(indicators.findAll(partnership)).isEmpty();
    Matcher key = KEY.matcher(preview);
    assertThat(key.find()).isTrue();
    mvc.perform(post(base + "/confirm").param("key", key.group(1)).session(analyst).with(csrf()))
        .andExpect(redirectedUrl("/p/" + partnership.slug() + "/indicators"));
    assertThat(indicators.findAll(partnership)).hasSize(1);

    String values = upload("values", "indicator,period,value\n1.1,2016-10,31\n1.1,2016-11,29\n");
    assertThat(values).contains("Values: 2 recorded, 0 unchanged (2 rows).");
    Matcher valuesKey = KEY.matcher(values);
    assertThat(valuesKey.find()).isTrue();
    mvc.perform(
            post(base + "/confirm").param("key", valuesKey.group(1)).session(analyst).with(csrf()))
        .andExpect(status().is3xxRedirection());
    var data = indicators.data(partnership);
    assertThat(data.series(data.indicators().get(0), "").observations()).hasSize(2);
  }

  @Test
  void noFileIsAnErrorOnTheForm() throws Exception {
    String page =
        mvc.perform(multipart(base).param("kind", "values").session(analyst).with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Error: Import indicators")
        .contains("Select a CSV, XLSX or ODS file");
  }

  @Test
  void viewersCannotImport() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    mvc.perform(get(base).session(viewer)).andExpect(status().isForbidden());
  }
}
