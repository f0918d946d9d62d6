package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.Due;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ImportResult;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.PlanImportRequest;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.reports.BoardPacks;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.Tables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plans in {@code ../shared/seeds/} as a partnership officer would turn them into CSV files
 * ({@code src/test/resources/seed-plans/}), keeping their wording: refs as written or none, due
 * dates such as {@code Q4}, {@code Business as usual} and {@code From April 2015}, leads on lines
 * of their own, GREEN/AMBER/RED ratings, comments without a rating, and long progress notes. Each
 * imports with no errors, as CSV and saved as XLSX, and its pages show what it holds.
 */
@CcrHubTest
class SeedPlansImportIntegrationTests {

  @Autowired PlanImport imports;
  @Autowired DeliveryPlans plans;
  @Autowired Partnerships partnerships;
  @Autowired Fixtures fixtures;
  @Autowired BoardPacks boardPacks;
  @Autowired MockMvc mvc;

  @Test
  void haringeyDeliveryPlan2015to16KeepsCommentsWithoutARatingAsNotRated() throws Exception {
    Partnership partnership = fixtures.partnership();
    ReportingPeriod q1 = ReportingPeriod.parse("2015/16 Q1");
    ImportResult result =
        importSeed(
            partnership,
            "haringey-vawg-delivery-plan-2015-16.csv",
            "VAWG delivery plan 2015/16",
            "2015/16",
            null,
            q1);

    assertThat(result.errors()).isEmpty();
    assertThat(result.rows()).isEqualTo(28);
    assertThat(result.actionsCreated()).isEqualTo(28);
    assertThat(result.outcomesCreated()).isEqualTo(1);
    assertThat(result.areasCreated()).isEqualTo(7);
    assertThat(result.updatesRecorded()).isEqualTo(28);
    assertThat(warningsByColumn(result))
        .containsExactly(Map.entry("comment", 27), Map.entry("due", 6));
    assertThat(result.warnings())
        .extracting(ImportProblem::toString)
        .contains(
            "Row 20, column comment ('Awaiting sign off by Statutory Officers Group'): A comment"
                + " without a rating is kept as progress, not rated",
            "Row 7, column due ('Business as usual'): Continuing work with no deadline: kept as"
                + " written, so this action cannot be overdue",
            "Row 25, column due ('Ongoing'): Continuing work with no deadline: kept as written, so"
                + " this action cannot be overdue");

    DeliveryPlan plan = plans.named(partnership, "VAWG delivery plan 2015/16");
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly("3 Responding to violence against women and girls");
    assertThat(action(plan, "3.1.1").due().deadline()).contains(LocalDate.of(2016, 3, 31));
    assertThat(action(plan, "3.4.3").due().deadline()).contains(LocalDate.of(2015, 12, 31));
    assertThat(action(plan, "3.2.1").due().kind()).isEqualTo(Due.Kind.ONGOING);
    assertThat(action(plan, "3.3.1").due().kind()).isEqualTo(Due.Kind.NONE);
    assertThat(action(plan, "3.1.2").leads())
        .containsExactly(
            "Strategic Lead",
            "Strategy Group",
            "Advisory Group",
            "Commissioning Group",
            "Early Help Partnership Board");
    assertThat(action(plan, "37.2").text()).startsWith("Plan a calendar programme");
    assertThat(update(plan, q1, "3.1.3").rating()).isEqualTo(RagRating.NOT_STARTED);
    ProgressUpdate notRated = update(plan, q1, "3.6.3");
    assertThat(notRated.rating()).isEqualTo(RagRating.NOT_RATED);
    assertThat(notRated.comment()).isEqualTo("Awaiting sign off by Statutory Officers Group");
    assertThat(update(plan, q1, "3.1.1").comment())
        .isEqualTo(
            "Action plan drafted for sign off by Strategy Group June 2015.\n"
                + "Governance paper, position papers and principles agreed.\n"
                + "The need for a VAWG Strategy to be corporately agreed.");

    assertThat(
            importSeed(
                    partnership,
                    "haringey-vawg-delivery-plan-2015-16.csv",
                    "VAWG delivery plan 2015/16",
                    "2015/16",
                    null,
                    q1)
                .changesNothing())
        .as("the same file again changes nothing")
        .isTrue();

    // what people see of a comment that is not rated
    MockHttpSession admin = admin(partnership);
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(text(page(admin, base + "?period=2015/16 Q1")))
        .contains("Whole plan Not started 1, Not rated 27 (28 actions)");
    assertThat(text(page(admin, base + "/actions/3.6.3?period=2015/16 Q1")))
        .contains("Not rated Awaiting sign off by Statutory Officers Group");
    assertThat(text(page(admin, base + "/exceptions?period=2015/16 Q1")))
        .contains("Whole plan 0 0 0 0 1 0 27 28");
    assertThat(text(page(admin, base + "/exceptions?period=2015/16 Q2")))
        .contains("Strategic Lead; HPWG Chair (TBC) Q1 Overdue Not updated Not rated");
    plans.publish(partnership, plan.id(), true);
    assertThat(text(page(null, "/public/" + partnership.slug() + "/plans/" + plan.id())))
        .contains("3.6.3")
        .contains("No public update")
        .as("the lead's comment is internal: only an approved public text is published")
        .doesNotContain("Awaiting sign off by Statutory Officers Group");
    String pack =
        new String(
            boardPacks.render(
                boardPacks.assemble(
                    partnership,
                    q1,
                    List.of("VAWG delivery plan 2015/16"),
                    "",
                    LocalDate.of(2015, 7, 14)),
                org.ccrhub.plans.ReportFormat.HTML),
            StandardCharsets.UTF_8);
    assertThat(text(pack)).contains("Not rated");

    assertImportsTheSameAsXlsx(
        "haringey-vawg-delivery-plan-2015-16.csv", "2015/16", null, q1, RagScheme.FOUR, result);
  }

