package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.PersonAccounts;
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

/** {@code lead assign} and {@code lead list} as an operator runs them. */
@CcrHubTest
class LeadCommandsIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Ref,Action,Due,Lead
      1 Prevention,1.1,Run a campaign in schools,Q1,Council
      ,1.2,Train GP practices in IRIS,Q4,Health; Council
      2 Support,2.1,Commission refuge spaces,Q3,Police CSU
      """;

  static final ReportingPeriod Q2 = ReportingPeriod.parse("2016/17 Q2");

  @Autowired AdminCommands commands;
  @Autowired Fixtures fixtures;
  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired ActionProgress progress;
  @Autowired ActionLeads leads;
  @Autowired ReportingPeriods periods;
  @Autowired Accounts accounts;
  @Autowired People people;
  @Autowired PersonAccounts personAccounts;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  Partnership partnership;
  DeliveryPlan plan;

  @BeforeEach
  void aPartnershipWithAnImportedPlan() {
    partnership = fixtures.partnership();
    imports.run(
        partnership,
        new PlanImportRequest(
            "VAWG plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(Q2),
            Optional.empty(),
            PLAN_CSV.getBytes(StandardCharsets.UTF_8)));
    plan = plans.named(partnership, "VAWG plan");
    periods.open(partnership, plan, Q2, Optional.empty(), Optional.empty());
  }

  @Test
  void assignsALeadToAUserWhoThenUpdatesItsActionsAndSeesThemInMyActions() throws Exception {
    String email = fixtures.user(partnership, Role.ACTION_LEAD);
    Member lead = member(email);
    assertThat(personAccounts.personOf(partnership, lead.accountId())).isEmpty();

    AdminCommands.Result result = assign("council", email.toUpperCase(java.util.Locale.ROOT));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            email
                + " had no person in the directory: added Test Action lead and linked it to their"
                + " account.\n"
                + "Lead \"Council\" of VAWG plan: added Test Action lead.\n"
                + "Now mapped to Test Action lead.\n"
                + "2 actions naming it have 1 person to update them.\n"
                + "2 of the plan's leads have nobody to update their actions.\n");
    assertThat(personAccounts.personOf(partnership, lead.accountId()))
        .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Test Action lead"));
    ActionProgress.Reporter reporter =
        new ActionProgress.Reporter(lead.accountId(), lead.displayName(), Set.of(Role.ACTION_LEAD));
    assertThat(progress.mayUpdate(reporter, progress.action(plan, "1.1"))).isTrue();
    assertThat(progress.mayUpdate(reporter, progress.action(plan, "1.2"))).isTrue();
    assertThat(progress.mayUpdate(reporter, progress.action(plan, "2.1"))).isFalse();

    MockHttpSession session = Fixtures.signIn(mvc, email);
    String myActions =
        mvc.perform(get("/p/" + partnership.slug() + "/my-actions").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(myActions)
        .contains("Run a campaign in schools")
        .contains("Train GP practices in IRIS")
        .doesNotContain("Commission refuge spaces");
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where partnership_id = :p"
                        + " and object_type = 'LeadMapping'")
                .param("p", partnership.id())
                .query(String.class)
                .list())
        .containsExactly(
            "Lead 'Council' of VAWG plan mapped to 1 person (was 0), 1 of them updating its 2"
                + " actions");

    // the same command again adds nobody
    AdminCommands.Result again = assign("Council", email);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .startsWith("Lead \"Council\" of VAWG plan: already mapped to Test Action lead.\n");
  }

  @Test
  void anActionNamingTwoLeadsIsUpdatedByThePeopleOfBoth() {
    String council = fixtures.user(partnership, Role.ACTION_LEAD);
    String health = fixtures.user(partnership, Role.ACTION_LEAD);
    String another = fixtures.user(partnership, Role.STRATEGIC_LEAD);

    assertThat(assign("Council", council).exitCode()).isZero();
    AdminCommands.Result result = assign("Health", health, another);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Lead \"Health\" of VAWG plan: added Test Action lead; Test Strategic lead.")
        .contains("1 action naming it has 2 people to update it.")
        .contains("1 of the plan's leads has nobody to update their actions.");
    assertThat(leads.updaters(progress.action(plan, "1.2")))
        .containsExactlyInAnyOrder(
            member(council).accountId(), member(health).accountId(), member(another).accountId());
    assertThat(leads.updaters(progress.action(plan, "1.1")))
        .containsExactly(member(council).accountId());

    AdminCommands.Result list =
        commands.run("lead", "list", "--partnership", partnership.slug(), "--plan", "VAWG plan");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .isEqualTo(
            "lead,actions,people\r\n"
                + "Council,2,Test Action lead\r\n"
                + "Health,1,Test Action lead; Test Strategic lead\r\n"
                + "Police CSU,1,\r\n");
  }

  @Test
  void refusesALeadThePlanDoesNotNameAndAnEmailThatIsNotAUser() {
    String email = fixtures.user(partnership, Role.ACTION_LEAD);
    String stranger = fixtures.user(fixtures.partnership(), Role.ACTION_LEAD);

    AdminCommands.Result noLead = assign("Youth service", email);
    assertThat(noLead.exitCode()).isEqualTo(1);
    assertThat(noLead.err())
        .isEqualTo(
            "The plan 'VAWG plan' names no lead 'Youth service'. Its leads are: Council; Health;"
                + " Police CSU\n");

    AdminCommands.Result unknown = assign("Council", email, "nobody@example.org");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err())
        .isEqualTo("No user of " + partnership.slug() + " has the email nobody@example.org\n");
    AdminCommands.Result foreign = assign("Council", stranger);
    assertThat(foreign.exitCode()).isEqualTo(1);
    assertThat(foreign.err()).contains("has the email " + stranger);

    assertThat(leads.leads(plan)).allSatisfy(l -> assertThat(l.people()).isEmpty());
    // nothing was half done: the user of the first email was not given a person
    assertThat(personAccounts.personOf(partnership, member(email).accountId())).isEmpty();
  }

  private AdminCommands.Result assign(String lead, String... emails) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "lead",
                "assign",
                "--partnership",
                partnership.slug(),
                "--plan",
                "VAWG plan",
                "--lead",
                lead));
    for (String email : emails) {
      args.add("--email");
      args.add(email);
    }
    return commands.run(args.toArray(String[]::new));
  }

  private Member member(String email) {
    return accounts.members(partnership.id()).stream()
        .filter(m -> m.email().equals(email))
        .findFirst()
        .orElseThrow();
  }
}
