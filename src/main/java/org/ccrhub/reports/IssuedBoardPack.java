package org.ccrhub.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.ccrhub.plans.ReportingPeriod;

/**
 * A board pack as it was issued to a board: what it covers, who issued it and when, and the PDF's
 * size and SHA-256, which the audit trail records too. The PDF itself is kept unchanged and read
 * only to be downloaded ({@link IssuedBoardPacks#pdf}).
 *
 * @param dataMonth the month the pack's figures run to, if known
 * @param planIds the delivery plans the pack reports on
 * @param issuedBy the name of the person who issued it, or "Command line"
 */
public record IssuedBoardPack(
    long id,
    ReportingPeriod period,
    Optional<YearMonth> dataMonth,
    List<Long> planIds,
    String board,
    LocalDate meetingDate,
    String marking,
    String issuedBy,
    Instant issuedAt,
    long size,
    String sha256) {

  /** The name a download of it is saved under, e.g. {@code board-pack-2016-17-q2-issued-7.pdf}. */
  public String fileName() {
    return "board-pack-"
        + period.toString().replace('/', '-').replace(' ', '-').toLowerCase(java.util.Locale.ROOT)
        + "-issued-"
        + id
        + ".pdf";
  }
}
