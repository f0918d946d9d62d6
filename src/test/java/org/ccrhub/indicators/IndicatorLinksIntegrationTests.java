package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Indicator definitions linked to the plan outcomes and actions they measure: each link names a
 * plan's action or outcome by ref, with the plan's name unless only one plan has the ref; a link
 * that names nothing, or more than one thing, stops the import.
 */
@CcrHubTest
class IndicatorLinksIntegrationTests {

  static final String PLAN_A = "Plan A 2016/17";
  static final String PLAN_B = "Plan B 2016/17";

  @Autowired IndicatorImport imports;
  @Autowired Indicators indicators;
  @Autowired PlanImport planImport;
  @Autowired DeliveryPlans plans;
  @Autowired Fixtures fixtures;

  Partnership partnership;

  /**
   * Plan A: outcome 1 (actions 1.1 and 1.2) and outcome 2 (action 2.1). Plan B: outcome 1 (actions
   * 1.1 and B1) and outcome 3 with an action also called 3.
   */
  @BeforeEach
  void aPartnershipWithTwoPlans() {
    partnership = fixtures.partnership();
    plan(
        PLAN_A,
        """
        outcome,ref,action
        1 Safer homes,1.1,Train frontline staff
        ,1.2,Open a refuge
        2 Justice,2.1,Start a perpetrator programme
        """);
    plan(
        PLAN_B,
        """
        outcome,ref,action
        1 Housing,1.1,Assess housing need
        ,B1,Build move-on units
        3 Extra,3,Review the pathway
        """);
  }

