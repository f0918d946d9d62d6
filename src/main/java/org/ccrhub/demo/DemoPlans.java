package org.ccrhub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.PublicTexts;
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
 * closed, the latest is open, and the demo action lead updates some actions. The VAWG plan is
 * published, with public texts for its latest quarter, most of them approved.
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
  private final PublicTexts publicTexts;

  DemoPlans(
      DeliveryPlans plans,
      PlanImport imports,
      ReportingPeriods periods,
      ActionProgress progress,
      Accounts accounts,
      PublicTexts publicTexts) {
    this.plans = plans;
    this.imports = imports;
    this.periods = periods;
    this.progress = progress;
    this.accounts = accounts;
    this.publicTexts = publicTexts;
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
    publicTexts(partnership, vawg, quarters.get(quarters.size() - 1), lead);
  }

  /**
   * Public texts for the latest quarter of the published plan, written by the action lead: a
   * strategic lead approved most of them, and one waits for approval.
   */
  private void publicTexts(
      Partnership partnership, DeliveryPlan plan, ReportingPeriod quarter, long leadId) {
    List<Member> members = accounts.members(partnership.id());
    String leadName =
        members.stream()
            .filter(m -> m.accountId() == leadId)
            .map(Member::displayName)
            .findFirst()
            .orElseThrow();
    Member approver =
        members.stream().filter(m -> PublicTexts.approves(m.roles())).findFirst().orElseThrow();
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(
        "1.1.2",
        "Most partners have signed the updated agreement on sharing information safely. The last"
            + " partner is due to sign in December.");
    texts.put(
        "1.2.3",
        "11 of the borough's 28 GP practices have been trained to recognise domestic abuse and"
            + " refer patients for support.");
    texts.put(
        "2.2.1",
        "A shared way of working on female genital mutilation and forced marriage has been agreed"
            + " and published on the council website.");
    texts.put(
        "3.1.2",
        "More safe accommodation is delayed because two planned sites are no longer available."
            + " The partnership board is looking at other options.");
    texts.put(
        "3.2.1",
        "41% of referrals to the risk conference for victims at high risk now come from agencies"
            + " other than the police.");
    Map<Long, PlanAction> actions = new LinkedHashMap<>();
    texts.forEach(
        (ref, text) -> {
          PlanAction action = progress.action(plan, ref);
          actions.put(action.id(), action);
          publicTexts.write(partnership, plan, action, quarter, text, leadName);
        });
    List<PublicTexts.Review> reviews = new ArrayList<>();
    Set<Long> approve = new java.util.HashSet<>();
    for (PlanAction action : actions.values()) {
      PublicText text = publicTexts.of(action, quarter).orElseThrow();
      reviews.add(new PublicTexts.Review(action.id(), text.text(), text.version()));
      if (!action.ref().equals("3.2.1")) {
        approve.add(action.id()); // 3.2.1 is left waiting for approval
      }
    }
    publicTexts.review(
        partnership,
        plan,
        actions,
        quarter,
        reviews,
        approve,
        new ActionProgress.Reporter(
            approver.accountId(), approver.displayName(), approver.roles()));
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
