package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a plan, an outcome or area, and an action typed on screen must be before they are saved. */
class PlanEditingRulesTests {

  @Test
  void aNewPlanNeedsANameAndYearsWrittenLike2016Slash17() {
    NewPlan plan = new NewPlan("  VAWG plan ", "2016/17", "", Optional.empty(), "OFFICIAL");

    assertThat(plan.problems()).isEmpty();
    assertThat(plan.name()).isEqualTo("VAWG plan");
    assertThat(plan.first()).isEqualTo(FinancialYear.parse("2016/17"));
    assertThat(plan.last()).isEqualTo(FinancialYear.parse("2016/17"));

    assertThat(new NewPlan("", "2016", "2015/17", Optional.empty(), "SECRET").problems())
        .containsOnlyKeys("name", "firstYear", "lastYear", "marking")
        .containsEntry("name", "Enter the plan's name")
        .containsEntry(
            "firstYear",
            "Enter the financial year the plan starts as a year and the next, like 2016/17")
        .containsEntry("marking", "Select the protective marking");
  }

  @Test
  void aNewPlanEndsNoEarlierThanItStartsAndRunsForUpToTenYears() {
    assertThat(new NewPlan("P", "2016/17", "2015/16", Optional.empty(), "OFFICIAL").problems())
        .containsEntry("lastYear", "The plan cannot end before it starts: give 2016/17 or later");
    assertThat(new NewPlan("P", "2016/17", "2026/27", Optional.empty(), "OFFICIAL").problems())
        .containsEntry("lastYear", "A plan can run for up to 10 financial years");
    assertThat(
            new NewPlan("P", "2016/17", "2025/26", Optional.empty(), "OFFICIAL-SENSITIVE")
                .problems())
        .isEmpty();
    assertThat(new NewPlan("P", "1890/91", "", Optional.empty(), "OFFICIAL").problems())
        .containsKey("firstYear");
  }

  @Test
  void anOutcomeOrAreaNeedsATitleAndARefOnlyIfItHasOne() {
    assertThat(new HeadingChange("", "Prevention").problems("outcome")).isEmpty();
    assertThat(new HeadingChange("1.2", "Training").problems("area")).isEmpty();
    assertThat(new HeadingChange("1 2", "").problems("area"))
        .containsEntry("ref", "A ref is 1 to 20 letters, digits, dots or hyphens, with no spaces")
        .containsEntry("title", "Enter the area's title");
    assertThat(new HeadingChange(" 3 ", " Support\n").label()).isEqualTo("3 Support");
  }

  @Test
  void aNewActionNeedsARefAndWordsAndKeepsItsDueAndLeadsAsWritten() {
    NewAction action =
        new NewAction(
            "1.1.3",
            Optional.empty(),
            "March 2017",
            new ActionChange("Train GPs", "", PlanAction.parseLeads("Health; ICB"), "", "", ""));
    DeliveryPlan plan =
        new DeliveryPlan(
            1,
            1,
            "P",
            FinancialYear.parse("2016/17"),
            FinancialYear.parse("2016/17"),
            "OFFICIAL",
            Optional.empty(),
            0);

    assertThat(action.problems()).isEmpty();
    assertThat(action.details().leads()).containsExactly("Health", "ICB");
    assertThat(action.dueIn(plan).deadline()).contains(java.time.LocalDate.parse("2017-03-31"));
    assertThat(new NewAction("", Optional.empty(), "x".repeat(201), blank()).problems())
        .containsOnlyKeys("ref", "text", "due");
  }

  private static ActionChange blank() {
    return new ActionChange("", "", List.of(), "", "", "");
  }
}
