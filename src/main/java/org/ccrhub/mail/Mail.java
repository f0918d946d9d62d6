package org.ccrhub.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way CCR Hub sends email. A message is queued in the caller's transaction, so it exists
 * exactly when what it is about was committed; a delivery job on every node then sends what is due
 * (ADR 14). With no mail server configured a message goes straight to the outbox, where
 * administrators read it: nothing is lost silently.
 */
@Service
public class Mail {

  private static final Logger LOG = LoggerFactory.getLogger(Mail.class);

  private final JdbcClient jdbc;
  private final Channel channel;
  private final Clock clock;
  private final TransactionTemplate eachMessage;

  Mail(JdbcClient jdbc, Channel channel, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.channel = channel;
    this.clock = clock;
    this.eachMessage = new TransactionTemplate(transactions);
    this.eachMessage.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Whether this installation sends email (SMTP or GOV.UK Notify), rather than keeping it. */
  public boolean canSend() {
    return channel.sends();
  }

  /** How email leaves, in words: "SMTP", "GOV.UK Notify", or empty when it is kept. */
  public Optional<String> sentThrough() {
    return channel.sends() ? Optional.of(channel.name()) : Optional.empty();
  }

  /**
   * Queues a message, in the caller's transaction: to be sent within a minute or so, or kept in the
   * outbox when no mail server is configured.
   *
   * @return its id
   */
  @Transactional
  public long queue(Message message) {
    Instant now = clock.instant();
    MailStatus status = channel.sends() ? MailStatus.PENDING : MailStatus.OUTBOX;
    return jdbc.sql(
            """
            insert into mail_message (partnership_id, recipient, template, subject, body, actions,
                status, next_attempt_at, created_at)
            values (:p, :to, :template, :subject, :body, :actions, :status, :next, :now)
            returning id
            """)
        .param("p", message.partnershipId())
        .param("to", message.to())
        .param("template", message.template())
        .param("subject", message.subject())
        .param("body", message.body())
        .param("actions", message.actions())
        .param("status", status.name())
        .param("next", status == MailStatus.PENDING ? at(now) : null)
        .param("now", at(now))
        .query(Long.class)
        .single();
  }

  /**
   * Sends every message due now, each in a transaction of its own that locks its row while it is
   * sent ({@code for update skip locked}), so that two nodes never send one message twice. A
   * failure is recorded and tried again later ({@link Attempt}). Nothing happens on a node that
   * cannot send.
   *
   * @return how many were sent
   */
  public int deliverPending() {
    if (!channel.sends()) {
      return 0;
    }
    int sent = 0;
    while (true) {
      @Nullable Boolean delivered = eachMessage.execute(status -> deliverNext());
      if (delivered == null) {
        return sent;
      }
      if (delivered) {
        sent++;
      }
    }
  }

  /** Sends the next message due, if any: true when sent, false when not, null when none is due. */
  private @Nullable Boolean deliverNext() {
    Optional<Due> found =
        jdbc.sql(
                """
                select id, recipient, template, subject, body, attempts from mail_message
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id limit 1
                for update skip locked
                """)
            .param("now", at(clock.instant()))
            .query(Mail::due)
            .optional();
    if (found.isEmpty()) {
      return null;
    }
    Due due = found.get();
    Instant now = clock.instant();
    Optional<DeliveryFailure> failure = trySend(due.envelope());
    Attempt attempt =
        failure.isEmpty()
            ? Attempt.sent(due.attempts(), now)
            : Attempt.failed(due.attempts(), failure.get(), now);
    failure.ifPresent(
        f ->
            LOG.warn(
                "Email message {} not sent at attempt {} of {}: {}; {}",
                due.envelope().id(),
                attempt.attempts(),
                Attempt.MAX_ATTEMPTS,
                f.reason(),
                attempt.nextAttemptAt() == null
                    ? "it will not be tried again"
                    : "trying again later"));
    jdbc.sql(
            """
            update mail_message set status = :status, attempts = :attempts,
                last_attempt_at = :at, next_attempt_at = :next, sent_at = :sent,
                last_error = :error
            where id = :id
            """)
        .param("status", attempt.status().name())
        .param("attempts", attempt.attempts())
        .param("at", at(attempt.at()))
        .param("next", attempt.nextAttemptAt() == null ? null : at(attempt.nextAttemptAt()))
        .param("sent", attempt.sentAt() == null ? null : at(attempt.sentAt()))
        .param("error", attempt.lastError())
        .param("id", due.envelope().id())
        .update();
    return attempt.status() == MailStatus.SENT;
  }

  /**
   * Sends a message at once, outside the queue, and records the outcome in a transaction of its own
   * (so that the record stays whatever becomes of the caller's): for one-time links, which must
   * never be stored. The record keeps {@code recordedBody} instead of the body sent. Not tried
   * again: the person is shown the link on screen instead.
   *
   * @return true when sent
   */
  boolean sendAtOnce(
      @Nullable Long partnershipId,
      String to,
      String template,
      String subject,
      String body,
      String recordedBody) {
    Optional<DeliveryFailure> failure =
        trySend(new Channel.Envelope(null, to, template, subject, body));
    Instant now = clock.instant();
    failure.ifPresent(
        f -> LOG.warn("Email with a one-time link ({}) not sent: {}", template, f.reason()));
    eachMessage.executeWithoutResult(
        tx ->
            jdbc.sql(
                    """
                    insert into mail_message (partnership_id, recipient, template, subject, body,
                        status, attempts, created_at, last_attempt_at, sent_at, last_error)
                    values (:p, :to, :template, :subject, :body, :status, 1, :at, :at, :sent,
                        :error)
                    """)
                .param("p", partnershipId)
                .param("to", to)
                .param("template", template)
                .param("subject", subject)
                .param("body", recordedBody)
                .param("status", failure.isEmpty() ? "SENT" : "FAILED")
                .param("at", at(now))
                .param("sent", failure.isEmpty() ? at(now) : null)
                .param("error", failure.map(DeliveryFailure::reason).orElse(null))
                .update());
    return failure.isEmpty();
  }

  /** Tries to send it once: empty when sent, else why not. */
  private Optional<DeliveryFailure> trySend(Channel.Envelope envelope) {
    try {
      channel.send(envelope);
      return Optional.empty();
    } catch (DeliveryFailure e) {
      return Optional.of(e);
    } catch (RuntimeException e) {
      // its message may hold the address: the log gets the kind of exception only
      LOG.error(
          "Sending email message {} failed unexpectedly ({})",
          envelope.id() == null ? "(one-time link)" : envelope.id(),
          e.getClass().getName());
      return Optional.of(DeliveryFailure.temporary("Sending failed unexpectedly"));
    }
  }

  private record Due(Channel.Envelope envelope, int attempts) {}

  private static Due due(ResultSet rs, int row) throws SQLException {
    return new Due(
        new Channel.Envelope(
            rs.getLong("id"),
            rs.getString("recipient"),
            rs.getString("template"),
            rs.getString("subject"),
            rs.getString("body")),
        rs.getInt("attempts"));
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
