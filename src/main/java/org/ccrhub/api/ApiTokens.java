package org.ccrhub.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens (ADR 21). A token is {@code ccr_} and 32 random bytes in base64url; only
 * its SHA-256 is kept (a slow hash buys nothing for 256 random bits and would cost every request),
 * so the database alone cannot call the API. A token acts as its user, with the roles they hold at
 * each request, in the one partnership it was made for, until it expires (at most a year) or is
 * revoked by its owner or one of the partnership's administrators.
 */
@Service
public class ApiTokens {

  public static final String PREFIX = "ccr_";
  public static final int DEFAULT_DAYS = 90;
  public static final int MOST_DAYS = 365;
  public static final int MOST_NAME_LENGTH = 100;

  private static final Pattern TOKEN = Pattern.compile("ccr_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Partnerships partnerships;
  private final AuditTrail audit;
  private final Clock clock;

  ApiTokens(
      JdbcClient jdbc,
      Accounts accounts,
      Partnerships partnerships,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.partnerships = partnerships;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Makes a token for a member of the partnership, valid for the given number of days (1 to 365),
   * and returns it with its secret, which exists nowhere else.
   */
  @Transactional
  public NewApiToken create(Partnership partnership, long accountId, String name, int days) {
    String checkedName = checkName(name);
    checkDays(days);
    Member member =
        accounts
            .findMember(partnership.id(), accountId)
            .orElseThrow(() -> new NotFoundException("Member"));
    String secret = PREFIX + randomPart();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant expires = now.plus(Duration.ofDays(days));
    long id =
        jdbc.sql(
                """
                insert into api_token (partnership_id, user_account_id, name, token_hash, prefix,
                    created_at, expires_at)
                values (:p, :a, :name, :hash, :prefix, :created, :expires) returning id
                """)
            .param("p", partnership.id())
            .param("a", accountId)
            .param("name", checkedName)
            .param("hash", hash(secret))
            .param("prefix", secret.substring(PREFIX.length(), PREFIX.length() + 8))
            .param("created", utc(now))
            .param("expires", utc(expires))
            .query(Long.class)
            .single();
    ApiToken token = find(partnership, id).orElseThrow();
    audit.record(
        AuditEntry.success(
            "API_TOKEN_CREATED",
            "ApiToken",
            id,
            partnership.id(),
            "Created API token '"
                + checkedName
                + "' ("
                + token.shownAs()
                + ") for "
                + member.email()
                + ", expiring "
                + Dates.date(token.expiresAt())));
    return new NewApiToken(token, secret);
  }

  /** For the command line: a token for the member with this email. */
  @Transactional
  public NewApiToken create(Partnership partnership, String email, String name, int days) {
    String wanted = email.trim().toLowerCase(java.util.Locale.ROOT);
    Member member =
        accounts.members(partnership.id()).stream()
            .filter(m -> m.email().equals(wanted))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(email + " is not a member of " + partnership.slug()));
    return create(partnership, member.accountId(), name, days);
  }

  /** A person's own tokens in a partnership, the newest first. */
  @Transactional(readOnly = true)
  public List<ApiToken> ownTokens(Partnership partnership, long accountId) {
    return tokens(partnership, "and t.user_account_id = :a", accountId);
  }

  /** Every token of the partnership, the newest first: for its administrators and the operator. */
  @Transactional(readOnly = true)
  public List<ApiToken> partnershipTokens(Partnership partnership) {
    return tokens(partnership, "", null);
  }

  /**
   * Revokes a token: its owner may, and so may an administrator of its partnership (their role read
   * now). Anyone else is told it was not found. Revoking a revoked token changes nothing.
   */
  @Transactional
  public ApiToken revoke(Partnership partnership, long tokenId, long byAccountId) {
    ApiToken token = find(partnership, tokenId).orElseThrow(() -> new NotFoundException("Token"));
    if (token.accountId() != byAccountId
        && !accounts.rolesIn(byAccountId, partnership.id()).contains(Role.PARTNERSHIP_ADMIN)) {
      throw new NotFoundException("Token");
    }
    return markRevoked(partnership, token, byAccountId);
  }

  /** The operator revokes a token from the command line. */
  @Transactional
  public ApiToken revokeFromCommandLine(Partnership partnership, long tokenId) {
    ApiToken token = find(partnership, tokenId).orElseThrow(() -> new NotFoundException("Token"));
    return markRevoked(partnership, token, null);
  }

  private ApiToken markRevoked(Partnership partnership, ApiToken token, @Nullable Long by) {
    if (token.revokedAt() != null) {
      return token;
    }
    jdbc.sql(
            """
            update api_token set revoked_at = greatest(:now, created_at), revoked_by = :by
            where id = :id and revoked_at is null
            """)
        .param("now", utc(clock.instant()))
        .param("by", by)
        .param("id", token.id())
        .update();
    audit.record(
        AuditEntry.success(
            "API_TOKEN_REVOKED",
            "ApiToken",
            token.id(),
            partnership.id(),
            "Revoked API token '"
                + token.name()
                + "' ("
                + token.shownAs()
                + ") of "
                + token.ownerEmail()));
    return find(partnership, token.id()).orElseThrow();
  }

  /**
   * The caller a token stands for, with the roles its user holds now in its partnership; empty for
   * anything that is not a live token (unknown, expired, revoked) or whose user has no role left
   * there. The first use of each day (UK time) is recorded on the token and in the audit trail.
   */
  @Transactional
  public Optional<ApiCaller> authenticate(@Nullable String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<TokenRow> row =
        jdbc.sql(
                """
                select id, partnership_id, user_account_id, name from api_token
                where token_hash = :hash and revoked_at is null and expires_at > :now
                """)
            .param("hash", hash(token))
            .param("now", utc(now))
            .query(
                (rs, n) ->
                    new TokenRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
            .optional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    TokenRow t = row.get();
    Optional<Member> member = accounts.findMember(t.partnershipId(), t.accountId());
    Optional<Partnership> partnership =
        partnerships.findAllById(List.of(t.partnershipId())).stream().findFirst();
    if (member.isEmpty() || member.get().roles().isEmpty() || partnership.isEmpty()) {
      return Optional.empty();
    }
    ApiCaller caller =
        new ApiCaller(
            t.accountId(),
            member.get().email(),
            member.get().displayName(),
            partnership.get(),
            member.get().roles(),
            t.id(),
            t.name());
    recordFirstUseToday(caller, now);
    return Optional.of(caller);
  }

  /** One update a day per token: the request that moves the day on records the use. */
  private void recordFirstUseToday(ApiCaller caller, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, Dates.UK);
    int changed =
        jdbc.sql(
                """
                update api_token set last_used_on = :today
                where id = :id and (last_used_on is null or last_used_on < :today)
                """)
            .param("today", today)
            .param("id", caller.tokenId())
            .update();
    if (changed == 1) {
      audit.recordFor(
          caller.actorName(),
          caller.accountId(),
          AuditEntry.success(
              "API_TOKEN_USED",
              "ApiToken",
              caller.tokenId(),
              caller.partnership().id(),
              "First use today of API token '" + caller.tokenName() + "'"));
    }
  }

  private Optional<ApiToken> find(Partnership partnership, long id) {
    return tokens(partnership, "and t.id = :a", id).stream().findFirst();
  }

  private List<ApiToken> tokens(Partnership partnership, String condition, @Nullable Long value) {
    Map<Long, Member> members =
        accounts.members(partnership.id()).stream()
            .collect(Collectors.toMap(Member::accountId, Function.identity()));
    var query =
        jdbc.sql(
                """
                select t.id, t.user_account_id, t.name, t.prefix, t.created_at, t.expires_at,
                    t.revoked_at, t.last_used_on
                from api_token t where t.partnership_id = :p %s
                order by t.created_at desc, t.id desc
                """
                    .formatted(condition))
            .param("p", partnership.id());
    if (value != null) {
      query = query.param("a", value);
    }
    return query
        .query(
            (ResultSet rs, int n) -> {
              long accountId = rs.getLong(2);
              Member owner = members.get(accountId);
              return new ApiToken(
                  rs.getLong(1),
                  partnership.id(),
                  accountId,
                  owner == null ? "A former member" : owner.displayName(),
                  owner == null ? "a former member" : owner.email(),
                  rs.getString(3),
                  rs.getString(4),
                  instant(rs, 5),
                  instant(rs, 6),
                  rs.getObject(7) == null ? null : instant(rs, 7),
                  rs.getObject(8, LocalDate.class));
            })
        .list();
  }

  static String checkName(@Nullable String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw new InvalidInputException("Enter a name for the token");
    }
    if (stripped.length() > MOST_NAME_LENGTH) {
      throw new InvalidInputException(
          "The token's name must be " + MOST_NAME_LENGTH + " characters or fewer");
    }
    return stripped;
  }

  static void checkDays(int days) {
    if (days < 1 || days > MOST_DAYS) {
      throw new InvalidInputException(
          "The number of days must be a whole number from 1 to " + MOST_DAYS);
    }
  }

  /** The stored form of a token: the SHA-256 of the whole token, in hex. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  private static String randomPart() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private record TokenRow(long id, long partnershipId, long accountId, String name) {}
}
