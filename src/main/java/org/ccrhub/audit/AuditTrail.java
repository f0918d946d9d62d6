package org.ccrhub.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit trail and reads it. No method updates or deletes a record.
 *
 * <p>Records are written in the transaction of the change they describe, so a change and its record
 * commit or roll back together. Appends are serialised by a transaction-scoped advisory lock so
 * that each record links to the one truly before it.
 */
@Service
public class AuditTrail {

  private static final long CHAIN_LOCK = 0x43435248L; // "CCRH"

  private final JdbcClient jdbc;
  private final boolean commandLine;

  AuditTrail(JdbcClient jdbc, @Value("${ccr.command-line:false}") boolean commandLine) {
    this.jdbc = jdbc;
    this.commandLine = commandLine;
  }

  /** Records what the current user (or command) did. */
  @Transactional
  public void record(AuditEntry entry) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
      append(actor.actorName(), actor.accountId(), entry);
    } else if (commandLine) {
      append("command line (" + System.getProperty("user.name", "unknown") + ")", null, entry);
    } else {
      append(authentication == null ? "anonymous" : authentication.getName(), null, entry);
    }
  }

  /**
   * Records an event about an account before anyone is signed in (a sign-in attempt), naming the
   * account the attempt was for.
   */
  @Transactional
  public void recordFor(String actorName, @Nullable Long accountId, AuditEntry entry) {
    append(actorName, accountId, entry);
  }

  private void append(String actor, @Nullable Long accountId, AuditEntry entry) {
    jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
    String previous =
        jdbc.sql("select hash from audit_event order by id desc limit 1")
            .query(String.class)
            .optional()
            .orElse(AuditRecord.GENESIS);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String address = sourceAddress();
    String hash =
        AuditRecord.hashOf(
            previous,
            now,
            actor,
            accountId,
            entry.partnershipId(),
            entry.action(),
            entry.objectType(),
            entry.objectId(),
            entry.outcome().name(),
            address,
            entry.summary());
    jdbc.sql(
            """
            insert into audit_event (occurred_at, actor, actor_user_id, partnership_id, action,
                object_type, object_id, outcome, source_address, summary, previous_hash, hash)
            values (:occurredAt, :actor, :accountId, :partnershipId, :action, :objectType,
                :objectId, :outcome, :address, :summary, :previous, :hash)
            """)
        .param("occurredAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("actor", actor)
        .param("accountId", accountId)
        .param("partnershipId", entry.partnershipId())
        .param("action", entry.action())
        .param("objectType", entry.objectType())
        .param("objectId", entry.objectId())
        .param("outcome", entry.outcome().name())
        .param("address", address)
        .param("summary", entry.summary())
        .param("previous", previous)
        .param("hash", hash)
        .update();
  }

  private @Nullable String sourceAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return commandLine ? "local" : null;
  }

  /** Checks every link of the chain, oldest first, and reports the first broken one. */
  @Transactional(readOnly = true)
  public AuditChain.Verification verify() {
    AuditChain chain = new AuditChain();
    try (Stream<AuditRecord> records =
        jdbc
            .sql("select * from audit_event order by id")
            .withFetchSize(500)
            .query(this::map)
            .stream()) {
      records.takeWhile(chain::check).forEach(r -> {});
    }
    return chain.result();
  }

  /**
   * Records of one partnership, newest first: its own events and the sign-in events of its members'
   * accounts.
   */
  @Transactional(readOnly = true)
  public List<AuditRecord> search(long partnershipId, AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            """
            select * from audit_event e
            where (e.partnership_id = :partnership
                   or (e.partnership_id is null and e.actor_user_id in
                       (select user_account_id from membership where partnership_id = :partnership)))
            """);
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("partnership", partnershipId);
    if (query.from() != null) {
      sql.append(" and e.occurred_at >= :from");
      params.put("from", Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      sql.append(" and e.occurred_at < :to");
      params.put("to", Timestamp.from(query.to()));
    }
    if (query.actor() != null) {
      sql.append(" and strpos(lower(e.actor), lower(:actor)) > 0");
      params.put("actor", query.actor());
    }
    if (query.action() != null) {
      sql.append(" and e.action = :action");
      params.put("action", query.action());
    }
    if (query.objectType() != null) {
      sql.append(" and e.object_type = :objectType");
      params.put("objectType", query.objectType());
    }
    sql.append(" order by e.id desc limit :limit offset :offset");
    params.put("limit", query.pageSize() + 1);
    params.put("offset", (long) (query.page() - 1) * query.pageSize());
    return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::map).list());
  }

  private AuditRecord map(ResultSet rs, int row) throws SQLException {
    return new AuditRecord(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        (Long) rs.getObject("actor_user_id"),
        (Long) rs.getObject("partnership_id"),
        rs.getString("action"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        rs.getString("outcome"),
        rs.getString("source_address"),
        rs.getString("summary"),
        rs.getString("previous_hash"),
        rs.getString("hash"));
  }
}
