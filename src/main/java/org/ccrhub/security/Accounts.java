package org.ccrhub.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, their roles in partnerships, and what happens when they sign in. */
@Service
public class Accounts {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;
  private final PasswordPolicy passwordPolicy;
  private final Partnerships partnerships;
  private final PersonAccounts personAccounts;
  private final AuditTrail audit;
  private final SignInThrottle throttle;
  private final SignInAlerts alerts;
  private final Clock clock;
  private final Duration oneTimePasswordLifetime;

  Accounts(
      JdbcClient jdbc,
      PasswordEncoder passwordEncoder,
      PasswordPolicy passwordPolicy,
      Partnerships partnerships,
      PersonAccounts personAccounts,
      AuditTrail audit,
      SignInThrottle throttle,
      SignInAlerts alerts,
      Clock clock,
      @Value("${ccr.sign-in.one-time-password-lifetime:72h}") Duration oneTimePasswordLifetime) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.passwordPolicy = passwordPolicy;
    this.partnerships = partnerships;
    this.personAccounts = personAccounts;
    this.audit = audit;
    this.throttle = throttle;
    this.alerts = alerts;
    this.clock = clock;
    this.oneTimePasswordLifetime = oneTimePasswordLifetime;
  }

  /**
   * Gives a person a role in a partnership, creating their account if they have none. A new account
   * gets the given password, or a one-time password that must be changed at first sign-in.
   */
  @Transactional
  public NewAccount addMember(
      String partnershipSlug, String email, String name, Role role, @Nullable String password) {
    Partnership partnership = partnerships.named(partnershipSlug);
    return addMember(partnership, email, name, Set.of(role), password);
  }

  @Transactional
  public NewAccount addMember(
      Partnership partnership, String email, String name, Role role, @Nullable String password) {
    return addMember(partnership, email, name, Set.of(role), password);
  }

  /**
   * Gives a person roles in a partnership, creating their account if they have none. A new account
   * gets the given password, or a one-time password that must be changed at first sign-in. An
   * existing account keeps its name and password. An account with no person in the partnership's
   * directory is linked to the person with its email, if one has no account yet.
   */
  @Transactional
  public NewAccount addMember(
      Partnership partnership,
      String email,
      String name,
      Set<Role> roles,
      @Nullable String password) {
    String normalisedEmail = checkEmail(email);
    if (roles.isEmpty()) {
      throw new InvalidInputException("Select at least one role");
    }
    Optional<Account> existing = findByEmail(normalisedEmail);
    long accountId;
    Optional<String> oneTimePassword = Optional.empty();
    if (existing.isPresent()) {
      accountId = existing.get().id();
      if (rolesIn(accountId, partnership.id()).containsAll(roles)) {
        throw new InvalidInputException(
            normalisedEmail
                + " already has the role "
                + roles.stream()
                    .map(Role::name)
                    .sorted()
                    .collect(java.util.stream.Collectors.joining(", "))
                + " in "
                + partnership.slug());
      }
    } else {
      String displayName = checkName(name);
      if (password != null) {
        List<String> problems = passwordPolicy.problems(password, normalisedEmail);
        if (!problems.isEmpty()) {
          throw new InvalidInputException(String.join("; ", problems));
        }
      }
      String chosen = password == null ? oneTimePassword() : password;
      if (password == null) {
        oneTimePassword = Optional.of(chosen);
      }
      accountId =
          jdbc.sql(
                  """
                  insert into user_account (email, display_name, password_hash,
                      must_change_password, one_time_password_expires_at)
                  values (:email, :name, :hash, :mustChange, :expires) returning id
                  """)
              .param("email", normalisedEmail)
              .param("name", displayName)
              .param("hash", passwordEncoder.encode(chosen))
              .param("mustChange", password == null)
              .param("expires", password == null ? oneTimePasswordExpiry() : null)
              .query(Long.class)
              .single();
      audit.record(
          AuditEntry.success(
              "CREATE",
              "Account",
              accountId,
              partnership.id(),
              "Created account " + normalisedEmail));
    }
    Set<Role> held = rolesIn(accountId, partnership.id());
    for (Role role : roles) {
      if (!held.contains(role)) {
        grant(partnership.id(), accountId, role, normalisedEmail);
      }
    }
    personAccounts.linkByEmail(partnership, accountId, normalisedEmail);
    return new NewAccount(accountId, normalisedEmail, existing.isEmpty(), oneTimePassword);
  }

  /**
   * For the demo only: makes sure a demo account exists with the role and gives it a new random
   * password, which is returned so that the demo can print it once.
   */
  @Transactional
  public String demoPassword(Partnership partnership, String email, String name, Role role) {
    String password = oneTimePassword();
    Optional<Account> existing = findByEmail(email);
    if (existing.isEmpty()) {
      addMember(partnership, email, name, Set.of(role), password);
      return password;
    }
    long accountId = existing.get().id();
    jdbc.sql(
            """
            update user_account set password_hash = :hash, must_change_password = false,
                one_time_password_expires_at = null where id = :id
            """)
        .param("hash", passwordEncoder.encode(password))
        .param("id", accountId)
        .update();
    audit.record(
        AuditEntry.success(
            "PASSWORD_CHANGED", "Account", accountId, partnership.id(), "Demo password renewed"));
    ensureRole(partnership, email, role);
    return password;
  }

  /** Gives an existing account a role if it does not have it yet. */
  @Transactional
  public void ensureRole(Partnership partnership, String email, Role role) {
    Account account =
        findByEmail(email).orElseThrow(() -> new InvalidInputException("No account " + email));
    if (!rolesIn(account.id(), partnership.id()).contains(role)) {
      grant(partnership.id(), account.id(), role, account.email());
    }
  }

  private void grant(long partnershipId, long accountId, Role role, String email) {
    jdbc.sql(
            """
            insert into membership (user_account_id, partnership_id, role)
            values (:account, :partnership, :role) on conflict do nothing
            """)
        .param("account", accountId)
        .param("partnership", partnershipId)
        .param("role", role.name())
        .update();
    audit.record(
        AuditEntry.success(
            "ROLE_GRANTED",
            "Account",
            accountId,
            partnershipId,
            email + " given role " + role.name()));
  }

  /** Sets a member's roles in a partnership to exactly these. */
  @Transactional
  public void changeRoles(long partnershipId, long accountId, Set<Role> roles) {
    Member member = member(partnershipId, accountId);
    if (roles.isEmpty()) {
      throw new InvalidInputException("Select at least one role");
    }
    for (Role role : roles) {
      if (!member.roles().contains(role)) {
        grant(partnershipId, accountId, role, member.email());
      }
    }
    for (Role role : member.roles()) {
      if (!roles.contains(role)) {
        revoke(partnershipId, accountId, role, member.email());
      }
    }
  }

  /**
   * Removes a member from a partnership (the account stays, for its other partnerships), and its
   * link to a person of the partnership's directory.
   */
  @Transactional
  public void removeMember(long partnershipId, long accountId) {
    Member member = member(partnershipId, accountId);
    for (Role role : member.roles()) {
      revoke(partnershipId, accountId, role, member.email());
    }
    personAccounts.unlink(partnershipId, accountId);
  }

  private void revoke(long partnershipId, long accountId, Role role, String email) {
    if (role == Role.PARTNERSHIP_ADMIN) {
      long admins =
          jdbc.sql(
                  "select count(*) from membership where partnership_id = :p and role = 'PARTNERSHIP_ADMIN'")
              .param("p", partnershipId)
              .query(Long.class)
              .single();
      if (admins <= 1) {
        throw new InvalidInputException(
            "A partnership needs at least one administrator: give the role to someone else first");
      }
    }
    jdbc.sql(
            "delete from membership where user_account_id = :a and partnership_id = :p and role = :r")
        .param("a", accountId)
        .param("p", partnershipId)
        .param("r", role.name())
        .update();
    audit.record(
        AuditEntry.success(
            "ROLE_REVOKED",
            "Account",
            accountId,
            partnershipId,
            email + " lost role " + role.name()));
  }

  /** An administrator ends every wait on a member's account, from every address. */
  @Transactional
  public void unblock(long partnershipId, long accountId) {
    member(partnershipId, accountId);
    Account account = findById(accountId).orElseThrow(() -> new NotFoundException("Account"));
    throttle.clear(account, "by an administrator");
    audit.record(
        AuditEntry.success(
            "SIGN_IN_UNBLOCKED",
            "Account",
            accountId,
            partnershipId,
            "Ended the waits on sign-ins to " + account.email()));
  }

  /** Whether an unblock link (given to the account holder after failed sign-ins) still works. */
  @Transactional(readOnly = true)
  public boolean unblockLinkIsValid(String token) {
    return alerts.accountOfLink(token).isPresent();
  }

  /**
   * The account holder follows their unblock link: every wait on their account ends, and the audit
   * trail, which their administrators read, records that they did it.
   *
   * @return false when the link is not (or no longer) valid
   */
  @Transactional
  public boolean unblockWithLink(String token) {
    Optional<Account> account = alerts.accountOfLink(token).flatMap(this::findById);
    account.ifPresent(
        a -> {
          throttle.clear(a, "by the account holder's unblock link");
          audit.recordFor(
              a.email(),
              a.id(),
              new AuditEntry(
                  "SIGN_IN_UNBLOCKED",
                  "Account",
                  String.valueOf(a.id()),
                  null,
                  AuditEntry.Outcome.SUCCESS,
                  "The account holder ended the waits on their sign-ins with their unblock link"));
        });
    return account.isPresent();
  }

  /**
   * Gives a member who has not yet chosen their password a new one-time password (the old one may
   * have expired). Refused for anyone who has chosen their own, and for anyone who also belongs to
   * another partnership, whose administrators this one is not.
   */
  @Transactional
  public String renewOneTimePassword(long partnershipId, long accountId) {
    Member member = member(partnershipId, accountId);
    if (!member.hasOneTimePassword()) {
      throw new InvalidInputException(
          member.email() + " has chosen their own password: only they can change it");
    }
    if (partnershipsOf(accountId).size() > 1) {
      throw new InvalidInputException(
          member.email()
              + " also belongs to another partnership: ask your CCR Hub operator for a new"
              + " one-time password");
    }
    String password = oneTimePassword();
    jdbc.sql(
            """
            update user_account set password_hash = :hash, one_time_password_expires_at = :expires
            where id = :id and must_change_password
            """)
        .param("hash", passwordEncoder.encode(password))
        .param("expires", oneTimePasswordExpiry())
        .param("id", accountId)
        .update();
    audit.record(
        AuditEntry.success(
            "ONE_TIME_PASSWORD_ISSUED",
            "Account",
            accountId,
            partnershipId,
            "New one-time password for " + member.email()));
    return password;
  }

  private OffsetDateTime oneTimePasswordExpiry() {
    return OffsetDateTime.ofInstant(clock.instant().plus(oneTimePasswordLifetime), ZoneOffset.UTC);
  }

  /** Changes a password after checking the current one and the password rules. */
  @Transactional
  public void changePassword(long accountId, String currentPassword, String newPassword) {
    Account account = findById(accountId).orElseThrow(() -> new NotFoundException("Account"));
    if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
      throw new PasswordRejectedException("currentPassword", "Your current password is wrong");
    }
    List<String> problems = passwordPolicy.problems(newPassword, account.email());
    if (!problems.isEmpty()) {
      throw new PasswordRejectedException("newPassword", problems.get(0));
    }
    if (passwordEncoder.matches(newPassword, account.passwordHash())) {
      throw new PasswordRejectedException(
          "newPassword", "Your new password must be different from your current one");
    }
    jdbc.sql(
            """
            update user_account set password_hash = :hash, must_change_password = false,
                one_time_password_expires_at = null where id = :id
            """)
        .param("hash", passwordEncoder.encode(newPassword))
        .param("id", accountId)
        .update();
    audit.record(
        AuditEntry.success("PASSWORD_CHANGED", "Account", accountId, null, "Password changed"));
  }

  /** A successful sign-in clears the count of failures. */
  @Transactional
  public void signedIn(long accountId, String email) {
    signedIn(accountId, email, "Signed in");
  }

  /**
   * A successful sign-in, recorded with how it was made, e.g. "Signed in with a two-factor code".
   */
  @Transactional
  void signedIn(long accountId, String email, String how) {
    jdbc.sql(
            """
            update user_account set last_signed_in_at = :now where id = :id
            """)
        .param("now", OffsetDateTime.now(clock))
        .param("id", accountId)
        .update();
    audit.recordFor(
        email,
        accountId,
        new AuditEntry(
            "SIGN_IN",
            "Account",
            String.valueOf(accountId),
            null,
            AuditEntry.Outcome.SUCCESS,
            how));
  }

  @Transactional(readOnly = true)
  Optional<Account> findByEmail(String email) {
    return jdbc.sql("select * from user_account where email = :email")
        .param("email", email.trim().toLowerCase(Locale.ROOT))
        .query(this::mapAccount)
        .optional();
  }

  @Transactional(readOnly = true)
  Optional<Account> findById(long id) {
    return jdbc.sql("select * from user_account where id = :id")
        .param("id", id)
        .query(this::mapAccount)
        .optional();
  }

  /** The partnerships in which an account has any role, by name (one statement, on every page). */
  public List<Partnership> partnershipsOf(long accountId) {
    return jdbc.sql(
            """
            select distinct p.id, p.slug, p.name from membership m
            join partnership p on p.id = m.partnership_id
            where m.user_account_id = :account order by p.name
            """)
        .param("account", accountId)
        .query(Partnership.class)
        .list();
  }

  /**
   * A partnership by slug with the account's roles in it: empty when it has none there. One
   * statement, on every request to a partnership's pages, so without a transaction around it.
   */
  Optional<Map.Entry<Partnership, Set<Role>>> access(long accountId, String slug) {
    Map<Partnership, Set<Role>> access = new LinkedHashMap<>();
    jdbc.sql(
            """
            select p.id, p.slug, p.name, m.role from partnership p
            join membership m on m.partnership_id = p.id
            where p.slug = :slug and m.user_account_id = :account
            """)
        .param("slug", slug)
        .param("account", accountId)
        .query(
            (ResultSet rs) -> {
              access
                  .computeIfAbsent(
                      new Partnership(rs.getLong(1), rs.getString(2), rs.getString(3)),
                      k -> EnumSet.noneOf(Role.class))
                  .add(Role.valueOf(rs.getString(4)));
            });
    return access.entrySet().stream().findFirst();
  }

  @Transactional(readOnly = true)
  public Set<Role> rolesIn(long accountId, long partnershipId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("select role from membership where user_account_id = :a and partnership_id = :p")
        .param("a", accountId)
        .param("p", partnershipId)
        .query(String.class)
        .list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    return roles;
  }

  /**
   * Whether the account has set up two-factor sign-in. Every session of such an account has passed
   * both steps (ADR 17), so this says whether the person in front of the page proved both.
   */
  public boolean hasTwoFactor(long accountId) {
    return jdbc.sql("select exists (select 1 from two_factor where account_id = :a)")
        .param("a", accountId)
        .query(Boolean.class)
        .single();
  }

  /** The members of a partnership, by name. */
  @Transactional(readOnly = true)
  public List<Member> members(long partnershipId) {
    Map<Long, Member> members = new LinkedHashMap<>();
    jdbc.sql(
            """
            select a.id, a.email, a.display_name, a.last_signed_in_at,
                case when a.must_change_password then a.one_time_password_expires_at end, m.role
            from membership m join user_account a on a.id = m.user_account_id
            where m.partnership_id = :p order by lower(a.display_name), a.email, m.role
            """)
        .param("p", partnershipId)
        .query(
            (ResultSet rs) -> {
              long id = rs.getLong(1);
              if (!members.containsKey(id)) {
                members.put(
                    id,
                    new Member(
                        id,
                        rs.getString(2),
                        rs.getString(3),
                        EnumSet.noneOf(Role.class),
                        instant(rs, 4),
                        instant(rs, 5)));
              }
              members.get(id).roles().add(Role.valueOf(rs.getString(6)));
            });
    return new ArrayList<>(members.values());
  }

  /** How the partnership's members are signing in: counts only, for its administrators. */
  @Transactional(readOnly = true)
  public SignInSummary signInSummary(long partnershipId) {
    List<SignInAlerts.FailedSignIns> failing = alerts.ofMembers(partnershipId);
    int neverSignedIn =
        jdbc.sql(
                """
                select count(*) from user_account a
                where a.last_signed_in_at is null
                  and a.id in (select user_account_id from membership where partnership_id = :p)
                """)
            .param("p", partnershipId)
            .query(Integer.class)
            .single();
    return new SignInSummary(
        (int) failing.stream().filter(SignInAlerts.FailedSignIns::waiting).count(),
        failing.size(),
        neverSignedIn);
  }

  /** The members of a partnership as an administrator reads them: the read is audited. */
  @Transactional
  public List<Member> readMembers(long partnershipId) {
    List<Member> members = members(partnershipId);
    audit.record(
        new AuditEntry(
            "VIEWED",
            "Account",
            null,
            partnershipId,
            AuditEntry.Outcome.SUCCESS,
            "Viewed the list of users (" + members.size() + ")"));
    return members;
  }

  /** One member as an administrator reads them: the read is audited. */
  @Transactional
  public Member readMember(long partnershipId, long accountId) {
    Member member = member(partnershipId, accountId);
    audit.record(
        AuditEntry.success(
            "VIEWED", "Account", accountId, partnershipId, "Viewed the user " + member.email()));
    return member;
  }

  /**
   * A member of a partnership with the roles they hold there now, read in one statement (an API
   * token asks on every request); empty when the account has no role there.
   */
  public Optional<Member> findMember(long partnershipId, long accountId) {
    List<Member> found = new ArrayList<>();
    jdbc.sql(
            """
            select a.id, a.email, a.display_name, a.last_signed_in_at,
                case when a.must_change_password then a.one_time_password_expires_at end, m.role
            from membership m join user_account a on a.id = m.user_account_id
            where m.partnership_id = :p and m.user_account_id = :a
            """)
        .param("p", partnershipId)
        .param("a", accountId)
        .query(
            (ResultSet rs) -> {
              if (found.isEmpty()) {
                found.add(
                    new Member(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        EnumSet.noneOf(Role.class),
                        instant(rs, 4),
                        instant(rs, 5)));
              }
              found.get(0).roles().add(Role.valueOf(rs.getString(6)));
            });
    return found.stream().findFirst();
  }

  /** One member of a partnership; not found if the account is not a member of it. */
  @Transactional(readOnly = true)
  public Member member(long partnershipId, long accountId) {
    return members(partnershipId).stream()
        .filter(m -> m.accountId() == accountId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Member"));
  }

  static String checkEmail(String email) {
    String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
      throw new InvalidInputException(
          "Email address '" + email + "' is not valid: use the form name@example.org");
    }
    return trimmed;
  }

  static String checkName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new InvalidInputException("Name '" + name + "' is not valid: give 1 to 200 characters");
    }
    return name.strip();
  }

  /** A random password of 16 letters and digits in groups of four, easy to read out. */
  static String oneTimePassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(ONE_TIME_ALPHABET.charAt(RANDOM.nextInt(ONE_TIME_ALPHABET.length())));
    }
    return password.toString();
  }

  private Account mapAccount(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        rs.getBoolean("must_change_password"),
        instant(rs, "one_time_password_expires_at"),
        instant(rs, "last_signed_in_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