  void plan(String name, String csv) {
    planImport.run(
        partnership,
        new PlanImportRequest(
            name,
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            csv.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] bytes(String csv) {
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  List<String> links(String ref) {
    return indicators
        .links(partnership, indicators.findByRef(partnership, ref).orElseThrow())
        .stream()
        .map(IndicatorLink::label)
        .toList();
  }

  static final String LINKED_CSV =
      """
      Ref,Name,Linked to
      I1,Incidents,"Plan A 2016/17: 1.1; plan b 2016/17: 1.1"
      I2,Refuges,"1.2
      2"
      I3,Move-on,B1;Plan B 2016/17: 3
      I4,Unlinked,
      """;

  @Test
  void linksNamePlanActionsAndOutcomesByRefWithOrWithoutThePlan() {
    DefinitionImportResult result = imports.importDefinitions(partnership, bytes(LINKED_CSV));

    assertThat(result.summary()).isEqualTo("Indicators: 4 created, 0 changed, 0 unchanged.");
    assertThat(links("I1"))
        .containsExactly(
            "Plan A 2016/17: 1.1 Train frontline staff", "Plan B 2016/17: 1.1 Assess housing need");
    // a bare ref that only one plan has: an action (1.2) and an outcome (2)
    assertThat(links("I2"))
        .containsExactly("Plan A 2016/17: 1.2 Open a refuge", "Plan A 2016/17: 2 Justice");
    // in a plan with an action and an outcome of the same ref, the action is meant
    assertThat(links("I3"))
        .containsExactly(
            "Plan B 2016/17: 3 Review the pathway", "Plan B 2016/17: B1 Build move-on units");
    assertThat(links("I4")).isEmpty();

    IndicatorLink action =
        indicators.links(partnership, indicators.findByRef(partnership, "I2").orElseThrow()).get(0);
    assertThat(action.action()).isTrue();
    assertThat(action.planId()).isEqualTo(plans.named(partnership, PLAN_A).id());
    assertThat(action.ref()).isEqualTo("1.2");
  }

  @Test
  void importingTheSameLinksAgainChangesNothing() {
    imports.importDefinitions(partnership, bytes(LINKED_CSV));
    int version = indicators.findByRef(partnership, "I1").orElseThrow().version();

    DefinitionImportResult again = imports.importDefinitions(partnership, bytes(LINKED_CSV));

    assertThat(again.summary()).isEqualTo("Indicators: 0 created, 0 changed, 4 unchanged.");
    assertThat(again.changesNothing()).isTrue();
    assertThat(indicators.findByRef(partnership, "I1").orElseThrow().version()).isEqualTo(version);
    assertThat(links("I1")).hasSize(2);
  }

  @Test
  void changedLinksChangeTheIndicatorAndABlankCellClearsThem() {
    imports.importDefinitions(partnership, bytes(LINKED_CSV));

    DefinitionImportResult changed =
        imports.importDefinitions(
            partnership, bytes("ref,name,links\nI1,Incidents,Plan A 2016/17: 2.1\nI2,Refuges,\n"));

    assertThat(changed.summary()).isEqualTo("Indicators: 0 created, 2 changed, 0 unchanged.");
    assertThat(links("I1")).containsExactly("Plan A 2016/17: 2.1 Start a perpetrator programme");
    assertThat(links("I2")).isEmpty();
    assertThat(links("I3")).hasSize(2);
  }

  @Test
  void aFileWithoutALinksColumnKeepsTheLinks() {
    imports.importDefinitions(partnership, bytes(LINKED_CSV));

    DefinitionImportResult result =
        imports.importDefinitions(
            partnership, bytes("ref,name,description\nI1,Incidents,All incidents\n"));

    assertThat(result.summary()).isEqualTo("Indicators: 0 created, 1 changed, 0 unchanged.");
    assertThat(links("I1")).hasSize(2);
  }

  @Test
  void linksToNothingOrToMoreThanOneThingAreListedAndNothingIsImported() {
    String csv =
        """
        ref,name,measures
        I1,Incidents,1.1
        I2,Refuges,Plan C: 1.1
        I3,Move-on,Plan B 2016/17: 2.1; 9.9
        I4,Fine,Plan A 2016/17: 1.1
        I5,No ref,Plan A 2016/17:
        """;

    assertThatThrownBy(() -> imports.importDefinitions(partnership, bytes(csv)))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(
                        ImportProblem::row,
                        ImportProblem::column,
                        ImportProblem::value,
                        ImportProblem::reason)
                    .containsExactly(
                        tuple(
                            2,
                            "links",
                            "1.1",
                            "1.1 is in more than one plan ('Plan A 2016/17', 'Plan B 2016/17'):"
                                + " write the plan's name before it, e.g. 'Plan A 2016/17: 1.1'"),
                        tuple(
                            3,
                            "links",
                            "Plan C: 1.1",
                            "There is no plan called 'Plan C': the partnership's plans are"
                                + " 'Plan A 2016/17', 'Plan B 2016/17'"),
                        tuple(
                            4,
                            "links",
                            "Plan B 2016/17: 2.1",
                            "The plan 'Plan B 2016/17' has no action or outcome 2.1"),
                        tuple(
                            4,
                            "links",
                            "9.9",
                            "No plan has an action or outcome 9.9: the plans are"
                                + " 'Plan A 2016/17', 'Plan B 2016/17'"),
                        tuple(
                            6,
                            "links",
                            "Plan A 2016/17:",
                            "Give the ref of an action or outcome after the plan name, e.g."
                                + " 'Plan A 2016/17: 1.2.1'")));
    assertThat(indicators.findAll(partnership)).isEmpty();
  }

  @Test
  void aPartnershipWithoutPlansIsToldToImportOne() {
    Partnership planless = fixtures.partnership();

    assertThatThrownBy(
            () -> imports.importDefinitions(planless, bytes("ref,name,links\nI1,Incidents,1.1\n")))
        .isInstanceOfSatisfying(
            IndicatorImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
                    .containsExactly(
                        tuple(
                            2,
                            "links",
                            "The partnership has no delivery plans: import a plan before linking"
                                + " indicators to it")));
    assertThat(indicators.findAll(planless)).isEmpty();
  }

  @Test
  void linksAreOnlyToThePartnershipsOwnPlans() {
    imports.importDefinitions(partnership, bytes(LINKED_CSV));
    Partnership other = fixtures.partnership();
    imports.importDefinitions(other, bytes("ref,name\nI1,Incidents\n"));
    Indicator theirs = indicators.findByRef(other, "I1").orElseThrow();
    Indicator ours = indicators.findByRef(partnership, "I1").orElseThrow();

    assertThat(indicators.links(other, theirs)).isEmpty();
    assertThat(indicators.links(other, ours)).isEmpty();
  }
}
