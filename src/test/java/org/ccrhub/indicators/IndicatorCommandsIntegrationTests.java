package org.ccrhub.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The indicator import commands as an operator runs them. */
@CcrHubTest
class IndicatorCommandsIntegrationTests {

  @Autowired AdminCommands commands;
  @Autowired Partnerships partnerships;
  @Autowired Indicators indicators;
  @TempDir Path dir;

  String aPartnership() {
    String slug = "indicators-" + System.nanoTime();
    assertThat(
            commands
                .run("partnership", "create", "--slug", slug, "--name", "Indicators CSP")
                .exitCode())
        .isZero();
    return slug;
  }

  Path file(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void importsDefinitionsAndValuesAndImportingThemAgainChangesNothing() throws Exception {
    String slug = aPartnership();
    Path definitions = file("definitions.csv", IndicatorImportIntegrationTests.DEFINITIONS_CSV);
    Path values = file("values.csv", IndicatorImportIntegrationTests.valuesCsv());

    AdminCommands.Result defined =
        commands.run(
            "indicator",
            "import-definitions",
            "--partnership",
            slug,
            "--file",
            definitions.toString());
    assertThat(defined.exitCode()).as(defined.err()).isZero();
    assertThat(defined.out()).isEqualTo("Indicators: 5 created, 0 changed, 0 unchanged.\n");

    AdminCommands.Result recorded =
        commands.run(
            "indicator", "import-values", "--partnership", slug, "--file", values.toString());
    assertThat(recorded.exitCode()).as(recorded.err()).isZero();
    assertThat(recorded.out())
        .isEqualTo(
            "Values: 51 recorded, 0 unchanged (51 rows).\n"
                + "Warning: Row 52, column period ('2016/17 Q1'): DA2 is reported monthly but this"
                + " value is for a quarter: it is recorded as given\n");

    AdminCommands.Result again =
        commands.run(
            "indicator", "import-values", "--partnership", slug, "--file", values.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).startsWith("Values: 0 recorded, 51 unchanged (51 rows).\n");
    assertThat(
            commands
                .run(
                    "indicator",
                    "import-definitions",
                    "--partnership",
                    slug,
                    "--file",
                    definitions.toString())
                .out())
        .isEqualTo("Indicators: 0 created, 0 changed, 5 unchanged.\n");

    Partnership partnership = partnerships.named(slug);
    IndicatorData data = indicators.data(partnership);
    Indicator incidents = data.byRef("DA1").orElseThrow();
    assertThat(
            data.performance(incidents, YearMonth.of(2016, 10), null).current().ratio().rounded(0))
        .isEqualByComparingTo("1080");
    assertThat(indicators.revisions(partnership, incidents))
        .hasSize(48)
        .allSatisfy(r -> assertThat(r.recordedBy()).isEqualTo("Import from the command line"));
  }

  @Test
  void aBrokenFileExitsWithOneListingEveryProblemAndImportsNothing() throws Exception {
    String slug = aPartnership();
    Path definitions = file("broken.csv", "ref,name,unit\nA1,One,furlongs\nA1,Two,\n");

    AdminCommands.Result result =
        commands.run(
            "indicator",
            "import-definitions",
            "--partnership",
            slug,
            "--file",
            definitions.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Nothing was imported: the file has 2 problems.\n"
                + "Row 2, column unit ('furlongs'): 'furlongs' is not a unit: use count,"
                + " percentage, rate per 1000, money or days\n"
                + "Row 3, column ref ('A1'): The ref A1 is already used on row 2: each indicator"
                + " needs its own ref\n");
    Partnership partnership = partnerships.named(slug);
    assertThat(indicators.findAll(partnership)).isEmpty();

    Path values = file("values.csv", "indicator,period,value\nA1,2016-10,5\n");
    AdminCommands.Result noIndicator =
        commands.run(
            "indicator", "import-values", "--partnership", slug, "--file", values.toString());
    assertThat(noIndicator.exitCode()).isEqualTo(1);
    assertThat(noIndicator.err())
        .isEqualTo(
            "Nothing was imported: the file has 1 problem.\n"
                + "Row 2, column indicator ('A1'): There is no indicator A1 in this partnership:"
                + " import its definition first\n");
  }

  @Test
  void anUnknownPartnershipOrAMissingFileExitsWithOneAndSaysSo() throws Exception {
    Path definitions = file("definitions.csv", "ref,name\nA1,One\n");

    AdminCommands.Result unknown =
        commands.run(
            "indicator",
            "import-definitions",
            "--partnership",
            "no-such-partnership",
            "--file",
            definitions.toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("Partnership 'no-such-partnership' does not exist\n");

    String slug = aPartnership();
    Path missing = dir.resolve("missing.csv");
    AdminCommands.Result noFile =
        commands.run(
            "indicator", "import-values", "--partnership", slug, "--file", missing.toString());
    assertThat(noFile.exitCode()).isEqualTo(1);
    assertThat(noFile.err()).isEqualTo("File '" + missing + "' does not exist\n");

    AdminCommands.Result noCommand = commands.run("indicator");
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err())
        .contains("Missing command: indicator import-definitions|import-values");
  }
}
