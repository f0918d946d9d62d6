package org.ccrhub.indicators;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.cli.CommandFiles;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;
import org.ccrhub.tabular.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code indicator import-definitions} and {@code indicator import-values}. */
@Command(
    name = "indicator",
    mixinStandardHelpOptions = true,
    description = "Import performance indicator definitions and values.",
    subcommands = {IndicatorCommands.ImportDefinitions.class, IndicatorCommands.ImportValues.class})
public final class IndicatorCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: indicator import-definitions|import-values");
  }

  /** What the two imports share: the partnership, the file, and how a rejection is printed. */
  abstract static class FileImport implements Callable<Integer> {
    final CommandContext context;
    @Spec CommandSpec spec;

    @Option(names = "--partnership", required = true, paramLabel = "SLUG")
    String partnership;

    @Option(names = "--file", required = true, paramLabel = "FILE")
    Path file;

    FileImport(CommandContext context) {
      this.context = context;
    }

    /** Imports the content, prints what it did and returns the exit code. */
    abstract int run(IndicatorImport imports, Partnership partnership, byte[] content);

    @Override
    public Integer call() {
      byte[] content = CommandFiles.read(file, Tables.MAX_BYTES);
      Partnership p = context.bean(Partnerships.class).named(partnership);
      try {
        return run(context.bean(IndicatorImport.class), p, content);
      } catch (IndicatorImportRejectedException e) {
        ProblemList.printRefusal(spec.commandLine().getErr(), e.errors(), e.warnings());
        return 1;
      }
    }

    void printWarnings(List<ImportProblem> warnings) {
      ProblemList.printWarnings(spec.commandLine().getOut(), warnings);
    }
  }

  @Command(
      name = "import-definitions",
      mixinStandardHelpOptions = true,
      description =
          "Import indicator definitions from a CSV, XLSX or ODS file, all or nothing. Rows match"
              + " indicators by ref, so importing the same file again changes nothing.")
  static final class ImportDefinitions extends FileImport {

    ImportDefinitions(CommandContext context) {
      super(context);
    }

    @Override
    int run(IndicatorImport imports, Partnership partnership, byte[] content) {
      DefinitionImportResult result = imports.importDefinitions(partnership, content);
      spec.commandLine().getOut().println(result.summary());
      printWarnings(result.warnings());
      return 0;
    }
  }

  @Command(
      name = "import-values",
      mixinStandardHelpOptions = true,
      description =
          "Import indicator values from a CSV, XLSX or ODS file, all or nothing. A value equal to"
              + " the one recorded changes nothing; a different one is kept as a new revision.")
  static final class ImportValues extends FileImport {

    ImportValues(CommandContext context) {
      super(context);
    }

    @Override
    int run(IndicatorImport imports, Partnership partnership, byte[] content) {
      ValueImportResult result = imports.importValues(partnership, content);
      spec.commandLine().getOut().println(result.summary());
      printWarnings(result.warnings());
      return 0;
    }
  }
}
