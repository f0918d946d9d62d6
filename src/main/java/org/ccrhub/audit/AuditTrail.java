package org.ccrhub.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ccrhub.shared.AdvisoryLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit trail and reads it. No method updates or deletes a record (and the database
 * refuses it to every role but the table's owner).
 *
 * <p>Records are written in the transaction of the change they describe, so a change and its record
 * commit or roll back together. Each partnership has its own chain, and records with no partnership
 * another; appends to one chain are serialised by a transaction-scoped advisory lock on that chain
 * alone, so that each record links to the one truly before it while partnerships do not wait for
 * each other. After commit, the new head of the chain goes to the {@link AuditCheckpoints}.
 */
@Service
public class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final JdbcClient jdbc;
  private final AuditKey key;
  private final AuditCheckpoints checkpoints;
  private final boolean commandLine;

  AuditTrail(
      JdbcClient jdbc,
      AuditKey key,
      AuditCheckpoints checkpoints,
      @Value("${ccr.command-line:false}") boolean commandLine) {
    this.jdbc = jdbc;
    this.key = key;
    this.checkpoints = checkpoints;
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
    long chain = AuditRecord.chainOf(entry.partnershipId());
    lockChain(chain);
    Optional<ChainHead> head =
        jdbc.sql(
                """
                select chain_seq, hash from audit_event
                where coalesce(partnership_id, 0) = :chain and chain_seq is not null
                order by chain_seq desc limit 1
                """)
            .param("chain", chain)
            .query((rs, row) -> new ChainHead(rs.getLong("chain_seq"), rs.getString("hash")))
            .optional();
    long number = head.map(h -> h.number() + 1).orElse(1L);
    String previous =
        head.map(ChainHead::hash)
            .orElseGet(
                () -> chain == AuditRecord.NO_PARTNERSHIP ? lastOlderHash() : AuditRecord.GENESIS);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String address = sourceAddress();
    String hash =
        AuditRecord.hmacOf(
            key,
            number,
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
    long id =
        jdbc.sql(
                """
                insert into audit_event (occurred_at, actor, actor_user_id, partnership_id, action,
                    object_type, object_id, outcome, source_address, summary, previous_hash, hash,
                    hash_algorithm, chain_seq)
                values (:occurredAt, :actor, :accountId, :partnershipId, :action, :objectType,
                    :objectId, :outcome, :address, :summary, :previous, :hash, :algorithm, :number)
                returning id
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
            .param("algorithm", AuditRecord.HMAC_SHA_256)
            .param("number", number)
            .query(Long.class)
            .single();
    afterCommit(
        () ->
            checkpoints.recorded(new AuditCheckpoint.Head(chain, number, id, hash, Instant.now())));
  }

  /** Until the transaction ends, appends to this chain wait for this one (and only they do). */
  private void lockChain(long chain) {
    AdvisoryLock.AUDIT_CHAIN.lock(jdbc, chain);
  }

  private record ChainHead(long number, String hash) {}

  /**
   * The hash of the last record written before keyed hashing began, which chain 0 continues (an
   * unkeyed record after the first keyed one can only be a forgery: it is not continued).
   */
  private String lastOlderHash() {
    return jdbc.sql(
            """
            select hash from audit_event
            where hash_algorithm = :sha
              and id < coalesce((select min(id) from audit_event where chain_seq is not null),
                                9223372036854775807)
            order by id desc limit 1
            """)
        .param("sha", AuditRecord.SHA_256)
        .query(String.class)
        .optional()
        .orElse(AuditRecord.GENESIS);
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }

  /**
   * At the first start after the upgrade to keyed hashing: checks the records written before it and
   * seals them with a first keyed record that continues their chain, so that changing them later
   * breaks the keyed chain. Does nothing when there are none, or once any keyed record exists (the
   * upgrade is done: an unkeyed record now is a forgery, which must not be sealed). Called only for
   * a trail new to the checkpoint ({@link AuditCheckpoints#open}): unkeyed records found when a
   * checkpoint or a kept key shows the trail was keyed before (say, after the table was emptied)
   * are forgeries too.
   */
  static final String SEALED = "SEALED";

  @Transactional
  void sealOlderRecords() {
    lockChain(AuditRecord.NO_PARTNERSHIP);
    boolean upgraded =
        jdbc.sql("select exists (select 1 from audit_event where chain_seq is not null)")
            .query(Boolean.class)
            .single();
    if (upgraded) {
      return;
    }
    AuditChain older = new AuditChain(key, Optional.empty());
    try (Stream<AuditRecord> records =
        jdbc
            .sql("select * from audit_event where hash_algorithm = :sha order by id")
            .param("sha", AuditRecord.SHA_256)
            .withFetchSize(500)
            .query(AuditRecord::read)
            .stream()) {
      records.forEach(older::check);
    }
    AuditChain.Verification result = older.result();
    if (result.checked() == 0) {
      return;
    }
    // the seal itself is not written yet: only broken links among the older records count
    Optional<AuditChain.Problem> broken =
        result.problems().stream().filter(p -> p.recordId() != null).findFirst();
    String outcome =
        broken.map(p -> "broken at record " + p.recordId() + ": " + p.reason()).orElse("intact");
    if (broken.isEmpty()) {
      log.info("Sealing the {} audit records written before keyed hashing", result.checked());
    } else {
      log.warn(
          "The {} audit records written before keyed hashing are {}; sealing them as they are",
          result.checked(),
          outcome);
    }
    recordFor(
        "CCR Hub",
        null,
        new AuditEntry(
            SEALED,
            null,
            null,
            null,
            broken.isEmpty() ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE,
            "Keyed hashing began. The "
                + result.checked()
                + " records written before it were checked: "
                + outcome));
  }

  private @Nullable String sourceAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return commandLine ? "local" : null;
  }

  /**
   * Checks every chain, oldest record first, and compares the end of each with the latest
   * checkpoint. The checkpoint is read before the records, so that one written meanwhile by the
   * running server cannot look ahead of the database.
   */
  @Transactional(readOnly = true)
  AuditChain.Verification verify() {
    return verify(chain -> {});
  }

  /**
   * As {@link #verify()}, and compares the chains with the newest heads named in a copy of the
   * application log as well.
   */
  @Transactional(readOnly = true)
  AuditChain.Verification verifyWithLog(Path log, List<AuditCheckpoint.Head> logged) {
    return verify(chain -> chain.compareWithLog(log, logged));
  }

  private AuditChain.Verification verify(java.util.function.Consumer<AuditChain> alsoCompare) {
    AuditChain chain = against(checkpoints.latest());
    alsoCompare.accept(chain);
    walk(List.of(chain));
    return chain.result();
  }

  /**
   * A walk that compares with what the checkpoint file holds (or says it is missing or unusable).
   */
  AuditChain against(AuditCheckpoints.Found found) {
    if (found instanceof AuditCheckpoints.Found.Usable usable) {
      return new AuditChain(key, Optional.of(usable.checkpoint()));
    }
    AuditChain chain = new AuditChain(key, Optional.empty());
    if (found instanceof AuditCheckpoints.Found.Unusable unusable) {
      chain.checkpointUnreadable(checkpoints.file(), unusable.reason());
    } else {
      chain.checkpointMissing(checkpoints.file());
    }
    return chain;
  }

  /** Gives every record, in id order, to each chain; in the caller's transaction. */
  void walk(List<AuditChain> chains) {
    try (Stream<AuditRecord> records =
        jdbc
            .sql("select * from audit_event order by id")
            .withFetchSize(500)
            .query(AuditRecord::read)
            .stream()) {
      records.forEach(record -> chains.forEach(chain -> chain.check(record)));
    }
  }

  /** The records of every restart of the checkpoint, oldest first. */
  List<AuditRecord> checkpointRestarts() {
    return jdbc.sql("select * from audit_event where action = :action order by id")
        .param("action", AuditCheckpointRestarts.ACTION)
        .query(AuditRecord::read)
        .list();
  }

  /** Where the checkpoint is kept, to name it. */
  Path checkpointFile() {
    return checkpoints.file();
  }

  /**
   * Records of one partnership, newest first: its own events and the sign-in events of its members'
   * accounts since they joined it (not what they did before, or in another partnership).
   */
  @Transactional(readOnly = true)
  public List<AuditRecord> search(long partnershipId, AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            """
            select * from audit_event e
            where (e.partnership_id = :partnership
                   or (e.partnership_id is null and exists
                       (select 1 from membership m
                        where m.partnership_id = :partnership
                          and m.user_account_id = e.actor_user_id
                          and m.joined_at <= e.occurred_at)))
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
    return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(AuditRecord::read).list());
  }

  /**
   * The records about one object of a partnership, newest first, at most {@code most}: who looked
   * at or changed it, and when.
   */
  @Transactional(readOnly = true)
  public List<AuditRecord> about(long partnershipId, String objectType, String objectId, int most) {
    return jdbc.sql(
            """
            select * from audit_event
            where partnership_id = :p and object_type = :type and object_id = :id
            order by id desc limit :most
            """)
        .param("p", partnershipId)
        .param("type", objectType)
        .param("id", objectId)
        .param("most", most)
        .query(AuditRecord::read)
        .list();
  }
}
