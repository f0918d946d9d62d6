package org.ccrhub.reports.web;

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

  static List<IssuedPackRow> of(List<IssuedBoardPack> packs) {
    return packs.stream().map(IssuedPackRow::of).toList();
  }

  static IssuedPackRow of(IssuedBoardPack pack) {
    return new IssuedPackRow(
        pack.id(),
        pack.period().toString(),
        pack.dataMonth().map(Dates::month).orElse("Not recorded"),
        Dates.date(pack.meetingDate()),
        pack.issuedBy(),
        Dates.time(pack.issuedAt()),
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
