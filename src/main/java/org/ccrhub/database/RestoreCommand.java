package org.ccrhub.database;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code restore --file FILE}: loads a backup into a new, empty data directory (embedded database)
 * or an empty external database, and refuses anything else (ADR 24).
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Load a backup into a new, empty data directory (--ccr.data-dir), or into an empty external"
            + " database (--spring.datasource.url, with --spring.flyway.user for its owner). A"
            + " directory or database that holds anything is refused. Every entry is checked"
            + " against the backup's manifest before anything is changed. Exit code 0 when"
            + " restored, 1 when refused.")
public final class RestoreCommand implements Callable<Integer> {

  private final CommandContext context;
  @Spec CommandSpec spec;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "The backup.")
  Path file;

  RestoreCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Environment settings = context.settings();
    Path dataDirectory = OwnerConnection.dataDirectory(settings);
    boolean external = OwnerConnection.external(settings);
    try (ZipFile backup = open(file)) {
      BackupManifest manifest = Restores.checked(backup);
      if (external) {
        Restores.refuseFilesInPlace(dataDirectory, manifest);
      } else {
        Restores.refuseNonEmptyDirectory(dataDirectory);
      }
      long rows;
      try (OwnerConnection database = OwnerConnection.to(settings)) {
        if (external) {
          Restores.refuseNonEmptyDatabase(database);
        }
        try {
          Restores.createSchema(database, manifest);
          rows = Restores.load(database, backup, manifest);
        } catch (RuntimeException e) {
          String cleanUp =
              external
                  ? "drop what it created in the database before trying again"
                  : "delete the data directory " + dataDirectory + " before trying again";
          if (e instanceof InvalidInputException) {
            throw new InvalidInputException(e.getMessage() + ". Nothing was loaded: " + cleanUp);
          }
          throw new IllegalStateException("The restore failed part way: " + cleanUp, e);
        }
        Restores.putFiles(dataDirectory, backup, manifest);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "Restored %d tables (%d rows) at database version %s from the backup taken %s by CCR Hub"
              + " %s, into %s.%n",
          manifest.tables().size(),
          rows,
          manifest.schemaVersion(),
          manifest.takenAt(),
          manifest.ccrHubVersion(),
          external ? "the external database" : dataDirectory);
      for (String name : Backups.DATA_FILES) {
        boolean kept = manifest.files().stream().anyMatch(f -> f.name().equals(name));
        out.printf(
            kept ? "%s is in place.%n" : "%s was not in the backup: %s%n",
            name,
            name.equals(Backups.TWO_FACTOR_KEY)
                ? "if the installation sets ccr.two-factor.key, set the same key here."
                : name.equals(org.ccrhub.audit.AuditFiles.KEY)
                    ? "set ccr.audit.key to the key the installation used."
                    : "run audit checkpoint restart --reason \"restored from a backup\" after"
                        + " checking the trail with audit verify.");
      }
      out.println(
          "Start CCR Hub on it (it migrates to its own version), then run audit verify. Everyone"
              + " signs in again: sessions are not kept in a backup.");
      out.flush();
      return 0;
    }
  }

  private static ZipFile open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("File '" + file + "' does not exist");
    }
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException | NoSuchFileException e) {
      throw new InvalidInputException(
          "File '" + file + "' is not a CCR Hub backup (not a zip file; decrypt it first)");
    }
  }
}
