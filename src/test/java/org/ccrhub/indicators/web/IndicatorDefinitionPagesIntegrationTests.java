package org.ccrhub.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Adding an indicator and changing its definition in a form, by the import's rules. */
@CcrHubTest
class IndicatorDefinitionPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Indicators indicators;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  MockHttpSession analyst;
  String base;

  @BeforeEach
  void signIn() throws Exception {
    partnership = fixtures.partnership();
    analyst = Fixtures.signIn(mvc, fixtures.user(partnership, Role.ANALYST));
    base = "/p/" + partnership.slug() + "/indicators";
  }

  /** The request with every field filled in, then the fields given as name, value pairs. */
  private static MockHttpServletRequestBuilder filled(
      MockHttpServletRequestBuilder request, String... changes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ref", "VAWG1");
    fields.put("name", "Domestic abuse offences");
    fields.put("description", "Offences flagged as domestic abuse");
    fields.put("unit", "COUNT");
    fields.put("polarity", "LOWER_IS_BETTER");
    fields.put("frequency", "QUARTERLY");
    fields.put("source", "Police");
    fields.put("owner", "Community safety");
    fields.put("population", "250,000");
    fields.put("baselinePeriod", "2015/16");
    fields.put("baselineValue", "1,200");
    fields.put("targetPeriod", "2016/17");
    fields.put("targetValue", "");
    fields.put("targetChangePct", "-20%");
    fields.put("tolerance", "10");
    fields.put("published", "true");
    fields.put("_published", "on");
    fields.put("sumOf", "");
    for (int i = 0; i < changes.length; i += 2) {
      fields.put(changes[i], changes[i + 1]);
    }
    fields.forEach(request::param);
    return request;
  }

  /** The page the request answers with, which must be 200 OK. */
  private String shown(RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long auditEntries(String action) {
    return jdbc.sql(
            "select count(*) from audit_event where partnership_id = :p and action = :a"
                + " and object_type = 'Indicator'")
        .param("p", partnership.id())
        .param("a", action)
        .query(Long.class)
        .single();
  }

  private Indicator add(String ref, String name, Unit unit) {
    indicators.save(
        partnership,
        new Indicator(
            0,
            ref,
            name,
            "",
            unit,
            Polarity.HIGHER_IS_BETTER,
            Frequency.MONTHLY,
            "",
            "",
            null,
            null,
            null,
            null,
            null,
            null,
            Indicator.DEFAULT_TOLERANCE,
            java.util.List.of(),
            false,
            0));
    return indicators.findByRef(partnership, ref).orElseThrow();
  }

  @Test
  void anIndicatorIsAddedWithEveryField() throws Exception {
    assertThat(shown(get(base + "/new").session(analyst))).contains("Add an indicator");
    mvc.perform(filled(post(base + "/new")).session(analyst).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("message", "The indicator VAWG1 has been added"));
    Indicator saved = indicators.findByRef(partnership, "VAWG1").orElseThrow();
    assertThat(saved.name()).isEqualTo("Domestic abuse offences");
    assertThat(saved.description()).isEqualTo("Offences flagged as domestic abuse");
    assertThat(saved.unit()).isEqualTo(Unit.COUNT);
    assertThat(saved.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
    assertThat(saved.frequency()).isEqualTo(Frequency.QUARTERLY);
    assertThat(saved.source()).isEqualTo("Police");
    assertThat(saved.owner()).isEqualTo("Community safety");
    assertThat(saved.population()).isEqualByComparingTo(new BigDecimal("250000"));
    assertThat(saved.baselinePeriod()).hasToString("2015/16");
    assertThat(saved.baselineValue()).isEqualByComparingTo(new BigDecimal("1200"));
    assertThat(saved.targetPeriod()).hasToString("2016/17");
    assertThat(saved.targetValue()).isNull();
    assertThat(saved.targetChangePct()).isEqualByComparingTo(new BigDecimal("-20"));
    assertThat(saved.tolerancePct()).isEqualByComparingTo(new BigDecimal("10"));
    assertThat(saved.published()).isTrue();
    assertThat(auditEntries("CREATE")).isEqualTo(1);
    mvc.perform(get(base + "/" + saved.id()).session(analyst))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .contains(base + "/" + saved.id() + "/edit"));
  }

  @Test
  void anIndicatorIsChangedKeepingItsIdEvenWithANewRef() throws Exception {
    Indicator part = add("P1", "Part", Unit.COUNT);
    Indicator before = add("1.1", "MARAC cases", Unit.COUNT);
    String form = shown(get(base + "/" + before.id() + "/edit").session(analyst));
    assertThat(form).contains("value=\"MARAC cases\"");
    mvc.perform(
            filled(
                    post(base + "/" + before.id() + "/edit"),
                    "ref",
                    "1.1a",
                    "name",
                    "MARAC referrals",
                    "targetChangePct",
                    "",
                    "targetValue",
                    "410",
                    "sumOf",
                    "P1")
                .param("version", String.valueOf(before.version()))
                .session(analyst)
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl(base + "/" + before.id()));
    Indicator after = indicators.find(partnership, before.id());
    assertThat(after.ref()).isEqualTo("1.1a");
    assertThat(after.name()).isEqualTo("MARAC referrals");
    assertThat(after.targetValue()).isEqualByComparingTo(new BigDecimal("410"));
    assertThat(after.sumOf()).containsExactly(part.ref());
    assertThat(indicators.findAll(partnership)).hasSize(2);
    assertThat(auditEntries("UPDATE")).isEqualTo(1);
  }

  @Test
  void aChangeSavedMeanwhileIsShownAndWhatWasTypedIsKeptUntilSavedOver() throws Exception {
    Indicator opened = add("1.1", "MARAC cases", Unit.COUNT);
    assertThat(shown(get(base + "/" + opened.id() + "/edit").session(analyst)))
        .contains("name=\"version\" value=\"" + opened.version() + "\"");
    mvc.perform(
            filled(
                    post(base + "/" + opened.id() + "/edit"),
                    "ref",
                    "1.1",
                    "name",
                    "MARAC cases heard")
                .param("version", String.valueOf(opened.version()))
                .session(analyst)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    int now = indicators.find(partnership, opened.id()).version();

    String page =
        shown(
            filled(
                    post(base + "/" + opened.id() + "/edit"),
                    "ref",
                    "1.1",
                    "name",
                    "MARAC referrals")
                .param("version", String.valueOf(opened.version()))
                .session(analyst)
                .with(csrf()));

    assertThat(page)
        .contains("Someone else changed 1.1 since you opened this page")
        .contains("href=\"#their-version\"")
        .contains("Their definition, saved now")
        .contains("1.1 MARAC cases heard")
        .contains("value=\"MARAC referrals\"")
        .contains("name=\"version\" value=\"" + now + "\"");
    assertThat(indicators.find(partnership, opened.id()).name()).isEqualTo("MARAC cases heard");

    mvc.perform(
            filled(
                    post(base + "/" + opened.id() + "/edit"),
                    "ref",
                    "1.1",
                    "name",
                    "MARAC referrals")
                .param("version", String.valueOf(now))
                .session(analyst)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(indicators.find(partnership, opened.id()).name()).isEqualTo("MARAC referrals");
  }

  @Test
  void anEmptyFormListsTheProblemsAndSavesNothing() throws Exception {
    String page =
        shown(post(base + "/new").param("ref", "").param("name", "").session(analyst).with(csrf()));
    assertThat(page)
        .contains("There is a problem")
        .contains("Every indicator needs a ref")
        .contains("Give the indicator&#39;s name")
        .contains("href=\"#ref\"");
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void aRefAnotherIndicatorUsesIsRefusedAndWhatWasTypedIsKept() throws Exception {
    add("1.1", "MARAC cases", Unit.COUNT);
    Indicator other = add("1.2", "Repeats", Unit.COUNT);
    String page =
        shown(
            filled(post(base + "/new"), "ref", "1.1", "name", "Something new")
                .session(analyst)
                .with(csrf()));
    assertThat(page)
        .contains("The ref 1.1 is already used by the indicator MARAC cases")
        .contains("value=\"Something new\"")
        .contains("value=\"Police\"");
    mvc.perform(
            filled(post(base + "/" + other.id() + "/edit"), "ref", "1.1")
                .param("version", String.valueOf(other.version()))
                .session(analyst)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .contains("The ref 1.1 is already used"));
    assertThat(indicators.find(partnership, other.id()).ref()).isEqualTo("1.2");
    assertThat(indicators.findAll(partnership)).hasSize(2);
  }

  @Test
  void aTargetValueAndATargetChangeTogetherAreRefused() throws Exception {
    mvc.perform(filled(post(base + "/new"), "targetValue", "900").session(analyst).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .contains(
                        "Give one target: a target value, a target change in % or a target"
                            + " change in points"));
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void aTotalMustBeACountOrMoneyOfOtherIndicators() throws Exception {
    mvc.perform(
            filled(post(base + "/new"), "unit", "PERCENTAGE", "sumOf", "VAWG1; NOPE")
                .session(analyst)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .contains("Only count and money indicators can be a total")
                    .contains("VAWG1 cannot be part of its own total"));
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void aViewerMayNotAddOrChangeIndicators() throws Exception {
    Indicator indicator = add("1.1", "MARAC cases", Unit.COUNT);
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    mvc.perform(get(base + "/new").session(viewer)).andExpect(status().isForbidden());
    mvc.perform(filled(post(base + "/new")).session(viewer).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get(base + "/" + indicator.id() + "/edit").session(viewer))
        .andExpect(status().isForbidden());
    mvc.perform(filled(post(base + "/" + indicator.id() + "/edit")).session(viewer).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(indicators.findAll(partnership)).hasSize(1);
  }

  @Test
  void anotherPartnershipsIndicatorIsNotFound() throws Exception {
    Partnership elsewhere = fixtures.partnership();
    Indicator theirs;
    Partnership mine = partnership;
    partnership = elsewhere;
    theirs = add("9.9", "Theirs", Unit.COUNT);
    partnership = mine;
    mvc.perform(get(base + "/" + theirs.id() + "/edit").session(analyst))
        .andExpect(status().isNotFound());
    mvc.perform(filled(post(base + "/" + theirs.id() + "/edit")).session(analyst).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(indicators.find(elsewhere, theirs.id()).name()).isEqualTo("Theirs");
  }
}