  @Test
  void haveringActionPlanWithoutRefsRatingsOrCommentsIsNumberedByPlace() throws Exception {
    Partnership partnership = fixtures.partnership();
    ImportResult result =
        importSeed(
            partnership,
            "havering-vawg-strategy-action-plan-2015.csv",
            "VAWG strategy action plan",
            "2014/15",
            null,
            null);

    assertThat(result.errors()).isEmpty();
    assertThat(result.actionsCreated()).isEqualTo(29);
    assertThat(result.outcomesCreated()).isEqualTo(4);
    assertThat(result.updatesRecorded()).isZero();
    assertThat(warningsByColumn(result))
        .containsExactly(Map.entry("due", 19), Map.entry("ref", 29));
    assertThat(dueWarnings(result))
        .containsExactly(
            Map.entry("2015", 1),
            Map.entry("April 2015 onwards", 3),
            Map.entry("From April 2015", 7),
            Map.entry("Ongoing", 8));

    DeliveryPlan plan = plans.named(partnership, "VAWG strategy action plan");
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly(
            "Prevention and early identification",
            "Provision of intervention services",
            "Protect victims and take enforcement against perpetrators",
            "Intelligence and Information");
    assertThat(refsOf(plan))
        .containsExactly(
            "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
            "2.8", "2.9", "2.10", "2.11", "2.12", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7",
            "4.1", "4.2", "4.3", "4.4", "4.5");
    PlanAction commissioning = action(plan, "2.5");
    assertThat(commissioning.text()).startsWith("Commissioning of evidence led services");
    assertThat(commissioning.due().deadline()).contains(LocalDate.of(2016, 3, 31));
    assertThat(commissioning.resources()).contains("£14,798 for advocacy");
    assertThat(commissioning.leads()).containsExactly("Community Safety Partnership", "Erin Lowe");
    assertThat(action(plan, "1.1").links()).isEqualTo("1 – 1.2");
    assertThat(action(plan, "1.1").impact())
        .isEqualTo("Increased awareness of the prevalence of VAWG in Havering.");
    assertThat(action(plan, "2.3").due().text()).isEqualTo("From April 2015");

    assertThat(
            importSeed(
                    partnership,
                    "havering-vawg-strategy-action-plan-2015.csv",
                    "VAWG strategy action plan",
                    "2014/15",
                    null,
                    null)
                .changesNothing())
        .isTrue();
    MockHttpSession admin = admin(partnership);
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(text(page(admin, base + "?period=2014/15 Q4"))).contains("29 actions");
    page(admin, base + "/leads");
    assertImportsTheSameAsXlsx(
        "havering-vawg-strategy-action-plan-2015.csv",
        "2014/15",
        null,
        null,
        RagScheme.FOUR,
        result);
  }

