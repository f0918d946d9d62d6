package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccrhub.Fixtures.CLOCK;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.PublicTexts;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * What the public sees of a plan: a lead's public text beside their internal comment, approved by a
 * strategic lead before it appears, the preview before publishing, the list of published plans, and
 * public pages without the signed-in navigation.
 */
@CcrHubTest
class PublicPagesIntegrationTests {

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");

  static final String COMMENT =
      "Protocol not signed by Health or Probation; escalated to the chair";
  static final String PUBLIC = "The directory of local support services is being written.";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ReportingPeriods periods;
  @Autowired PublicTexts publicTexts;
  @Autowired Accounts accounts;
  @Autowired IndicatorImport indicatorImports;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  String adminEmail;
  MockHttpSession admin;
  MockHttpSession strategic;
  Member strategicMember;
  MockHttpSession lead;
  Member leadMember;
  DeliveryPlan plan;
  String base;
  String publicUrl;

  @BeforeEach
  void aPlanWithALeadAStrategicLeadAndAnAdministrator() throws Exception {
    partnership = fixtures.partnership();
    adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    admin = Fixtures.signIn(mvc, adminEmail);
    String strategicEmail = fixtures.user(partnership, Role.STRATEGIC_LEAD);
    strategicMember = member(strategicEmail);
    strategic = Fixtures.signIn(mvc, strategicEmail);
    String leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    leadMember = member(leadEmail);
    plan = importPlan("VAWG delivery plan");
    for (String ref : List.of("1.1", "2.2")) {
      progress.assignUpdaters(partnership, plan, action(ref), Set.of(leadMember.accountId()));
    }
    periods.open(partnership, plan, Q2, Optional.empty(), Optional.empty());
    lead = Fixtures.signIn(mvc, leadEmail);
    base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    publicUrl = "/public/" + partnership.slug() + "/plans/" + plan.id();
  }

  @Test
  void aLeadsPublicTextIsShownOnlyOnceAStrategicLeadApprovesItAndNeverTheirComment()
      throws Exception {
    assertThat(text(page(lead, base + "/actions/2.2/progress?period=2016/17 Q2")))
        .contains(
            "Public text (optional) This is what residents will read about this action on the"
                + " plan's public page, once a strategic lead approves it.");
    assertThat(statusOf(save(lead, "2.2", "AMBER_RED", COMMENT, PUBLIC))).isEqualTo(302);
    assertThat(text(page(lead, base + "/actions/2.2/progress?period=2016/17 Q2")))
        .contains("Waiting for a strategic lead to approve it.");
    assertThat(publicTextBox(page(lead, base + "/actions/2.2/progress?period=2016/17 Q2")))
        .isEqualTo(PUBLIC);
    plans.publish(partnership, plan.id(), true);

    String before = text(rendered(get(publicUrl)));
    assertThat(before)
        .contains(
            "2.2 Publish a directory of services Q3 Council Amber/Red 2016/17 Q2 No public update")
        .doesNotContain(COMMENT)
        .doesNotContain(PUBLIC)
        .doesNotContain(leadMember.displayName());

    String approval = page(strategic, base + "/public-texts?period=2016/17 Q2");
    assertThat(title(approval)).isEqualTo("Public texts for 2016/17 Q2, VAWG delivery plan");
    assertThat(text(approval))
        .contains("Comment from the action lead (never published) " + COMMENT)
        .contains("Public text Waiting for approval Written by " + leadMember.displayName())
        .contains("Waiting for approval (1)");
    assertThat(textBox(approval, action("2.2"))).isEqualTo(PUBLIC);

    MvcResult approved = review(strategic, "approve", action("2.2"), PUBLIC, 1);
    assertThat(approved.getResponse().getRedirectedUrl())
        .isEqualTo(base + "/public-texts?period=2016%2F17%20Q2&show=all&page=1");
    assertThat(text(follow(strategic, approved)))
        .contains("The public text of 2.2 is approved")
        .contains("Public text Approved Approved by " + strategicMember.displayName());

    String after = text(rendered(get(publicUrl)));
    assertThat(after)
        .contains("2.2 Publish a directory of services Q3 Council Amber/Red 2016/17 Q2 " + PUBLIC)
        .contains(
            "1.1 Run a campaign in schools Q1 Community Safety Team Green 2016/17 Q2"
                + " No public update")
        .doesNotContain(COMMENT);

    // saving the update again with the same words keeps the approval
    save(lead, "2.2", "AMBER_RED", COMMENT + " again", PUBLIC);
    assertThat(text(rendered(get(publicUrl)))).contains(PUBLIC);
    assertThat(text(page(lead, base + "/actions/2.2/progress?period=2016/17 Q2")))
        .containsPattern(
            "Approved by "
                + Pattern.quote(strategicMember.displayName())
                + " on \\d{1,2} \\w+ \\d{4} at "
                + CLOCK
                + "\\. If you change it, it is not"
                + " shown until a strategic lead approves it again\\.");

    // new words withdraw the approval
    save(lead, "2.2", "AMBER_RED", COMMENT, "The directory goes online in March.");
    String withdrawn = text(rendered(get(publicUrl)));
    assertThat(withdrawn)
        .contains("Amber/Red 2016/17 Q2 No public update")
        .doesNotContain(PUBLIC)
        .doesNotContain("The directory goes online in March.");
    assertThat(publicTexts.of(action("2.2"), Q2).orElseThrow().isApproved()).isFalse();

    assertThat(audited())
        .containsExactly(
            "CREATE Wrote the public text of VAWG delivery plan 2.2 for 2016/17 Q2",
            "APPROVE Approved the public text of VAWG delivery plan 2.2 for 2016/17 Q2",
            "UPDATE Changed the public text of VAWG delivery plan 2.2 for 2016/17 Q2; its approval"
                + " is withdrawn until a strategic lead approves it again");
  }

