package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.TableFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing plans: all or nothing, every problem listed, and idempotent by ref. */
@CcrHubTest
class PlanImportIntegrationTests {

  static final String PLAN_CSV =
      """
      Outcome,Area,Ref,Action,Due,Lead,Links,RAG,Comment
      1 Coordinated community response,1.1 Governance,1.1.1,Refresh the VAWG strategy,Q2,VAWG Strategic Group,CSP plan,Green,On track
      ,,1.1.2,Agree an information sharing protocol,Q1,Community Safety Team;Police,,Amber/Red,Legal review delayed
      ,1.2 Training,1.2.1,Train 200 frontline staff,March 2017,"Training lead
      Health",,Red,Trainer left
      2 Support for survivors,,2.9,Commission refuge spaces,Business as usual,Commissioning Group,,Green,
      ,,2.10,Publish a directory of services,Q1,Council,,Completed,Done in May
      ,,2.11,Review pathway for older victims,Baselines to be agreed,Health,,Amber/Green,Scoping
      """;

  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired ReportingPeriods periods;

  Partnership partnership;

  @BeforeEach
  void aPartnership() {
    partnership = fixtures.partnership();
  }

  ImportResult importCsv(String csv, String period) {
    return imports.run(partnership, request(csv.getBytes(StandardCharsets.UTF_8), period));
  }

  PlanImportRequest request(byte[] content, String period) {
    return new PlanImportRequest(
        "VAWG delivery plan",
        Optional.of(FinancialYear.parse("2016/17")),
        Optional.empty(),
        Optional.ofNullable(period).map(ReportingPeriod::parse),
        Optional.empty(),
        content);
  }

  @Test
  void importsOutcomesAreasActionsAndTheirUpdates() {
    ImportResult result = importCsv(PLAN_CSV, "2016/17 Q2");

    assertThat(result.planCreated()).isTrue();
    assertThat(result.outcomesCreated()).isEqualTo(2);
    assertThat(result.areasCreated()).isEqualTo(2);
    assertThat(result.actionsCreated()).isEqualTo(6);
    assertThat(result.updatesRecorded()).isEqualTo(6);
    assertThat(result.warnings())
        .extracting(ImportProblem::row, ImportProblem::column, ImportProblem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5, "due", "Business as usual"),
            org.assertj.core.groups.Tuple.tuple(7, "due", "Baselines to be agreed"));

    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");
    List<PlanAction> actions = plans.actions(plan);
    PlanAction training =
        actions.stream().filter(a -> a.ref().equals("1.2.1")).findFirst().orElseThrow();
    assertThat(training.leads()).containsExactly("Training lead", "Health");
    assertThat(training.due().deadline()).hasValue(java.time.LocalDate.of(2017, 3, 31));
    assertThat(
            actions.stream().filter(a -> a.ref().equals("1.1.2")).findFirst().orElseThrow().leads())
        .containsExactly("Community Safety Team", "Police");
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly("1 Coordinated community response", "2 Support for survivors");
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    importCsv(PLAN_CSV, "2016/17 Q2");
    long updates = count("progress_update");

    ImportResult again = importCsv(PLAN_CSV, "2016/17 Q2");