  @Test
  void harrowActionPlanUnderFourHeadingsKeepsEveryCompletionDateAsWritten() throws Exception {
    Partnership partnership = fixtures.partnership();
    ImportResult result =
        importSeed(
            partnership,
            "harrow-dsv-strategy-action-plan.csv",
            "Domestic and sexual violence action plan",
            "2014/15",
            null,
            null);

    assertThat(result.errors()).isEmpty();
    assertThat(result.actionsCreated()).isEqualTo(21);
    assertThat(result.outcomesCreated()).isEqualTo(4);
    assertThat(warningsByColumn(result))
        .containsExactly(Map.entry("due", 14), Map.entry("ref", 21));

    DeliveryPlan plan = plans.named(partnership, "Domestic and sexual violence action plan");
    assertThat(plans.outcomes(plan))
        .extracting(PlanOutcome::label)
        .containsExactly("Prevention", "Provision", "Partnership", "Perpetrators");
    assertThat(refsOf(plan))
        .containsExactly(
            "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
            "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "4.4");
    PlanAction data = action(plan, "3.5");
    assertThat(data.due().text()).isEqualTo("April 2015 and then ongoing");
    assertThat(data.due().deadline()).contains(LocalDate.of(2015, 4, 30));
    PlanAction marac = action(plan, "3.3");
    assertThat(marac.due().text()).isEqualTo("April 2015\nOngoing\nJuly 2014\nApril 2015\nOngoing");
    assertThat(marac.due().kind()).isEqualTo(Due.Kind.UNRECOGNISED);
    assertThat(marac.leads()).containsExactly("Strategy Group", "MARAC", "MARAC Chair", "MARAC");
    assertThat(marac.expectedOutcome()).contains("100% MARAC referrals received IDVA support.");
    assertThat(action(plan, "2.3").due().kind()).isEqualTo(Due.Kind.ONGOING);

    MockHttpSession admin = admin(partnership);
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(text(page(admin, base + "?period=2014/15 Q4"))).contains("21 actions");
    page(admin, base + "/actions/3.3");
    page(admin, base + "/leads");
    assertImportsTheSameAsXlsx(
        "harrow-dsv-strategy-action-plan.csv", "2014/15", null, null, RagScheme.FOUR, result);
  }

  @Test
  void barnetProgressReportRatesWithThreeLevelsAndKeepsLongNotes() throws Exception {
    Partnership partnership = partnerships.create(slug(), "Barnet test", RagScheme.THREE);
    ReportingPeriod q4 = ReportingPeriod.parse("2014/15 Q4");
    ImportResult result =
        importSeed(
            partnership,
            "barnet-dv-vawg-action-plan-progress-2015.csv",
            "DV and VAWG action plan 2013-2016",
            "2013/14",
            "2015/16",
            q4);

    assertThat(result.errors()).isEmpty();
    assertThat(result.actionsCreated()).isEqualTo(32);
    assertThat(result.outcomesCreated()).isEqualTo(4);
    assertThat(result.updatesRecorded()).isEqualTo(32);
    assertThat(result.warnings())
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 19, column ref: No ref: given 3.2 from its place in the plan. Give each action a"
                + " ref in the file if its rows may move before the next import",
            "Row 29, column comment ('To develop the MARAC processes to work effectively with"
                + " o...'): A comment without a rating is kept as progress, not rated");

    DeliveryPlan plan = plans.named(partnership, "DV and VAWG action plan 2013-2016");
    assertThat(refsOf(plan))
        .containsExactly(
            "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7",
            "2.8", "2.9", "2.10", "2.11", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
            "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8");
    Map<RagRating, Long> ratings =
        plans.updatesIn(plan, q4).values().stream()
            .collect(
                Collectors.groupingBy(ProgressUpdate::rating, TreeMap::new, Collectors.counting()));
    assertThat(ratings)
        .containsExactly(
            Map.entry(RagRating.GREEN, 5L),
            Map.entry(RagRating.AMBER, 20L),
            Map.entry(RagRating.RED, 6L),
            Map.entry(RagRating.NOT_RATED, 1L));
    ProgressUpdate housing = update(plan, q4, "3.5");
    assertThat(housing.rating()).isEqualTo(RagRating.AMBER);
    assertThat(housing.comment()).hasSize(3521).endsWith("committee is February 2015.");
    assertThat(update(plan, q4, "2.7").comment()).hasSize(4261);
    assertThat(update(plan, q4, "1.3").comment())
        .endsWith(
            "\n\nComments: To consider other data as all victims do not report to the police. To"
                + " include partner agencies data. To organise a launch event");
    assertThat(action(plan, "1.3").leads()).containsExactly("Colin Marsh, LBB.");
    assertThat(update(plan, q4, "4.4").rating()).isEqualTo(RagRating.NOT_RATED);

    MockHttpSession admin = admin(partnership);
    String base = "/p/" + partnership.slug() + "/plans/" + plan.id();
    assertThat(text(page(admin, base + "?period=2014/15 Q4")))
        .contains("Whole plan Green 5, Amber 20, Red 6, Not rated 1 (32 actions)");
    assertThat(text(page(admin, base + "/exceptions?period=2014/15 Q4")))
        .contains("Exceptions 6 of 32 actions")
        .contains("Clare's Law")
        .doesNotContain("Secure funding for Rape Crisis service")
        .doesNotContain("Link MARAC to local strategic work on gangs");
    assertImportsTheSameAsXlsx(
        "barnet-dv-vawg-action-plan-progress-2015.csv",
        "2013/14",
        "2015/16",
        q4,
        RagScheme.THREE,
        result);
  }

