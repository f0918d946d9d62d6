package org.ccrhub.exports;

import java.util.Locale;
import org.ccrhub.shared.Partnership;

/**
 * What a file leaving CCR Hub holds, as the audit trail records it: the kind of record, its id, the
 * period or month, and the format. It names records by id and never holds personal data itself.
 *
 * @param objectType the kind of record, e.g. {@code Exception report}
 * @param objectId the record's id, e.g. the plan's id or the month
 * @param subject the file's content in words, naming records by id, e.g. {@code the exception
 *     report of delivery plan 12 for 2016/17 Q2}
 * @param format the file's extension, e.g. {@code pdf}
 * @param action {@link #EXPORT}, or {@link #EXPORT_UNSUPPRESSED} for figures shown unsuppressed
 * @param reason why the person took a file of personal data, or empty
 */
public record FileExport(
    Partnership partnership,
    String objectType,
    String objectId,
    String subject,
    String format,
    String action,
    String reason) {

  public static final String EXPORT = "EXPORT";
  public static final String EXPORT_UNSUPPRESSED = "EXPORT_UNSUPPRESSED";

  public static FileExport of(
      Partnership partnership, String objectType, Object objectId, String subject, String format) {
    return new FileExport(
        partnership, objectType, String.valueOf(objectId), subject, format, EXPORT, "");
  }

  /** The same file with its small numbers shown as they are, which the trail tells apart. */
  public FileExport unsuppressed() {
    return new FileExport(
        partnership,
        objectType,
        objectId,
        subject + " (small numbers shown)",
        format,
        EXPORT_UNSUPPRESSED,
        reason);
  }

  /** The same file with the reason the person gave for taking it, which the trail keeps. */
  public FileExport because(String reason) {
    return new FileExport(partnership, objectType, objectId, subject, format, action, reason);
  }

  String summary(String verb, String where) {
    return verb
        + " "
        + subject
        + " as "
        + format.toUpperCase(Locale.ROOT)
        + where
        + (reason.isEmpty() ? "" : " because: " + reason);
  }
}
