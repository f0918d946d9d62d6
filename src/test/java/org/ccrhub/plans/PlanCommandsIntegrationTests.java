package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The plan and report commands as an operator runs them. */
@CcrHubTest
class PlanCommandsIntegrationTests {

  @Autowired AdminCommands commands;
  @TempDir Path dir;

  @Test
  void importsAPlanReportsItsExceptionsAndExportsItForARoundTrip() throws Exception {
    String slug = "plans-" + System.nanoTime();
    assertThat(
            commands.run("partnership", "create", "--slug", slug, "--name", "Plans CSP").exitCode())
        .isZero();
    Path file = dir.resolve("plan.csv");
    Files.writeString(file, PlanImportIntegrationTests.PLAN_CSV, StandardCharsets.UTF_8);

    AdminCommands.Result imported =
        commands.run(
            "plan",
            "import",
            "--partnership",
            slug,
            "--plan",
            "VAWG plan",
            "--year",
            "2016/17",
            "--file",
            file.toString(),
            "--period",
            "2016/17 Q2",
            "--strategy",
            "VAWG Strategy 2016-2026");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("Created plan VAWG plan.")
        .contains(
            "Outcomes: 2 created, 0 changed. Areas: 2 created, 0 changed. Actions: 6 created, 0 changed, 0 unchanged. Progress updates: 6 recorded.")
        .contains("Warning: Row 7, column due ('Baselines to be agreed')");

    Path report = dir.resolve("exceptions.csv");
    AdminCommands.Result exceptions =
        commands.run(
            "report",
            "exceptions",
            "--partnership",
            slug,
            "--plan",
            "VAWG plan",
            "--period",
            "2016/17 Q2",
            "--format",
            "csv",
            "--out",
            report.toString());
    assertThat(exceptions.exitCode()).as(exceptions.err()).isZero();
    assertThat(Files.readString(report))
        .isEqualTo(
            "outcome,ref,action,lead,due,rating,previous_rating,overdue,comment\r\n"
                + "1 Coordinated community response,1.1.2,Agree an information sharing protocol,Community Safety Team; Police,Q1,Amber/Red,,yes,Legal review delayed\r\n"
                + "1 Coordinated community response,1.2.1,Train 200 frontline staff,Training lead; Health,March 2017,Red,,no,Trainer left\r\n");

    Path export = dir.resolve("export.xlsx");
    assertThat(
            commands
                .run(
                    "plan",
                    "export",
                    "--partnership",
                    slug,
                    "--plan",
                    "VAWG plan",
                    "--period",
                    "2016/17 Q2",
                    "--format",
                    "xlsx",
                    "--out",
                    export.toString())
                .exitCode())
        .isZero();
    AdminCommands.Result again =
        commands.run(
            "plan",
            "import",
            "--partnership",
            slug,
            "--plan",
            "VAWG plan",
            "--file",
            export.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("Actions: 0 created, 0 changed, 6 unchanged. Progress updates: 0 recorded.");
  }

  @Test
  void aBrokenFileExitsWithOneListingEveryProblemAndImportsNothing() throws Exception {
    String slug = "plans-" + System.nanoTime();
    commands.run(
        "partnership", "create", "--slug", slug, "--name", "Broken CSP", "--rag-scheme", "three");
    Path file = dir.resolve("broken.csv");
    Files.writeString(
        file,
        "ref,action,rag,comment,period\n1,One,Amber/Green,x,2016/17 Q1\n1,Two,,,\n3,Three,Amber,,2016/17 Q1\n");

    AdminCommands.Result result =
        commands.run(
            "plan",
            "import",
            "--partnership",
            slug,
            "--plan",
            "P",
            "--year",
            "2016/17",
            "--file",
            file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("Nothing was imported: the file has 3 problems.")
        .contains(
            "Row 2, column rag ('Amber/Green'): 'Amber/Green' is not a rating in this partnership's three-level scheme")
        .contains("Row 3, column ref ('1'): The ref 1 is already used on row 2")
        .contains("Row 4, column comment: An Amber rating needs a comment explaining why");
    assertThat(
            commands
                .run(
                    "plan",
                    "export",
                    "--partnership",
                    slug,
                    "--plan",
                    "P",
                    "--period",
                    "2016/17 Q1",
                    "--format",
                    "csv",
                    "--out",
                    dir.resolve("x.csv").toString())
                .err())
        .contains("There is no plan called 'P'");
  }

  @Test
  void badOptionsAreInvalidInputOrWrongUsage() {
    assertThat(
            commands
                .run(
                    "plan",
                    "import",
                    "--partnership",
                    "nowhere",
                    "--plan",
                    "P",
                    "--file",
                    "/no/such/file.csv")
                .err())
        .contains("'/no/such/file.csv' does not exist");
    assertThat(
            commands
                .run(
                    "report",
                    "exceptions",
                    "--partnership",
                    "x",
                    "--plan",
                    "P",
                    "--period",
                    "Q9 2016",
                    "--format",
                    "csv",
                    "--out",
                    "/tmp/x.csv")
                .exitCode())
        .isEqualTo(1);
    assertThat(
            commands
                .run(
                    "report",
                    "exceptions",
                    "--partnership",
                    "x",
                    "--plan",
                    "P",
                    "--period",
                    "2016/17 Q1",
                    "--format",
                    "docx",
                    "--out",
                    "/tmp/x.docx")
                .err())
        .contains("'docx'");
    assertThat(commands.run("plan", "import", "--plan", "P").exitCode()).isEqualTo(2);
  }
}
