package org.ccrhub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccrhub.CcrHubTest;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** {@code serve --demo}: the demo partnership, its users, and its plans with four quarters. */
@CcrHubTest
@TestPropertySource(properties = "ccr.demo=true")
class DemoDataIntegrationTests {

  @Autowired Partnerships partnerships;
  @Autowired Accounts accounts;
  @Autowired DeliveryPlans plans;
  @Autowired ReportingPeriods periods;
  @Autowired ActionProgress progress;

  @Test
  void loadsAPartnershipWithOneUserPerRoleAndTwoPlansWithFourQuartersOfHistory() {
    Partnership northbridge = partnerships.findBySlug("northbridge").orElseThrow();
    assertThat(accounts.members(northbridge.id()))
        .extracting(Member::email)
        .contains(
            "admin@northbridge.demo",
            "strategic.lead@northbridge.demo",
            "action.lead@northbridge.demo",
            "analyst@northbridge.demo",
            "viewer@northbridge.demo");

    assertThat(plans.findAll(northbridge))
        .extracting(DeliveryPlan::name)
        .containsExactly(DemoPlans.ACCOMMODATION_PLAN, DemoPlans.VAWG_PLAN);
    DeliveryPlan vawg = plans.named(northbridge, DemoPlans.VAWG_PLAN);
    assertThat(vawg.isPublished()).isTrue();
    assertThat(periods.all(northbridge))
        .extracting(p -> p.period() + (p.closed() ? " closed" : " open"))
        .containsExactly(
            "2026/27 Q3 open", "2026/27 Q2 closed", "2026/27 Q1 closed", "2025/26 Q4 closed");
    for (String quarter : new String[] {"2025/26 Q4", "2026/27 Q1", "2026/27 Q2", "2026/27 Q3"}) {
      assertThat(plans.updatesIn(vawg, ReportingPeriod.parse(quarter))).hasSize(15);
    }

    ExceptionReport report =
        ExceptionReport.of(plans.snapshot(northbridge, vawg, ReportingPeriod.parse("2026/27 Q2")));
    assertThat(report.lines())
        .extracting(l -> l.action().ref())
        .containsExactly("1.1.2", "1.2.2", "2.1.2", "2.2.1", "3.1.2", "4.1.1");

    long lead =
        accounts.members(northbridge.id()).stream()
            .filter(m -> m.email().equals("action.lead@northbridge.demo"))
            .findFirst()
            .orElseThrow()
            .accountId();
    assertThat(progress.assignments(northbridge, lead, ReportingPeriod.parse("2026/27 Q3")))
        .extracting(a -> a.action().ref())
        .containsExactly("1.2", "1.2.1", "2.1.2", "3.1.2", "4.1.1");
  }
}
