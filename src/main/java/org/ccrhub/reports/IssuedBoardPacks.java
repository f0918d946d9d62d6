package org.ccrhub.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.exports.FileExport;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Board packs issued to a board, kept as they were issued. Issuing makes the pack's PDF once and
 * keeps its bytes; a download of an issued pack sends those bytes, never a pack made again, so
 * later ratings or figures cannot change what the board was given. The table is append-only in the
 * database too (a trigger refuses changes and removals), and the issue is recorded in the audit
 * trail with the PDF's SHA-256, so a kept file can be checked against the trail.
 */
@Service
public class IssuedBoardPacks {

  /** Who a pack issued by an admin command is recorded as issued by. */
  public static final String COMMAND_LINE = "Command line";

  /** The columns of an issued pack but its PDF, from the partnership's packs. */
  private static final String SELECT =
      """
      select id, year, quarter, data_month, plan_ids, board, meeting_date, marking,
          issued_by, issued_at, length(pdf) as size, sha256
      from issued_board_pack where partnership_id = :partnership
      """;

  private final BoardPacks packs;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  IssuedBoardPacks(
      BoardPacks packs,
      JdbcClient jdbc,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.packs = packs;
    this.jdbc = jdbc;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Issues the pack: makes its PDF and keeps it, with what it covers and who issued it.
   *
   * @param issuedBy the person's name, or {@link #COMMAND_LINE}
   * @param token the confirmation page's one-time token (none from the command line): a second
   *     issue with the same token keeps nothing new and gives the pack the first one kept
   * @throws org.ccrhub.shared.TooLargeException for a pack too long to make as a PDF
   */
  public IssuedBoardPack issue(BoardPack pack, String issuedBy, @Nullable UUID token) {
    int year = pack.period().year().startYear();
    if (year < 1990 || year > 2100) { // as the table allows: checked before the PDF is made
      throw new InvalidInputException(
          "Board packs can be issued for the years 1990/91 to 2100/01, not " + pack.period());
    }
    // made before the transaction: a long pack takes seconds, and holds no connection meanwhile
    byte[] pdf = packs.render(pack, ReportFormat.PDF);
    return transactions.execute(status -> keep(pack, issuedBy, token, pdf));
  }

  /** The pack issued with this confirmation token, if one was. */
  @Transactional(readOnly = true)
  public Optional<IssuedBoardPack> findByToken(Partnership partnership, UUID token) {
    return jdbc.sql(SELECT + " and issue_token = :token")
        .param("partnership", partnership.id())
        .param("token", token)
        .query((rs, row) -> issued(rs))
        .optional();
  }

  private IssuedBoardPack keep(BoardPack pack, String issuedBy, @Nullable UUID token, byte[] pdf) {
    String sha256 = sha256(pdf);
    List<Long> planIds = pack.plans().stream().map(r -> r.snapshot().plan().id()).toList();
    // the month the performance table runs to is the month of the pack's figures
    YearMonth dataMonth = pack.performance().month();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    Optional<Long> inserted =
        jdbc.sql(
                """
                insert into issued_board_pack (partnership_id, year, quarter, data_month, plan_ids,
                    board, meeting_date, marking, issued_by, issued_at, pdf, sha256, issue_token)
                values (:partnership, :year, :quarter, :dataMonth, :plans, :board, :meeting,
                    :marking, :by, :at, :pdf, :sha256, :token)
                on conflict (partnership_id, issue_token) do nothing
                returning id
                """)
            .param("partnership", pack.partnership().id())
            .param("year", pack.period().year().startYear())
            .param("quarter", pack.period().quarter())
            .param("dataMonth", dataMonth.atDay(1))
            .param("plans", planIds.toArray(Long[]::new))
            .param("board", pack.board())
            .param("meeting", pack.meetingDate())
            .param("marking", pack.marking())
            .param("by", issuedBy)
            .param("at", now)
            .param("pdf", pdf)
            .param("sha256", sha256)
            .param("token", token)
            .query(Long.class)
            .optional();
    if (inserted.isEmpty() && token != null) { // the same confirmation, sent twice at once
      return findByToken(pack.partnership(), token).orElseThrow();
    }
    long id = inserted.orElseThrow();
    audit.record(
        AuditEntry.success(
            "ISSUE",
            "IssuedBoardPack",
            id,
            pack.partnership().id(),
            "Issued board pack "
                + id
                + " for "
                + pack.period()
                + ", figures to "
                + dataMonth
                + (planIds.isEmpty()
                    ? ", with no delivery plans"
                    : ", with delivery plans "
                        + planIds.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                + ": PDF of "
                + pdf.length
                + " bytes, SHA-256 "
                + sha256));
    return new IssuedBoardPack(
        id,
        pack.period(),
        Optional.of(dataMonth),
        planIds,
        pack.board(),
        pack.meetingDate(),
        pack.marking(),
        issuedBy,
        now.toInstant(),
        pdf.length,
        sha256);
  }

  /** The partnership's issued packs, newest first. */
  @Transactional(readOnly = true)
  public List<IssuedBoardPack> list(Partnership partnership) {
    return jdbc.sql(SELECT + " order by id desc")
        .param("partnership", partnership.id())
        .query((rs, row) -> issued(rs))
        .list();
  }

  /**
   * One of the partnership's issued packs.
   *
   * @throws NotFoundException if the partnership has no pack with this id
   */
  @Transactional(readOnly = true)
  public IssuedBoardPack find(Partnership partnership, long id) {
    return jdbc.sql(SELECT + " and id = :id")
        .param("partnership", partnership.id())
        .param("id", id)
        .query((rs, row) -> issued(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("issued board pack"));
  }

  /**
   * The PDF exactly as it was issued.
   *
   * @throws NotFoundException if the partnership has no pack with this id
   */
  @Transactional(readOnly = true)
  public byte[] pdf(Partnership partnership, long id) {
    return jdbc.sql(
            "select pdf from issued_board_pack where partnership_id = :partnership and id = :id")
        .param("partnership", partnership.id())
        .param("id", id)
        .query((rs, row) -> rs.getBytes(1))
        .optional()
        .orElseThrow(() -> new NotFoundException("issued board pack"));
  }

  /** An issued pack's file as the audit trail describes it when it leaves. */
  public FileExport file(Partnership partnership, IssuedBoardPack issued) {
    return FileExport.of(
        partnership,
        "IssuedBoardPack",
        issued.id(),
        "issued board pack " + issued.id() + " for " + issued.period(),
        ReportFormat.PDF.extension());
  }

  private static IssuedBoardPack issued(ResultSet rs) throws SQLException {
    java.sql.Date month = rs.getDate("data_month");
    List<Long> plans = new ArrayList<>();
    Array array = rs.getArray("plan_ids");
    for (Object id : (Object[]) array.getArray()) {
      plans.add(((Number) id).longValue());
    }
    return new IssuedBoardPack(
        rs.getLong("id"),
        new ReportingPeriod(new FinancialYear(rs.getInt("year")), rs.getInt("quarter")),
        month == null ? Optional.empty() : Optional.of(YearMonth.from(month.toLocalDate())),
        List.copyOf(plans),
        rs.getString("board"),
        rs.getDate("meeting_date").toLocalDate(),
        rs.getString("marking"),
        rs.getString("issued_by"),
        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
        rs.getLong("size"),
        rs.getString("sha256"));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
