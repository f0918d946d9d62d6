package org.ccrhub.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down guessing without letting anyone lock another person out (ADR 12). Failures are counted
 * per client address and typed email ({@link SignInWaits} says how long that address then waits,
 * for that email only), and per address across all emails (a busy address is refused for accounts
 * that have not signed in from it). All of it is kept in PostgreSQL, so every node sees the same.
 *
 * <p>Each password that is checked and wrong is one audit record; attempts refused while waiting
 * are only counted, and each episode of waiting gets one record when it starts and one summary when
 * it ends (a successful sign-in from that address, an unblock, or a day without failures).
 *
 * <p>The same are counted for the metrics (ADR 23): {@code ccr.sign_in.failures}, episodes started
 * as {@code ccr.sign_in.throttled} and attempts refused as {@code ccr.sign_in.refused}, each of the
 * last two tagged {@code by} the address and email or the busy address alone; never by whom.
 */
@Service
class SignInThrottle {

  private static final String PROTECTION = "sign-in protection";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final SignInWaits waits;
  private final SignInAlerts alerts;
  private final Clock clock;
  private final Counter failedChecks;
  private final Counter waitsStarted;
  private final Counter addressesBusy;
  private final Counter refusedWaiting;
  private final Counter refusedBusy;

  SignInThrottle(
      JdbcClient jdbc,
      AuditTrail audit,
      SignInWaits waits,
      SignInAlerts alerts,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.waits = waits;
    this.alerts = alerts;
    this.clock = clock;
    this.failedChecks =
        Counter.builder("ccr.sign_in.failures")
            .description("Passwords and codes checked and wrong")
            .register(meters);
    this.waitsStarted = episodes(meters, "address_and_email");
    this.addressesBusy = episodes(meters, "address");
    this.refusedWaiting = refused(meters, "address_and_email");
    this.refusedBusy = refused(meters, "address");
  }

  private static Counter episodes(MeterRegistry meters, String by) {
    return Counter.builder("ccr.sign_in.throttled")
        .description("Episodes of waiting started (ADR 12: addresses wait, accounts never lock)")
        .tag("by", by)
        .register(meters);
  }

  private static Counter refused(MeterRegistry meters, String by) {
    return Counter.builder("ccr.sign_in.refused")
        .description("Sign-in attempts refused while their address waits")
        .tag("by", by)
        .register(meters);
  }

  /** Whether an attempt may have its password checked, and if not, until when it must wait. */
  record Verdict(Kind kind, @Nullable Instant until) {
    enum Kind {
      ALLOWED,
      /** This address has failed too often with this email. */
      WAIT,
      /** This address has failed too often with any emails, and this account is new to it. */
      ADDRESS_BUSY
    }

    static final Verdict ALLOWED = new Verdict(Kind.ALLOWED, null);

    boolean allowed() {
      return kind == Kind.ALLOWED;
    }

    /** Whole minutes left to wait, at least one. */
    long minutesFrom(Instant now) {
      Duration left = until == null ? Duration.ZERO : Duration.between(now, until);
      return Math.max(1, (left.toSeconds() + 59) / 60);
    }
  }

  /**
   * Before a password is checked: a refused attempt is counted on the row that refuses it, not
   * written to the audit trail.
   */
  @Transactional
  Verdict check(String address, TypedEmail email) {
    Instant now = now();
    Optional<Instant> waitUntil =
        jdbc.sql(
                "select wait_until from sign_in_throttle where address = :a and subject = :s"
                    + " and wait_until > :now")
            .param("a", address)
            .param("s", email.subject())
            .param("now", at(now))
            .query((rs, row) -> instant(rs, "wait_until"))
            .optional();
    if (waitUntil.isPresent()) {
      jdbc.sql(
              "update sign_in_throttle set refused = refused + 1 where address = :a and subject = :s")
          .param("a", address)
          .param("s", email.subject())
          .update();
      refusedWaiting.increment();
      return new Verdict(Verdict.Kind.WAIT, waitUntil.get());
    }
    Optional<AddressRow> busy =
        jdbc.sql("select * from sign_in_address where address = :a")
            .param("a", address)
            .query(SignInThrottle::addressRow)
            .optional()
            .filter(row -> waits.addressBusy(row.failures(), row.windowStartedAt(), now));
    if (busy.isEmpty() || knownAt(email, address, now)) {
      return Verdict.ALLOWED;
    }
    jdbc.sql("update sign_in_address set refused = refused + 1 where address = :a")
        .param("a", address)
        .update();
    refusedBusy.increment();
    return new Verdict(
        Verdict.Kind.ADDRESS_BUSY, waits.addressFreeAt(busy.get().windowStartedAt()));
  }

