package org.ccrhub.shared;

import java.util.Locale;

/** A file's size as people read it. */
public final class FileSizes {

  private FileSizes() {}

  /** E.g. "1.2 MB", "340 KB"; never "0 KB". */
  public static String text(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
    return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
  }
}
