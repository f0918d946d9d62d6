package org.ccrhub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.Tables;
import org.springframework.stereotype.Component;

/**
 * Two demo delivery plans with four quarters of progress, loaded through the real import one
 * quarter at a time from {@code demo/*.csv} (text written for the demo). The earlier quarters are
 * closed, the latest is open, and the demo action lead updates some actions.
 */
@Component
class DemoPlans {

  static final String VAWG_PLAN = "VAWG Strategy Delivery Plan 2025-2028";
  static final String ACCOMMODATION_PLAN = "Safe Accommodation Plan 2025-2027";
  private static final int BASE_COLUMNS = 7;

  private final DeliveryPlans plans;
  private final PlanImport imports;
  private final ReportingPeriods periods;
  private final ActionProgress progress;
  private final Accounts accounts;

  DemoPlans(
      DeliveryPlans plans,
      PlanImport imports,
      ReportingPeriods periods,
      ActionProgress progress,
      Accounts accounts) {
    this.plans = plans;
    this.imports = imports;
    this.periods = periods;
    this.progress = progress;
    this.accounts = accounts;
  }

  void fill(Partnership partnership, String actionLeadEmail) {
    if (!plans.findAll(partnership).isEmpty()) {
      return;
    }
    List<ReportingPeriod> quarters =
        load(
            partnership,
            VAWG_PLAN,
            "demo/vawg-delivery-plan.csv",
            "2025/26",
            "2027/28",
            "Northbridge VAWG Strategy 2025-2028");
    load(
        partnership,
        ACCOMMODATION_PLAN,
        "demo/safe-accommodation-plan.csv",
        "2025/26",
        "2026/27",
        "Northbridge VAWG Strategy 2025-2028");
    for (DeliveryPlan plan : plans.findAll(partnership)) {
      for (ReportingPeriod quarter : quarters.subList(0, quarters.size() - 1)) {
        periods.close(partnership, plan, quarter);
      }
      periods.open(
          partnership, plan, quarters.get(quarters.size() - 1), Optional.empty(), Optional.empty());
    }
    long lead =
        accounts.members(partnership.id()).stream()
            .filter(m -> m.email().equals(actionLeadEmail))
            .map(Member::accountId)
            .findFirst()
            .orElseThrow();
    DeliveryPlan vawg = plans.named(partnership, VAWG_PLAN);
    for (String ref : List.of("1.2.1", "2.1.2", "3.1.2", "4.1.1")) {
      progress.assignUpdaters(partnership, vawg, progress.action(vawg, ref), Set.of(lead));
    }
    DeliveryPlan accommodation = plans.named(partnership, ACCOMMODATION_PLAN);
    progress.assignUpdaters(
        partnership, accommodation, progress.action(accommodation, "1.2"), Set.of(lead));
    plans.publish(partnership, vawg.id(), true);
  }

  /** Imports the plan one quarter at a time; returns the quarters, oldest first. */
  private List<ReportingPeriod> load(
      Partnership partnership,
      String name,
      String resource,
      String first,
      String last,
      String strategy) {
    Table table = Tables.read(read(resource));
    List<String> header = new ArrayList<>(table.header().subList(0, BASE_COLUMNS));
    header.addAll(List.of("rag", "comment", "period"));
    List<ReportingPeriod> quarters = new ArrayList<>();
    for (int column = BASE_COLUMNS; column + 1 < table.header().size(); column += 2) {
      ReportingPeriod quarter =
          ReportingPeriod.parse(table.header().get(column).replace(" rag", ""));
      quarters.add(quarter);
      List<List<String>> rows = new ArrayList<>();
      for (Table.Row row : table.rows()) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < BASE_COLUMNS; c++) {
          cells.add(row.cell(c));
        }
        String rag = row.cell(column);
        cells.add(rag);
        cells.add(row.cell(column + 1));
        cells.add(rag.isEmpty() ? "" : quarter.toString());
        rows.add(cells);
      }
      imports.run(
          partnership,
          new PlanImportRequest(
              name,
              Optional.of(FinancialYear.parse(first)),
              Optional.of(FinancialYear.parse(last)),
              Optional.empty(),
              Optional.of(strategy),
              TableWriter.csv(header, rows)));
    }
    return quarters;
  }

  private static byte[] read(String resource) {
    try (InputStream in = DemoPlans.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
