package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A server keeps the snapshots of the plans used most recently (ccr.plans.kept-snapshots, 8 unless
 * set), and a plan's actions carry their own leads however many other plans have leads (the leads
 * are read by the actions' keys since the scale benchmark, not by joining every lead).
 */
@CcrHubTest
class KeptPlanSnapshotsIntegrationTests {

  static final String CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,RAG,Comment
      1 Safer streets,1.1 Night-time economy,1.1.1,Train door staff,Q2,Licensing;Police,Green,On track
      ,,1.1.2,Fund street pastors,Q3,Council,Red,Funding withdrawn
      """;

  static final ReportingPeriod PERIOD = ReportingPeriod.parse("2016/17 Q2");

  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired Fixtures fixtures;

  record Imported(Partnership partnership, DeliveryPlan plan) {}

  Imported importedPlan(String leads) {
    Partnership partnership = fixtures.partnership();
    imports.run(
        partnership,
        new PlanImportRequest(
            "Community safety plan",
            Optional.of(FinancialYear.parse("2016/17")),
            Optional.empty(),
            Optional.of(PERIOD),
            Optional.empty(),
            CSV.replace("Licensing;Police", leads).getBytes(StandardCharsets.UTF_8)));
    return new Imported(partnership, plans.named(partnership, "Community safety plan"));
  }

  PlanSnapshot snapshot(Imported imported) {
    return plans.snapshot(imported.partnership(), imported.plan(), PERIOD);
  }

  @Test
  void theSnapshotsOfThePlansUsedMostRecentlyAreKeptAndTheOldestIsLetGo() {
    Imported first = importedPlan("Licensing;Police");
    List<Imported> others = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      others.add(importedPlan("Licensing;Police"));
    }
    PlanSnapshot kept = snapshot(first);

    others.subList(0, 7).forEach(this::snapshot);
    assertThat(snapshot(first)).as("8 plans: all kept").isSameAs(kept);

    others.forEach(this::snapshot);
    PlanSnapshot again = snapshot(first);
    assertThat(again).as("the 9th lets the least recently used go").isNotSameAs(kept);
    assertThat(again.actionsInRefOrder())
        .extracting(PlanAction::ref)
        .containsExactly("1.1.1", "1.1.2");
  }

  @Test
  void eachPlansActionsCarryTheirOwnLeadsInOrder() {
    Imported one = importedPlan("Licensing;Police");
    Imported other = importedPlan("Fire;Health;Licensing");

    assertThat(plans.actions(one.plan()))
        .extracting(PlanAction::leads)
        .containsExactly(List.of("Licensing", "Police"), List.of("Council"));
    assertThat(plans.actions(other.plan()))
        .extracting(PlanAction::leads)
        .containsExactly(List.of("Fire", "Health", "Licensing"), List.of("Council"));
  }
}
