package org.ccrhub.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has two-factor sign-in, and every change to it (ADR 17). An account enrols by confirming a
 * code from its new secret; it then has ten recovery codes, each kept as an Argon2 hash and deleted
 * when used. A code is accepted once: its time step is kept, and a code for that step or an earlier
 * one is refused. Turning it off needs a current code (checked by {@link TwoFactorChecks}) and is
 * refused to anyone holding a role that requires it; an administrator can reset it with a reason.
 * Everything is audited, never a secret or a code.
 */
@Service
class TwoFactorEnrolments {

  /** The most characters of an administrator's reason for a reset. */
  static final int MAX_REASON = 500;

  private final JdbcClient jdbc;
  private final TwoFactorKey key;
  private final PasswordEncoder encoder;
  private final AuditTrail audit;
  private final Accounts accounts;
  private final Partnerships partnerships;
  private final Clock clock;
  private final AccountMail mail;
  private final int maxWrongCodes;
  private final Totp totp = new Totp();
  private volatile Set<Role> requiring = rolesRequiringTwoFactor();
  private final ObjectProvider<TwoFactorRequirement> requirements;

  TwoFactorEnrolments(
      JdbcClient jdbc,
      TwoFactorKey key,
      PasswordEncoder encoder,
      AuditTrail audit,
      Accounts accounts,
      Partnerships partnerships,
      Clock clock,
      AccountMail mail,
      ObjectProvider<TwoFactorRequirement> requirements,
      @Value("${ccr.two-factor.max-wrong-codes:10}") int maxWrongCodes) {
    this.requirements = requirements;
    this.jdbc = jdbc;
    this.key = key;
    this.encoder = encoder;
    this.audit = audit;
    this.accounts = accounts;
    this.partnerships = partnerships;
    this.clock = clock;
    this.mail = mail;
    if (maxWrongCodes < 1) {
      throw new IllegalArgumentException("ccr.two-factor.max-wrong-codes must be at least 1");
    }
    this.maxWrongCodes = maxWrongCodes;
  }

  /** An account's two-factor sign-in: since when, and how many recovery codes it has left. */
  record Enrolment(Instant enrolledAt, int recoveryCodesLeft) {}

  /** What a code typed for an enrolled account turned out to be. */
  enum Outcome {
    ACCEPTED,
    WRONG,
    /** Right, but its time step has signed in already. */
    ALREADY_USED,
    /** The secret does not decrypt with the two-factor key (it was lost or changed). */
    UNREADABLE,
    /** The account has no two-factor sign-in (an administrator reset it meanwhile). */
    NOT_ENROLLED,
    /**
     * Too many wrong codes since the last right one: no code is checked until an administrator
     * resets the account's two-factor sign-in.
     */
    BLOCKED,
    /** A wrong code that reached the limit: it is blocked from now on. */
    BLOCKED_NOW
  }

  /** The outcome of a code, and the recovery codes left after it. */
  record CodeCheck(Outcome outcome, int recoveryCodesLeft) {
    static CodeCheck of(Outcome outcome) {
      return new CodeCheck(outcome, 0);
    }
  }