    assertThat(again.changesNothing()).isTrue();
    assertThat(again.actionsUnchanged()).isEqualTo(6);
    assertThat(count("progress_update")).isEqualTo(updates);
  }

  @Test
  void aChangedFileUpdatesInPlaceByRefAndKeepsTheEarlierDeadline() {
    importCsv(PLAN_CSV, "2016/17 Q2");
    String changed =
        PLAN_CSV.replace(
            "Refresh the VAWG strategy,Q2", "Refresh the VAWG strategy,Moved to Q2 2017/2018");

    ImportResult result = importCsv(changed, "2016/17 Q2");

    assertThat(result.actionsChanged()).isEqualTo(1);
    assertThat(result.actionsCreated()).isZero();
    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");
    PlanAction action =
        plans.actions(plan).stream().filter(a -> a.ref().equals("1.1.1")).findFirst().orElseThrow();
    assertThat(action.due().deadline()).hasValue(java.time.LocalDate.of(2017, 9, 30));
    assertThat(
            jdbc.sql("select previous_text from due_change where action_id = :a")
                .param("a", action.id())
                .query(String.class)
                .list())
        .containsExactly("Q2");
    assertThat(plans.actions(plan)).hasSize(6);
  }

  @Test
  void aBrokenFileImportsNothingAndListsEveryProblemWithRowColumnAndReason() {
    String broken =
        """
        ref,action,rag,comment
        1.1,First action,Purple,
        ,Second action,,
        1.1,Third action,Red,
        1.4,,Green,
        """;

    assertThatThrownBy(() -> importCsv(broken, "2016/17 Q2"))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.result().errors())
                    .extracting(p -> p.row() + " " + p.column())
                    .containsExactly("2 rag", "4 ref", "4 comment", "5 action"));
    assertThat(plans.findByName(partnership, "VAWG delivery plan")).isEmpty();
  }

  @Test
  void aRatingWithoutItsCommentIsNamedWithTheRightArticle() {
    String csv =
        """
        ref,action,rag,comment
        1.1,First action,Red,
        1.2,Second action,Amber/Red,
        """;

    assertThatThrownBy(() -> importCsv(csv, "2016/17 Q2"))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.result().errors())
                    .extracting(ImportProblem::reason)
                    .containsExactly(
                        "A Red rating needs a comment explaining why",
                        "An Amber/Red rating needs a comment explaining why"));
  }

  @Test
  void overlongNotesAreRowProblemsNotDatabaseErrors() {
    String csv =
        "ref,action,expected outcome,links,resources,impact\n"
            + "1.1,Do it,"
            + "e".repeat(4001)
            + ","
            + "l".repeat(2001)
            + ","
            + "r".repeat(2001)
            + ","
            + "i".repeat(2001)
            + "\n";

    assertThatThrownBy(() -> importCsv(csv, null))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.result().errors())
                    .extracting(p -> p.row() + " " + p.column() + ": " + p.reason())
                    .containsExactly(
                        "2 expected: The expected outcome must be 4,000 characters or fewer",
                        "2 links: Strategic links must be 2,000 characters or fewer",
                        "2 resources: Resources must be 2,000 characters or fewer",
                        "2 impact: Impact on other services must be 2,000 characters or fewer"));
    assertThat(plans.findByName(partnership, "VAWG delivery plan")).isEmpty();
  }

  @Test
  void aHeaderWithoutActionIsRefused() {
    assertThatThrownBy(() -> importCsv("ref,due\n1.1,Q2\n", null))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> assertThat(e.result().errors().get(0).reason()).contains("no 'action' column"));
  }

  @Test
  void actionsWithoutRefsAreNumberedByTheirPlaceAndTheSameFileMatchesThemAgain() {
    String csv =
        """
        Outcome,Action,Due
        Prevention,Run awareness campaigns,Ongoing
        ,Train staff in schools,April 2015
        Provision,,
        ,Re-commission the IDVA service,April 2015
        ,Fund the Sanctuary Scheme,Q3/4
        3 Partnership,Hold four steering groups a year,Quarterly
        """;

    ImportResult result = importCsv(csv, null);

    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");
    assertThat(plans.actions(plan))
        .extracting(PlanAction::ref, PlanAction::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1.1", "Run awareness campaigns"),
            org.assertj.core.groups.Tuple.tuple("1.2", "Train staff in schools"),
            org.assertj.core.groups.Tuple.tuple("2.1", "Re-commission the IDVA service"),
            org.assertj.core.groups.Tuple.tuple("2.2", "Fund the Sanctuary Scheme"),
            org.assertj.core.groups.Tuple.tuple("3.1", "Hold four steering groups a year"));
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly("Prevention", "Provision", "3 Partnership");
    assertThat(result.warnings())
        .filteredOn(p -> p.column().equals("ref"))
        .extracting(p -> p.row() + ": " + p.reason())
        .first()
        .asString()
        .startsWith("2: No ref: given 1.1 from its place in the plan");
    assertThat(result.errors()).isEmpty();

    ImportResult again = importCsv(csv, null);
    assertThat(again.changesNothing()).isTrue();
    assertThat(again.actionsUnchanged()).isEqualTo(5);
  }

  @Test
  void aRefWithAClosingFullStopIsTheRefWithoutIt() {
    importCsv("ref,action\n2.2.,Secure DV expertise in MASH\n2.10,Support the forum\n", null);

    assertThat(plans.actions(plans.named(partnership, "VAWG delivery plan")))
        .extracting(PlanAction::ref)
        .containsExactly("2.2", "2.10");
  }

  @Test
  void aCommentWithoutARatingIsProgressNotRatedWithAWarning() {
    String csv =
        """
        ref,action,due,rag,comment
        1.1,Tackle hotspots,Q3/4,,Concerted partnership work in hotspots
        1.2,Refresh the strategy,Q2,Green,On track
        """;

    ImportResult result = importCsv(csv, "2016/17 Q2");

    assertThat(result.errors()).isEmpty();
    assertThat(result.updatesRecorded()).isEqualTo(2);
    assertThat(result.warnings())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 2, column comment ('Concerted partnership work in hotspots'): A comment without"
                + " a rating is kept as progress, not rated");
    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");
    PlanAction hotspots = plans.actions(plan).get(0);
    assertThat(hotspots.due().deadline()).hasValue(java.time.LocalDate.of(2017, 3, 31));
    ProgressUpdate update =
        plans.updatesIn(plan, ReportingPeriod.parse("2016/17 Q2")).get(hotspots.id());
    assertThat(update.rating()).isEqualTo(RagRating.NOT_RATED);
    assertThat(update.comment()).isEqualTo("Concerted partnership work in hotspots");
    assertThat(importCsv(csv, "2016/17 Q2").changesNothing()).isTrue();
  }

  @Test
  void aCommentWithoutARatingOrAPeriodAsksForThePeriod() {
    assertThatThrownBy(
            () -> importCsv("ref,action,comment\n1.1,Tackle hotspots,Work began\n", null))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.result().errors())
                    .extracting(ImportProblem::toString)
                    .containsExactly(
                        "Row 2, column period: Give the reporting period of this comment in a"
                            + " period column, or the period of the file's ratings"));
  }

  @Test
  void emptyAndBinaryFilesAreRefusedClearly() {
    assertThatThrownBy(() -> imports.run(partnership, request(new byte[0], null)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> assertThat(e.result().errors().get(0).reason()).isEqualTo("The file is empty"));
    byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, (byte) 0xff};
    assertThatThrownBy(() -> imports.run(partnership, request(binary, null)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> assertThat(e.result().errors().get(0).reason()).contains("not a CSV or XLSX"));
    byte[] tooLarge = new byte[26 * 1024 * 1024];
    assertThatThrownBy(() -> imports.run(partnership, request(tooLarge, null)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> assertThat(e.result().errors().get(0).reason()).contains("26 MB"));
  }

  @Test
  void readsWindows1252AsExcelWritesItAndUtf8WithAByteOrderMark() {
    String csv = "ref,action,lead\n1,\"Fund Women’s Aid outreach – £18,000\",MOPAC\n";
    imports.run(partnership, request(csv.getBytes(Charset.forName("windows-1252")), null));
    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");
    assertThat(plans.actions(plan).get(0).text()).isEqualTo("Fund Women’s Aid outreach – £18,000");

    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = csv.replace("\n1,", "\n2,").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(body, 0, withBom, 3, body.length);
    imports.run(partnership, request(withBom, null));
    assertThat(plans.actions(plan)).extracting(PlanAction::ref).containsExactly("1", "2");
  }

  @Test
  void exportThenImportIsARoundTripInEveryFormatAndFormulaCellsAreNeutralised() {
    String risky =
        PLAN_CSV
            + ",,2.12,=HYPERLINK(\"http://x\"),Q3,@Council,,Red,-5 places lost\n"
            + ",,2.13,+44 helpline,Q3,Helpline,,Green,\n";
    importCsv(risky, "2016/17 Q2");
    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, ReportingPeriod.parse("2016/17 Q2"));

    String csv = new String(PlanExport.write(snapshot, TableFormat.CSV), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("outcome,area,ref,action,due,lead,links,rag,comment,period\r\n");
    assertThat(csv)
        .contains("'=HYPERLINK")
        .contains("'@Council")
        .contains("'-5 places lost")
        .contains("'+44 helpline");

    for (TableFormat format : TableFormat.values()) {
      ImportResult again =
          imports.preview(partnership, request(PlanExport.write(snapshot, format), null));
      assertThat(again.errors()).as(format + " round trip").isEmpty();
      assertThat(again.changesNothing()).as(format + " round trip").isTrue();
    }
    assertThat(
            plans.actions(plan).stream()
                .filter(a -> a.ref().equals("2.12"))
                .findFirst()
                .orElseThrow()
                .text())
        .isEqualTo("=HYPERLINK(\"http://x\")");
  }

  @Test
  void theExceptionReportListsRedAmberRedAndOverdueActionsInRefOrder() {
    importCsv(PLAN_CSV, "2016/17 Q1");
    importCsv(
        PLAN_CSV
            .replace("Green,On track", "Amber/Green,Slipping")
            .replace("Green,\n", "Red,Provider withdrew\n"),
        "2016/17 Q2");
    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan");

    ExceptionReport report =
        ExceptionReport.of(plans.snapshot(partnership, plan, ReportingPeriod.parse("2016/17 Q2")));

    // 1.1.2 Amber/Red and due Q1 (overdue); 1.2.1 Red; 2.9 Red; 2.10 due Q1 but Completed: not
    // overdue
    assertThat(report.lines())
        .extracting(l -> l.action().ref())
        .containsExactly("1.1.2", "1.2.1", "2.9");
    ExceptionReport.Line line = report.lines().get(0);
    assertThat(line.cells())
        .containsExactly(
            "1 Coordinated community response",
            "1.1.2",
            "Agree an information sharing protocol",
            "Community Safety Team; Police",
            "Q1",
            "Amber/Red",
            "Amber/Red",
            "yes",
            "Legal review delayed");
    assertThat(report.movements())
        .extracting(m -> m.action().ref() + " " + m.from().label() + " → " + m.to().label())
        .containsExactly("1.1.1 Green → Amber/Green", "2.9 Green → Red");
    assertThat(report.total(RagRating.RED)).isEqualTo(2);
  }

  @Test
  void ratingsForAClosedPeriodAreRefusedOnEveryRow() {
    importCsv(PLAN_CSV, "2016/17 Q2");
    long updatesBefore = count("progress_update");
    periods.close(
        partnership,
        plans.named(partnership, "VAWG delivery plan"),
        ReportingPeriod.parse("2016/17 Q2"));

    assertThatThrownBy(() -> importCsv(PLAN_CSV, "2016/17 Q2"))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.result().errors())
                    .hasSize(6)
                    .allSatisfy(
                        p ->
                            assertThat(p.reason())
                                .isEqualTo(
                                    "The period 2016/17 Q2 is closed: its updates can no longer change")));
    assertThat(count("progress_update")).isEqualTo(updatesBefore);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
