package org.ccrhub.database;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.KeyFiles;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup --out FILE}: one consistent, compressed copy of the database and of the data
 * directory's audit checkpoint and key files (ADR 24). It starts no application and migrates
 * nothing; it may run while CCR Hub serves.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write a consistent, compressed backup of the database (embedded or external), with the"
            + " audit checkpoint and the key files of the data directory. It can run while CCR Hub"
            + " serves. The file holds personal data: encrypt it and keep it off this machine.")
public final class BackupCommand implements Callable<Integer> {

  private final CommandContext context;
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description =
          "Where to write it (readable by its owner only), or - for standard output, e.g. to pipe"
              + " it to gpg or age.")
  String out;

  BackupCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    boolean toStdout = out.equals("-");
    PrintStream stdout = System.out;
    if (toStdout) {
      System.setOut(System.err); // only the backup goes to standard output, never a log line
    }
    try {
      Environment settings = context.settings();
      Path dataDirectory = OwnerConnection.dataDirectory(settings);
      if (!OwnerConnection.external(settings)
          && !Files.exists(dataDirectory.resolve("postgres").resolve("PG_VERSION"))) {
        throw new InvalidInputException(
            "There is no CCR Hub database in "
                + dataDirectory
                + ": give the data directory of the installation with --ccr.data-dir, or the"
                + " external database with --spring.datasource.url");
      }
      BackupManifest manifest;
      try (OwnerConnection database = OwnerConnection.to(settings)) {
        manifest = toStdout ? toStream(database, stdout) : toFile(database, Path.of(out));
      }
      PrintWriter report = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
      report.printf(
          "Backup written to %s: %d tables, %d rows, database version %s on PostgreSQL %s; with %s."
              + " It holds personal data: encrypt it and keep it off this machine.%n",
          toStdout ? "standard output" : Path.of(out).toAbsolutePath(),
          manifest.tables().size(),
          manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum(),
          manifest.schemaVersion(),
          manifest.serverVersion(),
          manifest.files().isEmpty()
              ? "no files of the data directory"
              : String.join(
                  ", ", manifest.files().stream().map(BackupManifest.DataFile::name).toList()));
      report.flush();
      return 0;
    } finally {
      System.setOut(stdout);
    }
  }

  private static BackupManifest toStream(OwnerConnection database, PrintStream stdout)
      throws IOException, SQLException {
    OutputStream buffered = new BufferedOutputStream(stdout, 64 * 1024);
    BackupManifest manifest = Backups.write(database, buffered);
    buffered.flush();
    return manifest;
  }

  /** Written beside the target under another name, then renamed: never half a backup in place. */
  private static BackupManifest toFile(OwnerConnection database, Path target)
      throws IOException, SQLException {
    Path file = target.toAbsolutePath();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException("'" + target + "' is a directory: give a file name");
    }
    if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
      throw new InvalidInputException("The folder of '" + target + "' does not exist");
    }
    Path temporary = file.resolveSibling("." + file.getFileName() + ".partial");
    Files.deleteIfExists(temporary);
    FileAttribute<?>[] ownerOnly = KeyFiles.ownerOnly();
    try {
      BackupManifest manifest;
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              ownerOnly)) {
        OutputStream buffered =
            new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        manifest = Backups.write(database, buffered);
        buffered.flush();
        channel.force(true);
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return manifest;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
