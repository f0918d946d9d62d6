package org.ccrhub.exports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.ccrhub.cli.CommandFiles;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

/** Files leave CCR Hub only through {@link Exports}, so none leaves without an audit record. */
class ExportsArchitectureTests {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.ccrhub");

  @Test
  void onlyExportsSendsADownload() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ccrhub.exports")
        .should()
        .callMethod(ContentDisposition.class, "attachment")
        .orShould()
        .callMethod(ContentDisposition.class, "builder", String.class)
        .orShould()
        .callMethod(ContentDisposition.class, "inline")
        .because("a download must be recorded in the audit trail by Exports.download")
        .check(classes);
  }

  @Test
  void onlyExportsWritesTheFileACommandWasAskedFor() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ccrhub.exports")
        .should()
        .callMethod(CommandFiles.class, "write", Path.class, byte[].class)
        .because("a file a command writes must be recorded in the audit trail by Exports.write")
        .check(classes);
  }
}