  /** The same file saved as XLSX (every cell text, as a column formatted as Text keeps it). */
  private void assertImportsTheSameAsXlsx(
      String file,
      String year,
      String lastYear,
      ReportingPeriod period,
      RagScheme scheme,
      ImportResult fromCsv) {
    Partnership other = partnerships.create(slug(), "XLSX test", scheme);
    ImportResult fromXlsx =
        imports.run(other, request("Plan from XLSX", year, lastYear, period, xlsx(seed(file))));
    assertThat(fromXlsx.errors()).isEmpty();
    assertThat(fromXlsx.actionsCreated()).isEqualTo(fromCsv.actionsCreated());
    assertThat(fromXlsx.updatesRecorded()).isEqualTo(fromCsv.updatesRecorded());
    assertThat(fromXlsx.warnings())
        .extracting(ImportProblem::toString)
        .containsExactlyElementsOf(
            fromCsv.warnings().stream().map(ImportProblem::toString).toList());
  }

  private ImportResult importSeed(
      Partnership partnership,
      String file,
      String planName,
      String year,
      String lastYear,
      ReportingPeriod period) {
    return imports.run(partnership, request(planName, year, lastYear, period, seed(file)));
  }

  private static PlanImportRequest request(
      String planName, String year, String lastYear, ReportingPeriod period, byte[] content) {
    return new PlanImportRequest(
        planName,
        Optional.of(FinancialYear.parse(year)),
        Optional.ofNullable(lastYear).map(FinancialYear::parse),
        Optional.ofNullable(period),
        Optional.empty(),
        content);
  }

  private static byte[] seed(String file) {
    try (InputStream in =
        SeedPlansImportIntegrationTests.class.getResourceAsStream("/seed-plans/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] xlsx(byte[] csv) {
    Table table = Tables.read(csv);
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = workbook.createSheet("Plan");
      var text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      Row header = sheet.createRow(0);
      for (int c = 0; c < table.header().size(); c++) {
        header.createCell(c).setCellValue(table.header().get(c));
      }
      for (Table.Row line : table.rows()) {
        Row row = sheet.createRow(line.number() - 1);
        for (int c = 0; c < line.cells().size(); c++) {
          if (!line.cells().get(c).isEmpty()) {
            row.createCell(c).setCellValue(line.cells().get(c));
            row.getCell(c).setCellStyle(text);
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Integer> warningsByColumn(ImportResult result) {
    return result.warnings().stream()
        .collect(
            Collectors.groupingBy(
                ImportProblem::column, TreeMap::new, Collectors.summingInt(p -> 1)));
  }

  private static Map<String, Integer> dueWarnings(ImportResult result) {
    return result.warnings().stream()
        .filter(p -> p.column().equals("due"))
        .collect(
            Collectors.groupingBy(
                ImportProblem::value, TreeMap::new, Collectors.summingInt(p -> 1)));
  }

  private PlanAction action(DeliveryPlan plan, String ref) {
    return plans.actions(plan).stream()
        .filter(a -> a.ref().equals(ref))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No action " + ref));
  }

  private List<String> refsOf(DeliveryPlan plan) {
    return plans.actions(plan).stream().map(PlanAction::ref).toList();
  }

  private ProgressUpdate update(DeliveryPlan plan, ReportingPeriod period, String ref) {
    return plans.updatesIn(plan, period).get(action(plan, ref).id());
  }

  private MockHttpSession admin(Partnership partnership) throws Exception {
    return Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
  }

  private String page(MockHttpSession session, String url) throws Exception {
    var request = get(url);
    if (session != null) {
      request.session(session);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static String text(String html) {
    return PlanPagesIntegrationTests.text(html);
  }

  private static int sequence;

  private static String slug() {
    return "seed" + Long.toString(System.nanoTime(), 36) + "-" + (++sequence);
  }
}
