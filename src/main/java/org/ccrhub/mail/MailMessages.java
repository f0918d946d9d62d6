package org.ccrhub.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's email messages, for its administrators to read. They hold people's email
 * addresses, so each read is recorded in the audit trail (ADR 13): how many were listed, or which
 * message was opened, never an address.
 */
@Service
public class MailMessages {

  public static final int PAGE_SIZE = 50;

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  MailMessages(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One page of messages, newest first, and whether older ones follow. */
  public record Page(List<MailMessage> messages, int page, boolean more) {}

  /**
   * The partnership's messages newest first, all or of one status, 50 to a page ({@code page} from
   * 1), opened to be seen.
   */
  @Transactional
  public Page openPage(Partnership partnership, @Nullable MailStatus status, int page) {
    int number = Math.max(1, page);
    List<MailMessage> found =
        jdbc.sql(
                """
                select * from mail_message
                where partnership_id = :p and (cast(:status as text) is null or status = :status)
                order by id desc limit :limit offset :offset
                """)
            .param("p", partnership.id())
            .param("status", status == null ? null : status.name())
            .param("limit", PAGE_SIZE + 1)
            .param("offset", (long) (number - 1) * PAGE_SIZE)
            .query(MailMessages::map)
            .list();
    boolean more = found.size() > PAGE_SIZE;
    List<MailMessage> shown = more ? found.subList(0, PAGE_SIZE) : found;
    audit.record(
        AuditEntry.success(
            "READ",
            "MailMessages",
            partnership.id(),
            partnership.id(),
            "Listed the partnership's email messages (" + shown.size() + ")"));
    return new Page(shown, number, more);
  }

  /** One message of the partnership, opened to be seen; {@link NotFoundException} otherwise. */
  @Transactional
  public MailMessage open(Partnership partnership, long id) {
    MailMessage message =
        jdbc.sql("select * from mail_message where partnership_id = :p and id = :id")
            .param("p", partnership.id())
            .param("id", id)
            .query(MailMessages::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("Email message"));
    audit.record(
        AuditEntry.success("READ", "MailMessage", id, partnership.id(), "Opened an email message"));
    return message;
  }

  private static MailMessage map(ResultSet rs, int row) throws SQLException {
    return new MailMessage(
        rs.getLong("id"),
        rs.getString("recipient"),
        rs.getString("template"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getInt("actions"),
        MailStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        instant(rs, "last_attempt_at"),
        instant(rs, "next_attempt_at"),
        instant(rs, "sent_at"),
        Optional.ofNullable(rs.getString("last_error")));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