  @Test
  void publishingShowsAPreviewOfExactlyThePublicPageAndOnlyConfirmingPublishes() throws Exception {
    save(lead, "2.2", "AMBER_RED", COMMENT, PUBLIC);

    MvcResult unconfirmed =
        mvc.perform(post(base + "/publish").param("published", "true").session(admin).with(csrf()))
            .andReturn();
    assertThat(unconfirmed.getResponse().getRedirectedUrl()).isEqualTo(base + "/publish");
    assertThat(plans.find(partnership, plan.id()).isPublished()).isFalse();
    mvc.perform(get(publicUrl)).andExpect(status().isNotFound());
    assertThat(page(admin, base)).contains("href=\"" + base + "/publish\"");

    String preview = page(admin, base + "/publish");
    assertThat(title(preview)).isEqualTo("Check the public page of VAWG delivery plan");
    assertThat(text(preview))
        .contains("Check the public page before you publish it")
        .contains(
            "1 public text is waiting for approval. Its action shows \"No public update\" until a"
                + " strategic lead approves it.")
        .contains("Key to ratings")
        .contains(
            "2.2 Publish a directory of services Q3 Council Amber/Red 2016/17 Q2 No public update")
        .doesNotContain(COMMENT)
        .doesNotContain("Approve public texts for"); // an administrator does not approve
    assertThat(text(page(strategic, base + "/publish")))
        .contains("Approve public texts for 2016/17 Q2");

    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    mvc.perform(get(base + "/publish").session(viewer)).andExpect(status().isForbidden());
    mvc.perform(
            post(base + "/publish")
                .param("published", "true")
                .param("confirm", "true")
                .session(viewer)
                .with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(plans.find(partnership, plan.id()).isPublished()).isFalse();

    MvcResult confirmed =
        mvc.perform(
                post(base + "/publish")
                    .param("published", "true")
                    .param("confirm", "true")
                    .session(admin)
                    .with(csrf()))
            .andReturn();
    assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo(base);
    assertThat(text(follow(admin, confirmed)))
        .contains("VAWG delivery plan is published on its public page");
    String published = rendered(get(publicUrl));
    assertThat(planBody(published)).isEqualTo(planBody(preview));

    // taking it off needs no preview
    mvc.perform(post(base + "/publish").param("published", "false").session(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(publicUrl)).andExpect(status().isNotFound());
  }

  @Test
  void thePublicListHasOnlyPublishedPlansTheKeyToRatingsAndNoSignedInChrome() throws Exception {
    importPlan("Draft plan");
    String listUrl = "/public/" + partnership.slug() + "/plans";
    assertThat(text(rendered(get(listUrl)))).contains("No delivery plans are published yet.");

    plans.publish(partnership, plan.id(), true);
    // a visitor signed in with two partnerships still sees no navigation or switcher
    Partnership other = fixtures.partnership();
    accounts.ensureRole(other, adminEmail, Role.VIEWER);
    MockHttpSession visitor = Fixtures.signIn(mvc, adminEmail);

    for (MockHttpSession session : new MockHttpSession[] {null, visitor}) {
      String list = session == null ? rendered(get(listUrl)) : page(session, listUrl);
      assertThat(title(list)).isEqualTo("Delivery plans, " + partnership.name());
      assertThat(text(list))
          .contains("VAWG delivery plan Delivery plan for 2016/17.")
          .contains("Green 1, Amber/Red 1, Red 1, Not rated 1 (4 actions)")
          .contains("Key to ratings Rating What it means Green On track to be delivered on time")
          .contains("Red Critical impact, urgent intervention required")
          .doesNotContain("Draft plan");
      assertThat(list).contains("href=\"" + publicUrl + "\"");
      assertNoSignedInChrome(list);

      String page = session == null ? rendered(get(publicUrl)) : page(session, publicUrl);
      assertThat(text(page)).contains("Key to ratings").contains("Not yet reported");
      assertNoSignedInChrome(page);
    }

    mvc.perform(get("/public/no-such-partnership/plans")).andExpect(status().isNotFound());
    DeliveryPlan theirs = importPlanIn(other, "Their plan");
    plans.publish(other, theirs.id(), true);
    mvc.perform(get("/public/" + partnership.slug() + "/plans/" + theirs.id()))
        .andExpect(status().isNotFound());
    assertThat(text(rendered(get("/public/" + other.slug() + "/plans"))))
        .contains("Their plan")
        .doesNotContain("VAWG delivery plan");
  }

  @Test
  void thePublicPerformancePageHasTheKeyToRatingsAndNoSignedInChrome() throws Exception {
    indicatorImports.importDefinitions(
        partnership,
        ("ref,name,unit,polarity,published\n" + "DA1,Domestic abuse incidents,count,lower,yes\n")
            .getBytes(StandardCharsets.UTF_8));
    StringBuilder values = new StringBuilder("indicator,period,value\n");
    for (int month = 1; month <= 12; month++) {
      values.append("DA1,2016-").append(String.format("%02d", month)).append(",100\n");
    }
    indicatorImports.importValues(partnership, values.toString().getBytes(StandardCharsets.UTF_8));

    String page = page(admin, "/public/" + partnership.slug() + "/performance");

    assertThat(text(page))
        .contains("Domestic abuse incidents")
        .contains("Key to ratings Rating What it means Green On track to be delivered on time")
        .contains("Amber/Red Predicted to be off track, serious impact: intervention needed");
    assertNoSignedInChrome(page);
  }

  @Test
  void onlyAStrategicLeadApprovesAndAnotherPartnershipsPlanIsNotFound() throws Exception {
    save(lead, "2.2", "AMBER_RED", COMMENT, PUBLIC);
    String approvals = base + "/public-texts?period=2016/17 Q2";
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    for (MockHttpSession notApprover : List.of(admin, lead, viewer)) {
      mvc.perform(get(approvals).session(notApprover)).andExpect(status().isForbidden());
      mvc.perform(reviewRequest(notApprover, "approveAll", action("2.2"), PUBLIC, 1))
          .andExpect(status().isForbidden());
    }
    assertThat(publicTexts.of(action("2.2"), Q2).orElseThrow().isApproved()).isFalse();
    assertThat(text(page(admin, base))).doesNotContain("Approve public texts for");
    assertThat(text(page(strategic, base))).contains("Approve public texts for 2016/17 Q2");

    Partnership other = fixtures.partnership();
    DeliveryPlan theirs = importPlanIn(other, "Their plan");
    mvc.perform(
            get("/p/" + partnership.slug() + "/plans/" + theirs.id() + "/public-texts")
                .session(strategic))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/p/" + partnership.slug() + "/plans/" + theirs.id() + "/public-texts")
                .param("approveAll", "true")
                .session(strategic)
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get(base + "/public-texts?period=not a period").session(strategic))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anApproverWhoSawOlderWordsIsToldTheyChangedAndNothingIsApproved() throws Exception {
    save(lead, "2.2", "AMBER_RED", COMMENT, PUBLIC);
    page(strategic, base + "/public-texts?period=2016/17 Q2"); // sees version 1
    save(lead, "2.2", "AMBER_RED", COMMENT, "The directory goes online in March.");

    MvcResult stale = review(strategic, "approve", action("2.2"), PUBLIC, 1);

    assertThat(stale.getResponse().getStatus()).isEqualTo(200);
    String page = stale.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(title(page)).startsWith("Error: ");
    assertThat(text(page))
        .contains(
            "There is a problem Someone changed the public text of 2.2 since you opened this"
                + " page.")
        .contains("Their words now: The directory goes online in March.");
    assertThat(page).contains("href=\"#text-" + action("2.2").id() + "\"");
    assertThat(textBox(page, action("2.2"))).isEqualTo(PUBLIC);
    PublicText now = publicTexts.of(action("2.2"), Q2).orElseThrow();
    assertThat(now.text()).isEqualTo("The directory goes online in March.");
    assertThat(now.isApproved()).isFalse();

    // having seen their words, the approver's own replace them
    review(strategic, "approveAll", action("2.2"), PUBLIC, now.version());
    PublicText replaced = publicTexts.of(action("2.2"), Q2).orElseThrow();
    assertThat(replaced.text()).isEqualTo(PUBLIC);
    assertThat(replaced.approvedBy()).hasValue(strategicMember.displayName());
  }

  @Test
  void theApproverWritesAndApprovesAtOnceAndApproveAllLeavesBlankTextsAlone() throws Exception {
    save(lead, "1.1", "GREEN", "Campaign ran in June", "");
    save(lead, "2.2", "AMBER_RED", COMMENT, PUBLIC);
    String written = "A campaign ran in 12 secondary schools in June.";

    MvcResult result =
        mvc.perform(
                post(base + "/public-texts")
                    .param("period", "2016/17 Q2")
                    .param("show", "all")
                    .param("action", String.valueOf(action("1.1").id()))
                    .param("text-" + action("1.1").id(), written)
                    .param("version-" + action("1.1").id(), "0")
                    .param("action", String.valueOf(action("1.2").id()))
                    .param("text-" + action("1.2").id(), "  ")
                    .param("version-" + action("1.2").id(), "0")
                    .param("action", String.valueOf(action("2.2").id()))
                    .param("text-" + action("2.2").id(), PUBLIC)
                    .param("version-" + action("2.2").id(), "1")
                    .param("approveAll", "true")
                    .session(strategic)
                    .with(csrf()))
            .andReturn();

    assertThat(text(follow(strategic, result))).contains("2 public texts are approved");
    PublicText campaign = publicTexts.of(action("1.1"), Q2).orElseThrow();
    assertThat(campaign.text()).isEqualTo(written);
    assertThat(campaign.writtenBy()).isEqualTo(strategicMember.displayName());
    assertThat(campaign.isApproved()).isTrue();
    assertThat(publicTexts.of(action("1.2"), Q2)).isEmpty();
    assertThat(text(page(strategic, base + "/public-texts?period=2016/17 Q2&show=waiting")))
        .contains("No public texts are waiting for approval for 2016/17 Q2.");
    plans.publish(partnership, plan.id(), true);
    assertThat(text(rendered(get(publicUrl))))
        .contains(
            "1.1 Run a campaign in schools Q1 Community Safety Team Green 2016/17 Q2 " + written)
        .contains(
            "1.2 Train GP practices in IRIS Q4 Health Amber/Red 2016/17 Q2" + " No public update");
  }

  @Test
  void aPublicTextOverTwoThousandCharactersIsRefusedOnBothForms() throws Exception {
    String tooLong = "a".repeat(PublicText.MAX_LENGTH + 1);

    MvcResult refused = save(lead, "2.2", "GREEN", "Done", tooLong);

    assertThat(refused.getResponse().getStatus()).isEqualTo(200);
    String form = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(form))
        .contains("There is a problem Public text must be 2,000 characters or fewer");
    assertThat(form).contains("href=\"#publicText\"");
    assertThat(publicTextBox(form)).isEqualTo(tooLong);
    assertThat(plans.updatesIn(plan, Q2)).doesNotContainKey(action("2.2").id());

    save(lead, "2.2", "AMBER_RED", COMMENT, PUBLIC);
    MvcResult tooLongReview = review(strategic, "approveAll", action("2.2"), tooLong, 1);
    String page = tooLongReview.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(text(page))
        .contains("There is a problem Public text must be 2,000 characters or fewer");
    assertThat(textBox(page, action("2.2"))).isEqualTo(tooLong);
    assertThat(publicTexts.of(action("2.2"), Q2).orElseThrow().text()).isEqualTo(PUBLIC);
  }

  @Test
  void aDraftKeepsThePublicTextTyped() throws Exception {
    String typed = "Residents can find the directory at the library.";
    MvcResult draft =
        mvc.perform(
                post(base + "/actions/2.2/progress/draft")
                    .header("HX-Request", "true")
                    .param("period", "2016/17 Q2")
                    .param("rating", "GREEN")
                    .param("comment", "")
                    .param("publicText", typed)
                    .session(lead)
                    .with(csrf()))
            .andReturn();
    assertThat(draft.getResponse().getContentAsString()).startsWith("Draft saved at");

    assertThat(text(page(lead, base + "/actions/2.2/progress?period=2016/17 Q2")))
        .contains("You have an unsaved draft");
    String restored = page(lead, base + "/actions/2.2/progress?period=2016/17 Q2&draft=use");
    assertThat(publicTextBox(restored)).isEqualTo(typed);
  }

  private static void assertNoSignedInChrome(String html) {
    assertThat(html)
        .doesNotContain("Sign out")
        .doesNotContain("Change password")
        .doesNotContain("Signed in as")
        .doesNotContain("switch-partnership")
        .doesNotContain("aria-label=\"Menu\"")
        .doesNotContain("href=\"/p/")
        .contains("href=\"/accessibility\">Accessibility statement</a>")
        .contains("name=\"viewport\"");
  }

  private MvcResult save(
      MockHttpSession session, String ref, String rating, String comment, String publicText)
      throws Exception {
    ProgressUpdate now = plans.updatesIn(plan, Q2).get(action(ref).id());
    return mvc.perform(
            post(base + "/actions/" + ref + "/progress")
                .param("period", "2016/17 Q2")
                .param("rating", rating)
                .param("comment", comment)
                .param("publicText", publicText)
                .param("seenUpdateId", now == null ? "" : String.valueOf(now.id()))
                .session(session)
                .with(csrf()))
        .andReturn();
  }

  private MvcResult review(
      MockHttpSession session, String button, PlanAction action, String text, int version)
      throws Exception {
    return mvc.perform(reviewRequest(session, button, action, text, version)).andReturn();
  }

  private MockHttpServletRequestBuilder reviewRequest(
      MockHttpSession session, String button, PlanAction action, String text, int version) {
    return post(base + "/public-texts")
        .param("period", "2016/17 Q2")
        .param("show", "all")
        .param("page", "1")
        .param("action", String.valueOf(action.id()))
        .param("text-" + action.id(), text)
        .param("version-" + action.id(), String.valueOf(version))
        .param(button, button.equals("approve") ? String.valueOf(action.id()) : "true")
        .session(session)
        .with(csrf());
  }

  /** The trail's records of public texts, oldest first, as action and summary. */
  private List<String> audited() {
    return jdbc.sql(
            "select action || ' ' || summary from audit_event where partnership_id = :p"
                + " and object_type = 'PublicText' order by id")
        .param("p", partnership.id())
        .query(String.class)
        .list();
  }

  private static int statusOf(MvcResult result) {
    return result.getResponse().getStatus();
  }

  private DeliveryPlan importPlan(String name) {
    return importPlanIn(partnership, name);
  }

  private DeliveryPlan importPlanIn(Partnership p, String name) {
    imports.run(
        p,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            PlanPagesIntegrationTests.PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    return plans.named(p, name);
  }

  private PlanAction action(String ref) {
    return progress.action(plan, ref);
  }

  private Member member(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow();
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return rendered(get(url).session(session));
  }

  private String follow(MockHttpSession session, MvcResult redirect) throws Exception {
    return rendered(
        get(URI.create(redirect.getResponse().getRedirectedUrl()))
            .session(session)
            .flashAttrs(redirect.getFlashMap()));
  }

  private String rendered(RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The words of the plan's public body: the part the preview and the public page share. */
  private static String planBody(String html) {
    int start = html.indexOf("<div class=\"app-public-plan\">");
    assertThat(start).as("the public plan's body").isNotNegative();
    return text(html.substring(start, html.indexOf("</main>", start)))
        .replaceAll(" Publish plan Cancel$", "");
  }

  private static String publicTextBox(String html) {
    return textarea(html, "publicText");
  }

  private static String textBox(String html, PlanAction action) {
    return textarea(html, "text-" + action.id());
  }

  private static String textarea(String html, String id) {
    Matcher m =
        Pattern.compile(
                "<textarea[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</textarea>",
                Pattern.DOTALL)
            .matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "(no box " + id + ")";
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>(.*?) – CCR Hub</title>", Pattern.DOTALL).matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  private static String text(String html) {
    return PlanPagesIntegrationTests.text(html);
  }
}