  /** Now, to the microsecond that PostgreSQL keeps, so that stored times compare exactly. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private boolean knownAt(TypedEmail email, String address, Instant now) {
    return email
        .accountId()
        .map(
            id ->
                jdbc.sql(
                            "select count(*) from sign_in_known_address where account_id = :id"
                                + " and address = :a and last_signed_in_at > :since")
                        .param("id", id)
                        .param("a", address)
                        .param("since", at(now.minus(waits.knownAddressMemory())))
                        .query(Long.class)
                        .single()
                    > 0)
        .orElse(false);
  }

  /**
   * A password that was checked and wrong (or an email with no account): recorded, counted for the
   * address and email and for the address, perhaps starting a wait.
   *
   * @param what the audit summary, e.g. "Wrong password"
   */
  @Transactional
  Verdict failed(String address, TypedEmail email, String what) {
    return failed(address, email, what, false);
  }

  /**
   * The same, saying whether the failure came after a right password (a wrong two-factor code), so
   * that the person is told their password is known.
   */
  Verdict failed(String address, TypedEmail email, String what, boolean passwordKnown) {
    Instant now = now();
    forgetOldFailures(now);
    Long accountId = email.accountId().orElse(null);
    failedChecks.increment();
    audit.recordFor(
        email.actorName(),
        accountId,
        new AuditEntry(
            "SIGN_IN_FAILED",
            "Account",
            idText(accountId),
            null,
            AuditEntry.Outcome.FAILURE,
            what));
    int failures =
        jdbc.sql(
                """
                insert into sign_in_throttle as t (address, subject, account_id, failures,
                    first_failed_at, last_failed_at)
                values (:a, :s, :account, 1, :now, :now)
                on conflict (address, subject) do update set failures = t.failures + 1,
                    last_failed_at = :now, account_id = excluded.account_id
                returning failures
                """)
            .param("a", address)
            .param("s", email.subject())
            .param("account", accountId)
            .param("now", at(now))
            .query(Integer.class)
            .single();
    addressFailed(address, now);
    Optional<Duration> wait = waits.after(failures);
    if (wait.isEmpty()) {
      return Verdict.ALLOWED;
    }
    Instant until = now.plus(wait.get());
    jdbc.sql("update sign_in_throttle set wait_until = :until where address = :a and subject = :s")
        .param("until", at(until))
        .param("a", address)
        .param("s", email.subject())
        .update();
    if (failures == waits.failuresBeforeWait()) {
      waitsStarted.increment();
      audit.recordFor(
          email.actorName(),
          accountId,
          new AuditEntry(
              "SIGN_IN_THROTTLED",
              "Account",
              idText(accountId),
              null,
              AuditEntry.Outcome.DENIED,
              "Sign-ins from "
                  + address
                  + " slowed down after "
                  + failures
                  + " failed sign-ins: the next may come in "
                  + minutes(wait.get())));
      email.account().ifPresent(a -> alerts.raise(a, passwordKnown));
    }
    return new Verdict(Verdict.Kind.WAIT, until);
  }

  private void addressFailed(String address, Instant now) {
    jdbc.sql(
            "insert into sign_in_address (address, failures, window_started_at)"
                + " values (:a, 0, :now) on conflict do nothing")
        .param("a", address)
        .param("now", at(now))
        .update();
    AddressRow row =
        jdbc.sql("select * from sign_in_address where address = :a for update")
            .param("a", address)
            .query(SignInThrottle::addressRow)
            .single();
    if (waits.windowOver(row.windowStartedAt(), now)) {
      summariseAddress(row, "its window ended");
      jdbc.sql(
              "update sign_in_address set failures = 1, refused = 0, window_started_at = :now"
                  + " where address = :a")
          .param("now", at(now))
          .param("a", address)
          .update();
      return;
    }
    jdbc.sql("update sign_in_address set failures = failures + 1 where address = :a")
        .param("a", address)
        .update();
    if (waits.startsAddressEpisode(row.failures() + 1)) {
      addressesBusy.increment();
      audit.recordFor(
          PROTECTION,
          null,
          new AuditEntry(
              "SIGN_IN_ADDRESS_BUSY",
              "Address",
              address,
              null,
              AuditEntry.Outcome.DENIED,
              address
                  + " refused for accounts that have not signed in from it, after "
                  + (row.failures() + 1)
                  + " failed sign-ins since "
                  + Dates.time(row.windowStartedAt())));
    }
  }

