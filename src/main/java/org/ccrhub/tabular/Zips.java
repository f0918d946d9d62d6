package org.ccrhub.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * XLSX and ODS files are zip archives. They are read from a temporary file (random access, so only
 * the parts needed are unpacked, one stream at a time) through POI's {@link ZipSecureFile}, which
 * refuses an entry that unpacks to more than the expanded size limit or to over 100 times its
 * packed size (a zip bomb); every byte unpacked is counted against the expanded size limit too.
 */
final class Zips {

  private static final String RATIO =
      "The file unpacks to over 100 times its size, which spreadsheets do not do: it may be"
          + " damaged or made to overload the server. Save it again as XLSX or CSV and try again";

  private Zips() {}

  /** What a zip archive holds, read by one of the readers. */
  interface Contents {
    void read(ZipSecureFile zip) throws Exception;
  }

  static void read(byte[] bytes, TableBuilder table, Contents contents, String unreadable) {
    ZipSecureFile.setMaxEntrySize(table.limits().maxExpandedBytes());
    Path file = null;
    try {
      file = Files.createTempFile("ccr-import-", ".zip");
      Files.write(file, bytes);
      try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
        contents.read(zip);
      }
    } catch (Exception e) {
      throw translate(e, table.limits(), unreadable);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  /** Whether the archive is an OpenDocument file (it has a content.xml; XLSX has xl/...). */
  static boolean isOpenDocument(ZipSecureFile zip) {
    return zip.getEntry("content.xml") != null && zip.getEntry("[Content_Types].xml") == null;
  }

  /** An unpacked stream whose bytes count against the expanded size limit. */
  static InputStream counted(InputStream in, TableBuilder table) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          table.expand(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          table.expand(n);
          table.tick();
        }
        return n;
      }
    };
  }

  /** A limit refused deep inside a parser, or POI's zip bomb guard, in plain words. */
  private static RuntimeException translate(Exception e, ImportLimits limits, String unreadable) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnreadableFileException u) {
        return u;
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof IOException && message.startsWith("Zip bomb detected")) {
        return message.contains("max size")
            ? limits.tooLarge()
            : new UnreadableFileException(RATIO);
      }
    }
    return new UnreadableFileException(unreadable);
  }
}
