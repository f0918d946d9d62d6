package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccrhub.Fixtures.CLOCK;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The update form as an action lead goes through a quarter: what the form shows beside the action,
 * going back to the list it was opened from, going on to the next action, drafts, and a session
 * that times out while they type.
 */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class UpdateFormIntegrationTests {

  static final ReportingPeriod Q1 = ReportingPeriod.parse("2016/17 Q1");
  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");
  static final ReportingPeriod Q3 = ReportingPeriod.parse("2016/17 Q3");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ReportingPeriods periods;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  Partnership partnership;
  String slug;
  MockHttpSession admin;
  Member adminMember;
  MockHttpSession lead;
  Member leadMember;
  String leadEmail;
  DeliveryPlan plan;
  String base;
  String myActions;

  @BeforeEach
  void aLeadAssignedToThreeActionsOfAPlanRatedInQ2() throws Exception {
    partnership = fixtures.partnership();
    slug = partnership.slug();
    String adminEmail = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    adminMember = member(adminEmail);
    admin = Fixtures.signIn(mvc, adminEmail);
    leadEmail = fixtures.user(partnership, Role.ACTION_LEAD);
    leadMember = member(leadEmail);
    plan = importPlan("VAWG delivery plan", PlanPagesIntegrationTests.PLAN_CSV);
    for (String ref : new String[] {"1.1", "2.1", "2.2"}) {
      progress.assignUpdaters(partnership, plan, action(ref), Set.of(leadMember.accountId()));
    }
    for (ReportingPeriod period : new ReportingPeriod[] {Q1, Q2, Q3}) {
      periods.open(partnership, plan, period, Optional.empty(), Optional.empty());
    }
    lead = Fixtures.signIn(mvc, leadEmail);
    base = "/p/" + slug + "/plans/" + plan.id();
    myActions = "/p/" + slug + "/my-actions";
  }

  @Test
  void theFormShowsTheDueDateAndTheLastTwoUpdatesBeforeThisPeriod() throws Exception {
    progress.record(
        partnership,
        plan,
        action("1.2"),
        Q1,
        RagRating.AMBER_GREEN,
        "Bid drafted",
        Optional.empty(),
        new ActionProgress.Reporter(
            adminMember.accountId(), adminMember.displayName(), Set.of(Role.PARTNERSHIP_ADMIN)));

    String form = text(page(admin, base + "/actions/1.2/progress?period=2016/17 Q3"));

    assertThat(form)
        .contains("Update progress for 2016/17 Q3")
        .contains("Due: Q4 (deadline 31 March 2017)")
        .containsPattern(
            "Earlier updates The last updates before this period, newest first"
                + " Period Rating Comment Recorded"
                + " 2016/17 Q2 Amber/Red Funding gap Import from the command line, \\d+ \\w+ \\d{4}"
                + " at "
                + CLOCK
                + " 2016/17 Q1 Amber/Green Bid drafted "
                + Pattern.quote(adminMember.displayName())
                + ", ")
        .contains("Rating for 2016/17 Q3")
        .contains("Save update")
        .contains("Save and go to the next action needing an update");
    assertThat(text(page(admin, base + "/actions/2.2/progress?period=2016/17 Q3")))
        .contains("Due: Q3 (deadline 31 December 2016)")
        .contains("Earlier updates No earlier updates.");
    assertThat(text(page(admin, base + "/actions/2.1/progress?period=2016/17 Q3")))
        .contains("Due: Business as usual (ongoing, no deadline)");
  }

  @Test
  void afterSavingTheFormGoesBackToTheListItCameFrom() throws Exception {
    String list = page(lead, myActions);
    assertThat(list)
        .contains(
            "/p/"
                + slug
                + "/plans/"
                + plan.id()
                + "/actions/2.2/progress?period=2016/17%20Q3"
                + "&amp;from=/p/"
                + slug
                + "/my-actions");
    String form = page(lead, base + "/actions/2.2/progress?period=2016/17 Q3&from=" + myActions);
    assertThat(form)
        .contains("href=\"" + myActions + "\">Back</a>")
        .contains("href=\"" + myActions + "\">Cancel</a>");

    MvcResult saved = save(lead, "2.2", "GREEN", "Directory published", myActions);

    assertThat(location(saved)).isEqualTo(myActions);
    assertThat(text(follow(lead, saved))).contains("Progress on 2.2 for 2016/17 Q3 has been saved");

    // from the partnership's home page
    String home = "/p/" + slug;
    assertThat(page(lead, home))
        .contains(base + "/actions/1.1/progress?period=2016/17%20Q3&amp;from=" + home + "\"");
    assertThat(location(save(lead, "1.1", "GREEN", "Campaign planned", home))).isEqualTo(home);

    // from the plan's overview, through the action's page, with the overview's filters
    String overview = base + "?period=2016/17%20Q3&notUpdated=true&page=1";
    String fromOverview = findLink(pageAt(admin, overview), base + "/actions/2.1?from=");
    String actionPage = pageAt(admin, HtmlUtils.htmlUnescape(fromOverview));
    String update = findLink(actionPage, base + "/actions/2.1/progress?");
    String from = fromParameter(HtmlUtils.htmlUnescape(update));
    assertThat(from).isEqualTo(overview);
    pageAt(admin, HtmlUtils.htmlUnescape(update));
    assertThat(location(save(admin, "2.1", "RED", "Provider withdrew", from))).isEqualTo(overview);
  }

  @Test
  void aFromThatIsNotAPageOfThisPartnershipIsIgnored() throws Exception {
    Partnership other = fixtures.partnership();
    String actionPage = base + "/actions/2.2";
    for (String hostile :
        new String[] {
          "//evil.example",
          "https://evil.example/p/" + slug + "/my-actions",
          "/p/" + other.slug() + "/my-actions",
          "/p/" + slug + "/../" + other.slug() + "/my-actions",
          "/p/" + slug + "//evil.example",
          "/p/" + slug + "/\\evil.example",
          "/p/" + slug + "/my-actions\r\nSet-Cookie: x=1",
          "javascript:alert(1)"
        }) {
      String form =
          page(
              lead,
              get(base + "/actions/2.2/progress")
                  .param("period", "2016/17 Q3")
                  .param("from", hostile));
      assertThat(form).doesNotContain("evil.example").doesNotContain(other.slug());
      assertThat(form).contains("href=\"" + actionPage + "\">Back to action 2.2</a>");

      assertThat(location(save(lead, "2.2", "GREEN", "Directory published", hostile)))
          .as(hostile)
          .isEqualTo(actionPage);
    }
  }

  @Test
  void saveAndNextGoesThroughTheLeadsActionsInTheOrderOfMyActionsThenBackToTheList()
      throws Exception {
    DeliveryPlan another =
        importPlan("Another plan", "Outcome,Ref,Action\n1 Prevention,A1,Train the trainers\n");
    progress.assignUpdaters(partnership, another, progress.action(another, "A1"), Set.of(lead()));
    periods.open(partnership, another, Q3, Optional.empty(), Optional.empty());
    String next = "/progress?period=2016%2F17%20Q3&from=%2Fp%2F" + slug + "%2Fmy-actions";

    MvcResult first = saveAndNext(lead, base, "1.1", "GREEN", myActions);
    assertThat(location(first)).isEqualTo(base + "/actions/2.1" + next);
    assertThat(text(follow(lead, first)))
        .contains("Progress on 1.1 for 2016/17 Q3 has been saved")
        .contains("Update progress for 2016/17 Q3");
    assertThat(location(saveAndNext(lead, base, "2.1", "RED", myActions)))
        .isEqualTo(base + "/actions/2.2" + next);
    // after the last action of the plan, the first of My actions that still needs an update
    assertThat(location(saveAndNext(lead, base, "2.2", "GREEN", myActions)))
        .isEqualTo("/p/" + slug + "/plans/" + another.id() + "/actions/A1" + next);
    MvcResult last =
        saveAndNext(lead, "/p/" + slug + "/plans/" + another.id(), "A1", "GREEN", myActions);

    assertThat(location(last)).isEqualTo(myActions);
    assertThat(text(follow(lead, last)))
        .contains(
            "Progress on A1 for 2016/17 Q3 has been saved."
                + " All your actions are updated for 2016/17 Q3")
        .contains("Needs an update (0)");
    // an action already updated is skipped: 1.1 is done, so after it there is nothing left
    assertThat(location(saveAndNext(lead, base, "1.1", "AMBER_GREEN", myActions)))
        .isEqualTo(myActions);
  }

  @Test
  void aDraftIsKeptAsThePersonTypesOfferedBackAndGoneWhenTheUpdateIsSaved() throws Exception {
    String typed = "Provider withdrew; looking for another with the council";
    MockHttpServletResponse draft = saveDraft(lead, "2.1", "RED", typed);
    assertThat(draft.getStatus()).isEqualTo(200);
    assertThat(draft.getContentAsString()).matches("Draft saved at " + CLOCK);

    String form = page(lead, base + "/actions/2.1/progress?period=2016/17 Q3");
    assertThat(text(form))
        .containsPattern(
            "You have an unsaved draft from \\d{1,2} \\w+ \\d{4} at "
                + CLOCK
                + "\\."
                + " Use the draft Discard it")
        .doesNotContain(typed);
    assertThat(form).contains("hx-post=\"" + base + "/actions/2.1/progress/draft?period=");

    String restored = page(lead, base + "/actions/2.1/progress?period=2016/17 Q3&draft=use");
    assertThat(text(restored))
        .containsPattern("This is your draft from .* Check it and save it\\.")
        .doesNotContain("You have an unsaved draft");
    assertThat(textarea(restored)).isEqualTo(typed);
    assertThat(checkedRating(restored)).isEqualTo("RED");

    // nobody else sees it, even someone who may update the action
    String theirs = page(admin, base + "/actions/2.1/progress?period=2016/17 Q3&draft=use");
    assertThat(theirs).doesNotContain(typed).doesNotContain("unsaved draft");

    save(lead, "2.1", "RED", typed, null);
    assertThat(draftsOf(leadMember)).isZero();
    assertThat(page(lead, base + "/actions/2.1/progress?period=2016/17 Q3"))
        .doesNotContain("unsaved draft");
  }

  @Test
  void aDraftCanBeDiscardedAndOldDraftsAreForgotten() throws Exception {
    jdbc.sql(
            """
            insert into progress_draft (user_account_id, action_id, year, quarter, partnership_id,
                comment, saved_at)
            values (:account, :action, 2016, 2, :p, 'Forgotten', now() - interval '31 days')
            """)
        .param("account", adminMember.accountId())
        .param("action", action("1.1").id())
        .param("p", partnership.id())
        .update();
    saveDraft(lead, "2.2", "", "Half a thought");

    MvcResult discarded =
        mvc.perform(
                post(base + "/actions/2.2/progress/draft/discard")
                    .param("period", "2016/17 Q3")
                    .param("from", myActions)
                    .session(lead)
                    .with(csrf()))
            .andReturn();

    assertThat(location(discarded))
        .isEqualTo(
            base
                + "/actions/2.2/progress?period=2016%2F17%20Q3&from=%2Fp%2F"
                + slug
                + "%2Fmy-actions");
    assertThat(text(follow(lead, discarded)))
        .contains("Your draft has been discarded")
        .doesNotContain("unsaved draft");
    assertThat(draftsOf(leadMember)).isZero();
    assertThat(draftsOf(adminMember)).as("a draft over 30 days old").isZero();
  }

  @Test
  void onlySomeoneWhoMayUpdateTheActionKeepsADraftOfItAndOnlyInTheirPartnership() throws Exception {
    MockHttpSession viewer = Fixtures.signIn(mvc, fixtures.user(partnership, Role.VIEWER));
    assertThat(saveDraft(viewer, "2.1", "RED", "Not mine").getStatus()).isEqualTo(403);
    assertThat(saveDraft(lead, "1.2", "RED", "Not assigned").getStatus()).isEqualTo(403);

    Partnership other = fixtures.partnership();
    MockHttpSession outsider = Fixtures.signIn(mvc, fixtures.user(other, Role.PARTNERSHIP_ADMIN));
    assertThat(saveDraft(outsider, "2.1", "RED", "Foreign").getStatus()).isIn(403, 404);
    assertThat(
            jdbc.sql("select count(*) from progress_draft where action_id = :a")
                .param("a", action("2.1").id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anUpdateSentAfterTheSessionTimedOutIsKeptThroughSigningInAndSavedOnlyWhenSentAgain(
      CapturedOutput output) throws Exception {
    String comment = "Funding gap: the bid to MOPAC for 18,000 pounds was turned down";
    String formUrl = base + "/actions/2.2/progress?period=2016/17 Q3&from=" + myActions;
    String token = csrfToken(page(lead, formUrl));
    timeOut(lead);

    MockHttpServletResponse sent =
        mvc.perform(
                post(base + "/actions/2.2/progress")
                    .param("period", "2016/17 Q3")
                    .param("from", myActions)
                    .param("rating", "AMBER_RED")
                    .param("comment", comment)
                    .param("seenUpdateId", "")
                    .param("by", String.valueOf(lead()))
                    .param("_csrf", token)
                    .session(lead))
            .andReturn()
            .getResponse();

    assertThat(sent.getStatus()).isEqualTo(302);
    assertThat(sent.getRedirectedUrl()).isEqualTo("/sign-in?timeout");
    assertThat(text(page(lead, "/sign-in?timeout")))
        .contains(
            "You were signed out because you had not done anything for 30 minutes."
                + " Sign in again: what you typed has been kept.");
    assertThat(current("2.2")).isEmpty();

    MockHttpServletResponse signedIn = signIn(lead, leadEmail);
    String back =
        base + "/actions/2.2/progress?period=2016%2F17%20Q3&from=%2Fp%2F" + slug + "%2Fmy-actions";
    assertThat(signedIn.getRedirectedUrl()).isEqualTo(back);
    String form = pageAt(lead, back);
    assertThat(text(form))
        .contains("This is what you typed before you were signed out. Check it and save it.");
    assertThat(textarea(form)).isEqualTo(comment);
    assertThat(checkedRating(form)).isEqualTo("AMBER_RED");
    assertThat(current("2.2")).as("nothing is saved until the person saves it").isEmpty();
    // shown once
    assertThat(pageAt(lead, back)).doesNotContain(comment);

    assertThat(location(save(lead, "2.2", "AMBER_RED", comment, myActions))).isEqualTo(myActions);
    assertThat(current("2.2")).map(ProgressUpdate::comment).hasValue(comment);
    assertThat(output.getAll()).doesNotContain("bid to MOPAC");
  }

  @Test
  void whatWasTypedIsOfferedOnlyToThePersonWhoTypedIt() throws Exception {
    String comment = "Only for the lead to see again";
    String token = csrfToken(page(lead, base + "/actions/2.2/progress?period=2016/17 Q3"));
    timeOut(lead);
    mvc.perform(
        post(base + "/actions/2.2/progress")
            .param("period", "2016/17 Q3")
            .param("rating", "RED")
            .param("comment", comment)
            .param("by", String.valueOf(lead()))
            .param("_csrf", token)
            .session(lead));

    // someone else signs in on the same browser
    MockHttpServletResponse signedIn = signIn(lead, adminEmailOf());
    assertThat(signedIn.getRedirectedUrl()).startsWith(base + "/actions/2.2/progress");
    assertThat(pageAt(lead, signedIn.getRedirectedUrl())).doesNotContain(comment);
  }

  @Test
  void anyRequestAfterTheSessionTimedOutGoesToSignInNeverToARefusal() throws Exception {
    MockHttpSession session = Fixtures.signIn(mvc, leadEmail);
    String token = csrfToken(page(session, myActions));
    timeOut(session);

    // another form, which keeps nothing
    MockHttpServletResponse password =
        mvc.perform(
                post("/account/password")
                    .param("currentPassword", "x")
                    .param("_csrf", token)
                    .session(session))
            .andReturn()
            .getResponse();
    assertThat(password.getRedirectedUrl()).isEqualTo("/sign-in?timeout");
    assertThat(text(page(session, "/sign-in?timeout")))
        .contains(
            "You were signed out because you had not done anything for 30 minutes."
                + " Sign in again to continue.");

    // a page: signed in again, the person is back on it
    MockHttpSession reader = Fixtures.signIn(mvc, leadEmail);
    timeOut(reader);
    mvc.perform(get(base).session(reader))
        .andExpect(status().isFound())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                "/sign-in?timeout"));
    assertThat(signIn(reader, leadEmail).getRedirectedUrl()).isEqualTo(base);

    // a draft sent by htmx gets a bare 401, which the page's script answers by reloading
    MockHttpSession typing = Fixtures.signIn(mvc, leadEmail);
    timeOut(typing);
    assertThat(
            mvc.perform(
                    post(base + "/actions/2.2/progress/draft")
                        .header("HX-Request", "true")
                        .param("period", "2016/17 Q3")
                        .param("rating", "RED")
                        .param("comment", "Half-typed when the time ran out")
                        .param("by", String.valueOf(lead()))
                        .session(typing))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
    // and what it carried is kept: signed in again, the person finds the form as they left it
    MockHttpServletResponse back = signIn(typing, leadEmail);
    assertThat(back.getRedirectedUrl())
        .isEqualTo(base + "/actions/2.2/progress?period=2016%2F17%20Q3");
    String form = pageAt(typing, back.getRedirectedUrl());
    assertThat(textarea(form)).isEqualTo("Half-typed when the time ran out");
    assertThat(text(form)).contains("This is what you typed before you were signed out.");

    // no session at all (cookies cleared, or signed out in another tab)
    MockHttpServletResponse noSession =
        mvc.perform(
                post(base + "/actions/2.2/progress")
                    .param("period", "2016/17 Q3")
                    .param("rating", "GREEN")
                    .param("by", String.valueOf(lead()))
                    .param("_csrf", "stale"))
            .andReturn()
            .getResponse();
    assertThat(noSession.getRedirectedUrl()).isEqualTo("/sign-in?ended");
  }

  @Test
  void stayingSignedInIsARequestThatNeedsTheSessionAndItsToken() throws Exception {
    mvc.perform(post("/account/stay-signed-in").session(lead).with(csrf()))
        .andExpect(status().isNoContent());
    String page = page(lead, myActions);
    assertThat(page)
        .contains("id=\"timeout-warning\" role=\"alertdialog\"")
        .contains("data-timeout=\"1800\"")
        .containsPattern("data-ends-in=\"4\\d{4}\"")
        .contains("data-stay-url=\"/account/stay-signed-in\"")
        .contains("/js/timeout-warning.js");
    assertThat(page(lead, "/privacy")).contains("timeout-warning");
    assertThat(
            mvc.perform(get("/privacy"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("timeout-warning");
  }

  // -- helpers

  private long lead() {
    return leadMember.accountId();
  }

  private String adminEmailOf() {
    return adminMember.email();
  }

  /** Makes the session's last request older than the idle timeout, as time passing would. */
  private void timeOut(MockHttpSession session) {
    int changed =
        jdbc.sql(
                "update spring_session set last_access_time = last_access_time - 31 * 60 * 1000,"
                    + " expiry_time = expiry_time - 31 * 60 * 1000 where session_id = :id")
            .param("id", session.getAttribute("org.ccrhub.MockMvcSessions.ID"))
            .update();
    assertThat(changed).isEqualTo(1);
  }

  private MockHttpServletResponse signIn(MockHttpSession session, String email) throws Exception {
    return mvc.perform(
            post("/sign-in")
                .param("email", email)
                .param("password", Fixtures.PASSWORD)
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private MvcResult save(
      MockHttpSession session, String ref, String rating, String comment, String from)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post(base + "/actions/" + ref + "/progress")
            .param("period", "2016/17 Q3")
            .param("rating", rating)
            .param("comment", comment)
            .param("seenUpdateId", current(ref).map(u -> String.valueOf(u.id())).orElse(""))
            .session(session)
            .with(csrf());
    if (from != null) {
      request.param("from", from);
    }
    return mvc.perform(request).andReturn();
  }

  private MvcResult saveAndNext(
      MockHttpSession session, String planBase, String ref, String rating, String from)
      throws Exception {
    DeliveryPlan which =
        planBase.equals(base) ? plan : plans.find(partnership, Long.parseLong(last(planBase)));
    ProgressUpdate now = plans.updatesIn(which, Q3).get(progress.action(which, ref).id());
    return mvc.perform(
            post(planBase + "/actions/" + ref + "/progress")
                .param("period", "2016/17 Q3")
                .param("rating", rating)
                .param("comment", "Checked this quarter")
                .param("seenUpdateId", now == null ? "" : String.valueOf(now.id()))
                .param("from", from)
                .param("next", "true")
                .session(session)
                .with(csrf()))
        .andReturn();
  }

  private MockHttpServletResponse saveDraft(
      MockHttpSession session, String ref, String rating, String comment) throws Exception {
    return mvc.perform(
            post(base + "/actions/" + ref + "/progress/draft")
                .header("HX-Request", "true")
                .param("period", "2016/17 Q3")
                .param("rating", rating)
                .param("comment", comment)
                .session(session)
                .with(csrf()))
        .andReturn()
        .getResponse();
  }

  private long draftsOf(Member member) {
    return jdbc.sql("select count(*) from progress_draft where user_account_id = :a")
        .param("a", member.accountId())
        .query(Long.class)
        .single();
  }

  private Optional<ProgressUpdate> current(String ref) {
    return Optional.ofNullable(plans.updatesIn(plan, Q3).get(action(ref).id()));
  }

  private PlanAction action(String ref) {
    return progress.action(plan, ref);
  }

  private DeliveryPlan importPlan(String name, String csv) {
    imports.run(
        partnership,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            csv.getBytes(StandardCharsets.UTF_8)));
    return plans.named(partnership, name);
  }

  private Member member(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow();
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return page(session, get(url));
  }

  private static String location(MvcResult result) {
    return result.getResponse().getRedirectedUrl();
  }

  /** The page a redirect leads to, with the flash message it carried. */
  private String follow(MockHttpSession session, MvcResult redirect) throws Exception {
    return page(
        session,
        get(URI.create(redirect.getResponse().getRedirectedUrl()))
            .flashAttrs(redirect.getFlashMap()));
  }

  /** A page at an address that is encoded already, as a redirect or a link gives it. */
  private String pageAt(MockHttpSession session, String encoded) throws Exception {
    return page(session, get(URI.create(encoded)));
  }

  private String page(MockHttpSession session, MockHttpServletRequestBuilder request)
      throws Exception {
    return rendered(request.session(session));
  }

  private String rendered(RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static String text(String html) {
    return PlanPagesIntegrationTests.text(html);
  }

  private static String textarea(String html) {
    Matcher m =
        Pattern.compile("<textarea[^>]*id=\"comment\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
            .matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "(no comment box)";
  }

  private static String checkedRating(String html) {
    Matcher m = Pattern.compile("<input[^>]*name=\"rating\"[^>]*>").matcher(html);
    while (m.find()) {
      if (m.group().contains("checked")) {
        Matcher value = Pattern.compile("value=\"([A-Z_]+)\"").matcher(m.group());
        return value.find() ? value.group(1) : "?";
      }
    }
    return "(none)";
  }

  private static String csrfToken(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String findLink(String html, String start) {
    Matcher m = Pattern.compile("href=\"(" + Pattern.quote(start) + "[^\"]*)\"").matcher(html);
    assertThat(m.find()).as("a link starting " + start).isTrue();
    return m.group(1);
  }

  private static String fromParameter(String url) {
    String from = url.substring(url.indexOf("from=") + 5);
    return java.net.URLDecoder.decode(from, StandardCharsets.UTF_8);
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
