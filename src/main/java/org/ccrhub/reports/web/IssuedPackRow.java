package org.ccrhub.reports.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ccrhub.reports.IssuedBoardPack;
import org.ccrhub.shared.Dates;

/** An issued board pack as the board pack page lists it, in words and UK dates. */
record IssuedPackRow(
    long id,
    String period,
    String dataMonth,
    String meeting,
    String issuedBy,
    String issuedAt,
    String size,
    String marking) {

  private static final ZoneId UK = Dates.UK;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

  static List<IssuedPackRow> of(List<IssuedBoardPack> packs) {
    return packs.stream().map(IssuedPackRow::of).toList();
  }

  static IssuedPackRow of(IssuedBoardPack pack) {
    String when = WHEN.format(pack.issuedAt().atZone(UK));
    return new IssuedPackRow(
        pack.id(),
        pack.period().toString(),
        pack.dataMonth().map(MONTH::format).orElse("Not recorded"),
        DAY.format(pack.meetingDate()),
        pack.issuedBy(),
        // "4:21pm", not "4:21PM"
        when.substring(0, when.length() - 2)
            + when.substring(when.length() - 2).toLowerCase(Locale.UK),
        size(pack.size()),
        pack.marking());
  }

  /** "PDF, 234 KB" or "PDF, 1.2 MB". */
  private static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return "PDF, " + Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(Locale.UK, "PDF, %.1f MB", bytes / (1024.0 * 1024.0));
  }
}
