package org.ccrhub.database;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Refuses a data directory that another user of the machine could have prepared or could still
 * change: one they own (they could have planted the database's binaries or a cluster in it before
 * CCR Hub's first start), or one under a folder they own or may write to without the sticky bit
 * (they could swap it for their own). The root user may own the folders above, as it owns {@code /}
 * and {@code /srv}; {@code /tmp} is writable by everyone but sticky, so a folder made there stays
 * its owner's.
 */
final class DataDirectoryOwner {

  private static final int OTHERS_WRITE = 0002;
  private static final int STICKY = 01000;

  private DataDirectoryOwner() {}

  /** Throws with a plain explanation when the directory is not safely this user's. */
  static void check(Path dataDirectory) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
      return; // Windows: no Unix owners and modes to check
    }
    long me = new UnixSystem().getUid();
    Path directory = dataDirectory.toAbsolutePath().normalize();
    if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      long owner = uid(directory);
      if (owner != me) {
        throw new IllegalStateException(
            "The data directory "
                + directory
                + " belongs to another user (uid "
                + owner
                + "), who could have put files in it that CCR Hub would run. Use a directory made"
                + " by the user that runs CCR Hub.");
      }
    }
    for (Path above = directory.getParent(); above != null; above = above.getParent()) {
      if (!Files.exists(above)) {
        continue;
      }
      long owner = uid(above);
      int mode = mode(above);
      if ((owner != me && owner != 0) || ((mode & OTHERS_WRITE) != 0 && (mode & STICKY) == 0)) {
        throw new IllegalStateException(
            "The folder "
                + above
                + " above the data directory "
                + (owner != me && owner != 0
                    ? "belongs to another user (uid " + owner + ")"
                    : "can be changed by every user of the machine")
                + ", who could replace the data directory with one of their own. Keep the data"
                + " directory under folders only root and the user that runs CCR Hub can change.");
      }
    }
  }

  private static long uid(Path path) {
    return ((Number) attribute(path, "unix:uid")).longValue();
  }

  private static int mode(Path path) {
    return (Integer) attribute(path, "unix:mode");
  }

  private static Object attribute(Path path, String name) {
    try {
      return Files.getAttribute(path, name, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the owner of " + path, e);
    }
  }
}
