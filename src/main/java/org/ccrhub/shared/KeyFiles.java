package org.ccrhub.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secret keys kept as files in the data directory (the audit key, the two-factor key): random bytes
 * written as one line of Base64, readable by the owner only, written whole or not at all.
 */
public final class KeyFiles {

  /** Read and write for the owner, nothing for anyone else. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFiles() {}

  /**
   * The attributes that make a new file readable and writable by its owner only (none where the
   * file system has no POSIX permissions).
   */
  public static FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
  }

  /**
   * Makes a new random key of the length and writes it to the file: first to a file beside it that
   * only the owner may read, then moved into place in one step, so that a crash never leaves half a
   * key.
   *
   * @return the key's bytes
   */
  public static byte[] create(Path file, int length) throws IOException {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    FileAttribute<?>[] attributes = ownerOnly();
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            attributes)) {
      channel.write(
          StandardCharsets.US_ASCII.encode(Base64.getEncoder().encodeToString(bytes) + "\n"));
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    return bytes;
  }
}