  static Set<Role> rolesRequiringTwoFactor() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(Role.values()).filter(Role::requiresTwoFactor).forEach(roles::add);
    return roles;
  }

  /**
   * For tests only: which roles require two-factor sign-in, in place of those whose {@link Role}
   * says so (the data protection lead's and the sharing officer's).
   *
   * @return the roles that required it before
   */
  Set<Role> requireForRoles(Set<Role> roles) {
    Set<Role> before = requiring;
    requiring = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    return before;
  }

  @Transactional(readOnly = true)
  Optional<Enrolment> of(long accountId) {
    return jdbc.sql(
            """
            select t.enrolled_at, (select count(*) from two_factor_recovery_code r
                where r.account_id = t.account_id) as codes
            from two_factor t where t.account_id = :id
            """)
        .param("id", accountId)
        .query(
            (rs, row) ->
                new Enrolment(
                    rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
                    rs.getInt("codes")))
        .optional();
  }

  @Transactional(readOnly = true)
  boolean enrolled(long accountId) {
    return jdbc.sql("select count(*) from two_factor where account_id = :id")
            .param("id", accountId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * What the account holds, in any partnership, that requires two-factor sign-in, each as it reads
   * in a sentence: its partnership roles that do, and the MARAC roles ({@link
   * TwoFactorRequirement}).
   */
  @Transactional(readOnly = true)
  Set<String> requiringRolesOf(long accountId) {
    Set<String> held = new TreeSet<>();
    Set<Role> roles = requiring;
    if (!roles.isEmpty()) {
      jdbc.sql(
              "select distinct role from membership where user_account_id = :id"
                  + " and role in (:roles)")
          .param("id", accountId)
          .param("roles", roles.stream().map(Role::name).toList())
          .query(String.class)
          .list()
          .forEach(r -> held.add(inSentence(Role.valueOf(r))));
    }
    requirements.orderedStream().forEach(r -> held.addAll(r.heldBy(accountId)));
    return held;
  }

  /**
   * Whether the account holds something that requires two-factor sign-in and has not set it up, so
   * that it may do nothing else. Asked on every request: one indexed query for the roles, and one
   * for each {@link TwoFactorRequirement}, made only when the account has not set it up. Each
   * stands alone, so there is no transaction around them.
   */
  boolean mustEnrol(long accountId) {
    if (enrolled(accountId)) {
      return false;
    }
    Set<Role> roles = requiring;
    boolean byRole =
        !roles.isEmpty()
            && jdbc.sql(
                    "select exists (select 1 from membership where user_account_id = :id"
                        + " and role in (:roles))")
                .param("id", accountId)
                .param("roles", roles.stream().map(Role::name).toList())
                .query(Boolean.class)
                .single();
    return byRole || requirements.orderedStream().anyMatch(r -> !r.heldBy(accountId).isEmpty());
  }

  /** A new secret's sealed form, kept in the session until the person confirms a code from it. */
  String sealPending(long accountId, TotpSecret secret) {
    return key.seal(secret.bytes(), pendingContext(accountId));
  }

  Optional<TotpSecret> openPending(long accountId, String sealed) {
    return key.open(sealed, pendingContext(accountId)).map(TotpSecret::of);
  }

  /**
   * Sets up two-factor sign-in with a secret whose current code the person typed.
   *
   * @return the ten recovery codes, to be shown once; empty when the code is not right now
   * @throws InvalidInputException when the account has two-factor sign-in already
   */
  @Transactional
  Optional<List<String>> enrol(long accountId, TotpSecret secret, String code) {
    return enrol(accountId, secret, code, true);
  }

  /**
   * As {@link #enrol(long, TotpSecret, String)}; {@code notify} false for the demo's accounts,
   * whose secrets are new at every start and would fill the outbox with notices.
   */
  @Transactional
  Optional<List<String>> enrol(long accountId, TotpSecret secret, String code, boolean notify) {
    if (!(totp.check(secret, code, clock.instant(), -1) instanceof Totp.Check.Accepted accepted)) {
      return Optional.empty();
    }
    int added =
        jdbc.sql(
                """
                insert into two_factor (account_id, secret, last_used_step, enrolled_at)
                values (:id, :secret, :step, :now) on conflict do nothing
                """)
            .param("id", accountId)
            .param("secret", key.seal(secret.bytes(), secretContext(accountId)))
            .param("step", accepted.step())
            .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .update();
    if (added == 0) {
      throw new InvalidInputException("Two-factor sign-in is already set up for this account");
    }
    List<String> codes = storeRecoveryCodes(accountId);
    audit.record(
        AuditEntry.success(
            "TWO_FACTOR_ENROLLED",
            "Account",
            accountId,
            null,
            "Set up two-factor sign-in, with " + codes.size() + " recovery codes"));
    if (!notify) {
      return Optional.of(codes);
    }
    notify(
        accountId,
        null,
        "Two-factor sign-in was set up for your CCR Hub account",
        "Two-factor sign-in was set up for your CCR Hub account. From now on you will need a"
            + " code from your authenticator app to sign in.");
    return Optional.of(codes);
  }

  private List<String> storeRecoveryCodes(long accountId) {
    List<String> codes = RecoveryCodes.generate();
    for (String code : codes) {
      jdbc.sql("insert into two_factor_recovery_code (account_id, code_hash) values (:id, :hash)")
          .param("id", accountId)
          .param("hash", encoder.encode(RecoveryCodes.normalise(code).orElseThrow()))
          .update();
    }
    return codes;
  }

  /**
   * Checks a code from the authenticator app (its digits only); a right one uses up its time step.
   * The account's count of wrong codes is read, checked and changed under the same row lock as the
   * code: once it has reached the limit no code is checked, so parallel guesses cannot pass it.
   */
  @Transactional
  CodeCheck checkCode(Account account, String digits) {
    long accountId = account.id();
    Optional<StoredSecret> stored =
        jdbc.sql(
                "select secret, last_used_step, wrong_codes from two_factor"
                    + " where account_id = :id for update")
            .param("id", accountId)
            .query((rs, row) -> new StoredSecret(rs.getString(1), rs.getLong(2), rs.getInt(3)))
            .optional();
    if (stored.isEmpty()) {
      return CodeCheck.of(Outcome.NOT_ENROLLED);
    }
    if (stored.get().wrongCodes() >= maxWrongCodes) {
      return CodeCheck.of(Outcome.BLOCKED);
    }
    Optional<TotpSecret> secret =
        key.open(stored.get().sealed(), secretContext(accountId)).map(TotpSecret::of);
    if (secret.isEmpty()) {
      return CodeCheck.of(Outcome.UNREADABLE);
    }
    Totp.Check check = totp.check(secret.get(), digits, clock.instant(), stored.get().lastUsed());
    if (check instanceof Totp.Check.Accepted accepted) {
      jdbc.sql(
              "update two_factor set last_used_step = :step, wrong_codes = 0"
                  + " where account_id = :id")
          .param("step", accepted.step())
          .param("id", accountId)
          .update();
      return new CodeCheck(Outcome.ACCEPTED, recoveryCodesLeft(accountId));
    }
    if (check instanceof Totp.Check.AlreadyUsed) {
      // a right code seen before is no guess: counted by the address throttle only
      return CodeCheck.of(Outcome.ALREADY_USED);
    }
    int wrong =
        jdbc.sql(
                "update two_factor set wrong_codes = wrong_codes + 1 where account_id = :id"
                    + " returning wrong_codes")
            .param("id", accountId)
            .query(Integer.class)
            .single();
    return wrongCode(account, wrong);
  }

  private record StoredSecret(String sealed, long lastUsed, int wrongCodes) {}

  /** A wrong code, the account's {@code wrong}th: at the limit its second factor is blocked. */
  private CodeCheck wrongCode(Account account, int wrong) {
    if (wrong < maxWrongCodes) {
      return CodeCheck.of(Outcome.WRONG);
    }
    audit.recordFor(
        account.email(),
        account.id(),
        new AuditEntry(
            "TWO_FACTOR_BLOCKED",
            "Account",
            String.valueOf(account.id()),
            null,
            AuditEntry.Outcome.DENIED,
            "Two-factor sign-in blocked after "
                + wrong
                + " wrong codes: an administrator must reset it"));
    return CodeCheck.of(Outcome.BLOCKED_NOW);
  }

  /** A recovery code's stored hash. */
  record StoredRecoveryCode(long id, String hash) {}

  /**
   * The first step of checking a recovery code: counts it as a wrong code in advance (so that
   * parallel guesses are limited before any hash is checked), then gives the stored hashes to check
   * outside any transaction.
   *
   * @return the hashes and the count of wrong codes with this one; or the outcome when no code may
   *     be checked (not enrolled, or blocked)
   */
  @Transactional
  RecoveryAttempt startRecoveryCode(long accountId) {
    Optional<Integer> wrong =
        jdbc.sql(
                "update two_factor set wrong_codes = wrong_codes + 1"
                    + " where account_id = :id and wrong_codes < :max returning wrong_codes")
            .param("id", accountId)
            .param("max", maxWrongCodes)
            .query(Integer.class)
            .optional();
    if (wrong.isEmpty()) {
      return new RecoveryAttempt(
          enrolled(accountId) ? Outcome.BLOCKED : Outcome.NOT_ENROLLED, List.of(), 0);
    }
    List<StoredRecoveryCode> stored =
        jdbc.sql("select id, code_hash from two_factor_recovery_code where account_id = :id")
            .param("id", accountId)
            .query((rs, row) -> new StoredRecoveryCode(rs.getLong(1), rs.getString(2)))
            .list();
    return new RecoveryAttempt(null, stored, wrong.get());
  }

  /** What {@link #startRecoveryCode} found: the hashes to check, or why none may be. */
  record RecoveryAttempt(
      @Nullable Outcome refused, List<StoredRecoveryCode> stored, int wrongWithThis) {}

  /** The stored code the typed one matches, checked with no transaction (Argon2 is slow). */
  Optional<StoredRecoveryCode> matching(List<StoredRecoveryCode> stored, String typed) {
    Optional<String> code = RecoveryCodes.normalise(typed);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    return stored.stream().filter(s -> encoder.matches(code.get(), s.hash())).findFirst();
  }

  /**
   * The last step for a recovery code that matched: it is deleted, and only the request that
   * deletes it signs in (0 rows: another request used it first). A right code resets the wrong-code
   * count.
   */
  @Transactional
  CodeCheck usedRecoveryCode(Account account, long codeId) {
    long accountId = account.id();
    int deleted =
        jdbc.sql("delete from two_factor_recovery_code where id = :id and account_id = :account")
            .param("id", codeId)
            .param("account", accountId)
            .update();
    if (deleted == 0) {
      return CodeCheck.of(Outcome.WRONG);
    }
    jdbc.sql("update two_factor set wrong_codes = 0 where account_id = :id")
        .param("id", accountId)
        .update();
    int left = recoveryCodesLeft(accountId);
    // the person is not signed in yet: the record names the account the code was for
    audit.recordFor(
        account.email(),
        accountId,
        AuditEntry.success(
            "TWO_FACTOR_RECOVERY_CODE_USED",
            "Account",
            accountId,
            null,
            "Used a recovery code to sign in: "
                + left
                + (left == 1 ? " code" : " codes")
                + " left"));
    return new CodeCheck(Outcome.ACCEPTED, left);
  }

  /** A recovery code that matched none: its count was taken in advance; at the limit, blocked. */
  @Transactional
  CodeCheck wrongRecoveryCode(Account account, int wrongWithThis) {
    return wrongCode(account, wrongWithThis);
  }

  /** Locks the account's enrolment row. */
  private boolean enrolledForUpdate(long accountId) {
    return jdbc.sql("select account_id from two_factor where account_id = :id for update")
        .param("id", accountId)
        .query(Long.class)
        .optional()
        .isPresent();
  }

  private int recoveryCodesLeft(long accountId) {
    return jdbc.sql("select count(*) from two_factor_recovery_code where account_id = :id")
        .param("id", accountId)
        .query(Integer.class)
        .single();
  }

  /**
   * Turns two-factor sign-in off, after the person has given a current code.
   *
   * @throws InvalidInputException when a role they hold requires it
   */
  @Transactional
  void turnOff(long accountId) {
    Set<String> required = requiringRolesOf(accountId);
    if (!required.isEmpty()) {
      throw new InvalidInputException(requiredBy(required) + ", so you cannot turn it off");
    }
    if (delete(accountId) == 0) {
      throw new InvalidInputException("Two-factor sign-in is not set up for this account");
    }
    audit.record(
        AuditEntry.success(
            "TWO_FACTOR_TURNED_OFF", "Account", accountId, null, "Turned off two-factor sign-in"));
    notify(
        accountId,
        null,
        "Two-factor sign-in was turned off for your CCR Hub account",
        "Two-factor sign-in was turned off for your CCR Hub account. You now sign in with your"
            + " password only.");
  }

  /**
   * Tells the person by email of a change to their two-factor sign-in, so that a change they did
   * not make is noticed. Queued in the transaction of the change (in the partnership given, or
   * their first), so that it goes if and only if the change is kept.
   */
  private void notify(long accountId, @Nullable Long partnershipId, String subject, String text) {
    Optional<Account> account = accounts.findById(accountId);
    Optional<Long> partnership =
        partnershipId != null
            ? Optional.of(partnershipId)
            : accounts.partnershipsOf(accountId).stream().map(Partnership::id).findFirst();
    if (account.isPresent() && partnership.isPresent()) {
      mail.queueSecurityNotice(
          partnership.get(),
          account.get().email(),
          subject,
          text
              + " If this was not you, tell your partnership administrator at once and change"
              + " your password.");
    }
  }

  /** New recovery codes in place of the old ones, after the person has given a current code. */
  @Transactional
  List<String> renewRecoveryCodes(long accountId) {
    if (!enrolledForUpdate(accountId)) {
      throw new InvalidInputException("Two-factor sign-in is not set up for this account");
    }
    int old =
        jdbc.sql("delete from two_factor_recovery_code where account_id = :id")
            .param("id", accountId)
            .update();
    List<String> codes = storeRecoveryCodes(accountId);
    audit.record(
        AuditEntry.success(
            "TWO_FACTOR_RECOVERY_CODES_RENEWED",
            "Account",
            accountId,
            null,
            "Made " + codes.size() + " new recovery codes in place of " + old));
    return codes;
  }

  /**
   * Whether an administrator of the partnership may reset the account's two-factor sign-in: never
   * their own (another administrator or the command line does it), and when the account holds, in
   * any partnership, a role that requires it, only an administrator of a partnership where it holds
   * such a role.
   */
  @Transactional(readOnly = true)
  boolean mayReset(long partnershipId, long accountId, long administratorId) {
    if (accountId == administratorId) {
      return false;
    }
    if (requiringRolesOf(accountId).isEmpty()) {
      return true;
    }
    Set<Role> roles = requiring;
    boolean byRoleHere =
        !roles.isEmpty()
            && jdbc.sql(
                    "select exists (select 1 from membership where user_account_id = :id"
                        + " and partnership_id = :p and role in (:roles))")
                .param("id", accountId)
                .param("p", partnershipId)
                .param("roles", roles.stream().map(Role::name).toList())
                .query(Boolean.class)
                .single();
    return byRoleHere
        || requirements.orderedStream().anyMatch(r -> r.heldIn(partnershipId, accountId));
  }

  /**
   * An administrator removes a member's two-factor sign-in (a lost phone): they set it up again at
   * their next sign-in, and every session of theirs ends now.
   *
   * @param administratorId the administrator's account, who may not reset their own ({@link
   *     #mayReset})
   * @throws NotFoundException when the account is not a member of the partnership, or the
   *     administrator may not reset it
   * @throws InvalidInputException when the reason is missing or too long, or there is nothing to
   *     reset
   */
  @Transactional
  void reset(long partnershipId, long accountId, String reason, long administratorId) {
    accounts.member(partnershipId, accountId);
    if (!mayReset(partnershipId, accountId, administratorId)) {
      throw new NotFoundException("No such user in this partnership");
    }
    reset(partnershipId, accountId, reason, null);
  }

  private void reset(
      long partnershipId, long accountId, String reason, @Nullable String keepSession) {
    Member member = accounts.member(partnershipId, accountId);
    String why = checkReason(reason);
    if (delete(accountId) == 0) {
      throw new InvalidInputException(
          member.email() + " has not set up two-factor sign-in: there is nothing to reset");
    }
    int ended =
        jdbc.sql(
                "delete from spring_session where principal_name = :email"
                    + " and (cast(:keep as text) is null or session_id <> cast(:keep as text))")
            .param("email", member.email())
            .param("keep", keepSession)
            .update();
    audit.record(
        AuditEntry.success(
            "TWO_FACTOR_RESET",
            "Account",
            accountId,
            partnershipId,
            "Reset two-factor sign-in for "
                + member.email()
                + (ended == 0
                    ? ""
                    : " and signed them out (" + ended + (ended == 1 ? " session)" : " sessions)"))
                + ". Reason: "
                + why));
    notify(
        accountId,
        partnershipId,
        "Two-factor sign-in was reset for your CCR Hub account",
        "An administrator reset two-factor sign-in for your CCR Hub account. You will set it up"
            + " again when you next sign in.");
  }

  /** The same, from the command line: the member by partnership and email. */
  @Transactional
  String reset(String partnershipSlug, String email, String reason) {
    Partnership partnership = partnerships.named(partnershipSlug);
    String normalised = Accounts.checkEmail(email);
    Account account =
        accounts
            .findByEmail(normalised)
            .filter(a -> !accounts.rolesIn(a.id(), partnership.id()).isEmpty())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "No user " + normalised + " in " + partnership.slug()));
    reset(partnership.id(), account.id(), reason, null);
    return account.email();
  }

  static String checkReason(@Nullable String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new InvalidInputException("Enter why you are resetting two-factor sign-in");
    }
    if (why.length() > MAX_REASON) {
      throw new InvalidInputException("The reason must be " + MAX_REASON + " characters or fewer");
    }
    return why;
  }

  /**
   * Ends the person's other sessions: after enrolling, every session of theirs passed two factors.
   */
  @Transactional
  void endOtherSessions(String email, String currentSession) {
    jdbc.sql("delete from spring_session where principal_name = :email and session_id <> :current")
        .param("email", email)
        .param("current", currentSession)
        .update();
  }

  private int delete(long accountId) {
    return jdbc.sql("delete from two_factor where account_id = :id")
        .param("id", accountId)
        .update();
  }

  /**
   * Why the person must have two-factor sign-in: "Your role as ... requires two-factor sign-in".
   */
  static String requiredBy(Set<String> roles) {
    return (roles.size() == 1 ? "Your role as " : "Your roles as ")
        + roles.stream().sorted().collect(Collectors.joining(" and "))
        + (roles.size() == 1 ? " requires" : " require")
        + " two-factor sign-in";
  }

  /** A role's label inside a sentence: "partnership administrator", but "MARAC coordinator". */
  static String inSentence(Role role) {
    String label = role.label();
    String first = label.split(" ", 2)[0];
    return first.equals(first.toUpperCase(java.util.Locale.ROOT))
        ? label
        : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  private static String secretContext(long accountId) {
    return "two-factor secret of account " + accountId;
  }

  private static String pendingContext(long accountId) {
    return "new two-factor secret of account " + accountId;
  }
}
