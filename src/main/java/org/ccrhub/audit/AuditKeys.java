package org.ccrhub.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.shared.InstallationKeys;
import org.ccrhub.shared.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the audit key comes from: {@code ccr.audit.key} ({@code CCR_AUDIT_KEY}, Base64) when set,
 * which every node of an installation with an external database shares; otherwise {@code
 * <data-dir>/audit.key}, created (0600) at the first start. A key is never made up for a trail that
 * already has keyed records, and a key that is not the one the checkpoint was written with, or not
 * the one the installation's other servers use (see {@link InstallationKeys}), is refused: each
 * would make every record look forged.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeys {

  static final String FILE_NAME = "audit.key";
  private static final String PROPERTY = "ccr.audit.key (CCR_AUDIT_KEY)";
  private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
  private static final Pattern FINGERPRINT = Pattern.compile("(?m)^key ([0-9a-f]{16})$");
  private static final Object JVM_LOCK = new Object();

  @Bean
  AuditKey auditKey(
      @Value("${ccr.audit.key:}") String configured,
      @Value("${ccr.data-dir}") String dataDirectory,
      JdbcClient jdbc) {
    Path directory = Path.of(dataDirectory).toAbsolutePath();
    AuditKey key =
        configured.isBlank()
            ? fromFile(directory.resolve(FILE_NAME), jdbc)
            : AuditKey.fromBase64(configured, PROPERTY);
    checkAgainstCheckpoint(key, directory.resolve(AuditCheckpoints.FILE_NAME), configured);
    checkAgainstInstallation(key, directory.resolve(FILE_NAME), configured, jdbc);
    return key;
  }

  /**
   * Refuses a key other than the installation's: the first server to have a key recorded its
   * fingerprint, and servers that sign with different keys would make every record look forged.
   */
  private static void checkAgainstInstallation(
      AuditKey key, Path file, String configured, JdbcClient jdbc) {
    shared(file)
        .refusal(
            jdbc,
            key.fingerprint(),
            !configured.isBlank(),
            key.origin() == AuditKey.Origin.CREATED,
            "records signed with two keys would look forged")
        .ifPresent(
            refusal -> {
              throw new AuditKeyException(refusal);
            });
  }

  private static InstallationKeys.SharedKey shared(Path file) {
    return new InstallationKeys.SharedKey("audit", "audit key", PROPERTY, file);
  }

  private static AuditKey fromFile(Path file, JdbcClient jdbc) {
    try {
      synchronized (JVM_LOCK) {
        Files.createDirectories(file.getParent());
        try (FileChannel channel =
                FileChannel.open(
                    file.resolveSibling(FILE_NAME + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          if (Files.exists(file)) {
            warnIfReadableByOthers(file);
            return AuditKey.fromBase64(
                Files.readString(file, StandardCharsets.US_ASCII), "" + file, AuditKey.Origin.KEPT);
          }
          if (hasKeyedRecords(jdbc)) {
            throw new AuditKeyException(
                "The audit key "
                    + file
                    + " is missing, but the audit trail was written with a key. Restore the file"
                    + " from a backup, or set "
                    + PROPERTY
                    + " to the key; without it the trail can be neither verified nor extended.");
          }
          Optional<String> missing =
              shared(file).missing(jdbc, "A new key would make the trail fail its checks.");
          if (missing.isPresent()) {
            throw new AuditKeyException(missing.get());
          }
          return create(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the audit key " + file, e);
    }
  }

  private static boolean hasKeyedRecords(JdbcClient jdbc) {
    return jdbc.sql("select exists (select 1 from audit_event where chain_seq is not null)")
        .query(Boolean.class)
        .single();
  }

  private static AuditKey create(Path file) throws IOException {
    byte[] bytes = KeyFiles.create(file, AuditKey.MINIMUM_BYTES);
    log.info(
        "Created the audit key {}: keep it with the backups (without it the audit trail cannot be"
            + " verified)",
        file);
    return AuditKey.of(bytes, "" + file, AuditKey.Origin.CREATED);
  }

  private static void warnIfReadableByOthers(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && !KeyFiles.OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
      log.warn("The audit key {} can be read by others: make it readable by its owner only", file);
    }
  }

  /** Refuses a key other than the one the checkpoint in the data directory was written with. */
  private static void checkAgainstCheckpoint(AuditKey key, Path checkpoint, String configured) {
    if (!Files.exists(checkpoint)) {
      return;
    }
    String text;
    try {
      text = Files.readString(checkpoint, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the audit checkpoint " + checkpoint, e);
    }
    Matcher fingerprint = FINGERPRINT.matcher(text);
    if (fingerprint.find() && !fingerprint.group(1).equals(key.fingerprint())) {
      throw new AuditKeyException(
          "The audit key ("
              + (configured.isBlank() ? FILE_NAME + " in the data directory" : PROPERTY)
              + ") is not the key this audit trail was written with: "
              + checkpoint
              + " was written with the key whose fingerprint is "
              + fingerprint.group(1)
              + ", and this key's is "
              + key.fingerprint()
              + ". Use the key the trail was written with.");
    }
  }
}