  /** A successful sign-in ends the waiting of its address for that account. */
  @Transactional
  void succeeded(String address, Account account, TypedEmail email) {
    Instant now = now();
    jdbc.sql("delete from sign_in_throttle where address = :a and subject = :s returning *")
        .param("a", address)
        .param("s", email.subject())
        .query(SignInThrottle::pairRow)
        .list()
        .forEach(row -> summarise(row, account.email(), "ended by a successful sign-in"));
    jdbc.sql(
            """
            insert into sign_in_known_address (account_id, address, last_signed_in_at)
            values (:id, :a, :now)
            on conflict (account_id, address) do update set last_signed_in_at = :now
            """)
        .param("id", account.id())
        .param("a", address)
        .param("now", at(now))
        .update();
  }

  /** Ends every wait on an account, from any address (an unblock link or an administrator). */
  @Transactional
  void clear(Account account, String byWhom) {
    jdbc.sql("delete from sign_in_throttle where account_id = :id returning *")
        .param("id", account.id())
        .query(SignInThrottle::pairRow)
        .list()
        .forEach(row -> summarise(row, account.email(), "ended " + byWhom));
    alerts.dismiss(account.id());
  }

  /** Failures a day old are forgotten, each episode with its summary (a few at a time). */
  private void forgetOldFailures(Instant now) {
    OffsetDateTime cutoff = at(now.minus(waits.memory()));
    jdbc.sql(
            """
            delete from sign_in_throttle t using (
                select address, subject from sign_in_throttle
                where last_failed_at < :cutoff and (wait_until is null or wait_until < :now)
                order by last_failed_at limit 50 for update skip locked) old
            where t.address = old.address and t.subject = old.subject
            returning t.*, (select email from user_account a where a.id = t.account_id) email
            """)
        .param("cutoff", cutoff)
        .param("now", at(now))
        .query(
            (rs, row) -> {
              PairRow pair = pairRow(rs, row);
              String email = rs.getString("email");
              return java.util.Map.entry(
                  pair, email != null ? email : "unknown email " + pair.subject().substring(0, 16));
            })
        .list()
        .forEach(e -> summarise(e.getKey(), e.getValue(), "after a day without failures"));
    jdbc.sql(
            """
            delete from sign_in_address where address in (
                select address from sign_in_address where window_started_at < :cutoff
                order by window_started_at limit 50 for update skip locked)
            returning *
            """)
        .param("cutoff", cutoff)
        .query(SignInThrottle::addressRow)
        .list()
        .forEach(row -> summariseAddress(row, "a day passed"));
  }

  private void summarise(PairRow row, String actor, String how) {
    if (row.failures() < waits.failuresBeforeWait() && row.refused() == 0) {
      return;
    }
    audit.recordFor(
        actor,
        row.accountId(),
        new AuditEntry(
            "SIGN_IN_THROTTLE_ENDED",
            "Account",
            idText(row.accountId()),
            null,
            AuditEntry.Outcome.DENIED,
            "Slowing down of sign-ins from "
                + row.address()
                + " "
                + how
                + ": "
                + row.failures()
                + " failed and "
                + row.refused()
                + " refused while waiting, from "
                + Dates.time(row.firstFailedAt())
                + " to "
                + Dates.time(row.lastFailedAt())));
  }

  private void summariseAddress(AddressRow row, String how) {
    if (row.failures() < waits.maxFailuresPerAddress()) {
      return;
    }
    audit.recordFor(
        PROTECTION,
        null,
        new AuditEntry(
            "SIGN_IN_ADDRESS_BUSY_ENDED",
            "Address",
            row.address(),
            null,
            AuditEntry.Outcome.DENIED,
            row.address()
                + " no longer busy ("
                + how
                + "): "
                + row.failures()
                + " failed and "
                + row.refused()
                + " refused from "
                + Dates.time(row.windowStartedAt())));
  }

  private record PairRow(
      String address,
      String subject,
      @Nullable Long accountId,
      int failures,
      int refused,
      Instant firstFailedAt,
      Instant lastFailedAt) {}

  private record AddressRow(String address, int failures, int refused, Instant windowStartedAt) {}

  private static PairRow pairRow(ResultSet rs, int row) throws SQLException {
    return new PairRow(
        rs.getString("address"),
        rs.getString("subject"),
        (Long) rs.getObject("account_id"),
        rs.getInt("failures"),
        rs.getInt("refused"),
        instant(rs, "first_failed_at"),
        instant(rs, "last_failed_at"));
  }

  private static AddressRow addressRow(ResultSet rs, int row) throws SQLException {
    return new AddressRow(
        rs.getString("address"),
        rs.getInt("failures"),
        rs.getInt("refused"),
        instant(rs, "window_started_at"));
  }

  static String minutes(Duration duration) {
    long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  private static @Nullable String idText(@Nullable Long id) {
    return id == null ? null : id.toString();
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
