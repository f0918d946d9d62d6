package org.ccrhub.security;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people hear of failed sign-ins to their account. When an address starts having to wait for
 * an account, the account holder gets a link that ends every wait on their account: by email when
 * CCR Hub sends email ({@link AccountMail}), and on screen at their next sign-in. Administrators
 * see which of their members are being tried, from how many addresses.
 */
@Service
class SignInAlerts {

  static final String UNBLOCK_PATH = "/sign-in/unblock/";

  private final JdbcClient jdbc;
  private final AccountMail mail;
  private final BaseUrl baseUrl;
  private final Clock clock;
  private final Duration linkLifetime;

  SignInAlerts(
      JdbcClient jdbc,
      AccountMail mail,
      BaseUrl baseUrl,
      Clock clock,
      @Value("${ccr.sign-in.one-time-password-lifetime:72h}") Duration linkLifetime) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.linkLifetime = linkLifetime;
  }

  /** Failed sign-ins to an account, as its holder and administrators are told of them. */
  public record FailedSignIns(
      long accountId, int failures, int addresses, int refused, Instant last, boolean waiting)
      implements Serializable {

    public String lastText() {
      return Dates.time(last);
    }
  }

  /** What the person is shown at sign-in, with the path of their unblock link. */
  public record Notice(FailedSignIns failedSignIns, String unblockPath, boolean passwordKnown)
      implements Serializable {}

  /** An address has started to wait for this account: the holder is to be told. */
  @Transactional
  void raise(Account account) {
    raise(account, false);
  }

  /**
   * The same, saying whether the failures were wrong two-factor codes after a right password: then
   * the person is told their password is known and must be changed (and told again if an alert
   * about wrong passwords only is still waiting to be shown).
   */
  @Transactional
  void raise(Account account, boolean passwordKnown) {
    Instant now = clock.instant();
    boolean raised =
        jdbc.sql(
                """
                insert into sign_in_alert as a (account_id, raised_at, password_known)
                values (:id, :now, :known)
                on conflict (account_id) do update set raised_at = :now, shown_at = null,
                    password_known = (a.shown_at is null and a.password_known) or :known
                    where a.shown_at is not null or (:known and not a.password_known)
                returning account_id
                """)
            .param("id", account.id())
            .param("now", SignInThrottle.at(now))
            .param("known", passwordKnown)
            .query(Long.class)
            .optional()
            .isPresent();
    if (raised) {
      // sent at once and never stored; it is also shown at the next sign-in
      mail.sendUnblockLink(
          account.email(),
          passwordKnown
              ? "Someone knows your CCR Hub password"
              : "Failed attempts to sign in to your CCR Hub account",
          (passwordKnown
                  ? "Someone has signed in to your CCR Hub account with your password, then"
                      + " entered wrong two-factor codes. Your password is known to someone"
                      + " else: change it now, and tell your partnership administrator. Their"
                      + " attempts are being slowed down."
                  : "Someone has tried several times to sign in to your CCR Hub account with a"
                      + " wrong password, and their attempts are being slowed down.")
              + " If you cannot sign in because of this, this link lets you in again at once.",
          baseUrl.of(UNBLOCK_PATH + newLink(account.id(), now)));
    }
  }

  /** The notice to show once at sign-in, if an address has had to wait since the last one. */
  @Transactional
  Optional<Notice> takeNotice(long accountId) {
    boolean pending =
        jdbc.sql("select count(*) from sign_in_alert where account_id = :id and shown_at is null")
                .param("id", accountId)
                .query(Long.class)
                .single()
            > 0;
    if (!pending) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<FailedSignIns> failed = failedSignIns(accountId, now);
    String token = newLink(accountId, now);
    boolean known =
        jdbc.sql("select password_known from sign_in_alert where account_id = :id")
            .param("id", accountId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    jdbc.sql("update sign_in_alert set shown_at = :now where account_id = :id")
        .param("now", SignInThrottle.at(now))
        .param("id", accountId)
        .update();
    return failed.map(f -> new Notice(f, UNBLOCK_PATH + token, known));
  }

  private String newLink(long accountId, Instant now) {
    String token = Tokens.newToken();
    jdbc.sql(
            "update sign_in_alert set token_hash = :hash, token_expires_at = :expires"
                + " where account_id = :id")
        .param("hash", Tokens.hash(token))
        .param("expires", SignInThrottle.at(now.plus(linkLifetime)))
        .param("id", accountId)
        .update();
    return token;
  }

  /** The account whose unblock link this is, while the link is valid. */
  @Transactional(readOnly = true)
  Optional<Long> accountOfLink(@Nullable String token) {
    if (token == null || !Tokens.looksLikeToken(token)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select account_id from sign_in_alert where token_hash = :hash and token_expires_at > :now")
        .param("hash", Tokens.hash(token))
        .param("now", SignInThrottle.at(clock.instant()))
        .query(Long.class)
        .optional();
  }

  /** Forgets the alert (and so its link): the waits it was about have ended. */
  @Transactional
  void dismiss(long accountId) {
    jdbc.sql("delete from sign_in_alert where account_id = :id").param("id", accountId).update();
  }

  /** Members of a partnership with failed sign-ins in the last day, most recent first. */
  @Transactional(readOnly = true)
  List<FailedSignIns> ofMembers(long partnershipId) {
    return jdbc.sql(
            select()
                + """
                  and t.account_id in (select user_account_id from membership
                                       where partnership_id = :p)
                group by t.account_id order by max(t.last_failed_at) desc
                """)
        .param("p", partnershipId)
        .param("since", SignInThrottle.at(clock.instant().minus(Duration.ofHours(24))))
        .param("now", SignInThrottle.at(clock.instant()))
        .query(SignInAlerts::failedSignIns)
        .list();
  }

  private Optional<FailedSignIns> failedSignIns(long accountId, Instant now) {
    return jdbc.sql(select() + " and t.account_id = :id group by t.account_id")
        .param("id", accountId)
        .param("since", SignInThrottle.at(now.minus(Duration.ofHours(24))))
        .param("now", SignInThrottle.at(now))
        .query(SignInAlerts::failedSignIns)
        .optional();
  }

  private static String select() {
    return """
        select t.account_id, sum(t.failures) failures, count(*) addresses, sum(t.refused) refused,
            max(t.last_failed_at) last_failed_at, bool_or(t.wait_until > :now) waiting
        from sign_in_throttle t where t.last_failed_at > :since
        """;
  }

  private static FailedSignIns failedSignIns(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new FailedSignIns(
        rs.getLong("account_id"),
        rs.getInt("failures"),
        rs.getInt("addresses"),
        rs.getInt("refused"),
        SignInThrottle.instant(rs, "last_failed_at"),
        rs.getBoolean("waiting"));
  }
}
