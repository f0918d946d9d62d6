package org.ccrhub.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded server's three roles, in a file that only the data directory's
 * owner can read ({@code 0600}). The superuser's is set when the server is first secured; the
 * others are set on the server at every start, so the file is the one source of truth.
 *
 * <p>A data directory from before passwords existed has no file: new passwords are generated and
 * written only once the superuser password is in the server ({@link #save}).
 */
final class DatabasePasswords {

  static final String FILE_NAME = "database.passwords";
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> ROLES =
      List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.OWNER, EmbeddedDatabase.APP);

  private final Path file;
  private final Properties passwords;
  private final boolean saved;

  private DatabasePasswords(Path file, Properties passwords, boolean saved) {
    this.file = file;
    this.passwords = passwords;
    this.saved = saved;
  }

  /** The passwords kept in the data directory, or new ones (not yet saved) when there are none. */
  static DatabasePasswords in(Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    Properties passwords = new Properties();
    if (Files.exists(file)) {
      restrict(file, OWNER_ONLY_FILE);
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        passwords.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read " + file, e);
      }
    }
    boolean complete = ROLES.stream().allMatch(r -> !passwords.getProperty(r, "").isBlank());
    if (!complete) {
      // Missing or damaged: all three are set on the server again before the file is written.
      ROLES.forEach(role -> passwords.setProperty(role, newPassword()));
    }
    return new DatabasePasswords(file, passwords, complete);
  }

  /** Whether these passwords are the ones in the file (and so on the server). */
  boolean saved() {
    return saved;
  }

  String of(String role) {
    return passwords.getProperty(role);
  }

  /** Writes the file atomically, readable by its owner only. */
  void save() {
    Path temporary = file.resolveSibling(FILE_NAME + ".new");
    try {
      Files.deleteIfExists(temporary);
      createOwnerOnly(temporary);
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        passwords.store(
            writer, "Passwords of the embedded PostgreSQL server's roles. Keep this file private.");
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  /** 32 random bytes as hex: nothing that needs quoting anywhere. */
  private static String newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system
    } catch (FileAlreadyExistsException e) {
      restrict(file, OWNER_ONLY_FILE);
    }
  }

  /** Sets POSIX permissions where the file system has them. */
  static void restrict(Path path, Set<PosixFilePermission> permissions) {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to set
    } catch (IOException e) {
      throw new UncheckedIOException("Could not restrict the permissions of " + path, e);
    }
  }
}
