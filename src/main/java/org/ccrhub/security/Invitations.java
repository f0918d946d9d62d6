package org.ccrhub.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators invite people by email; the person accepts through a single-use link. What the
 * administrator sees is the same whether or not the email already has an account anywhere (the
 * finding this replaced said "already had an account"). A new person chooses their password; an
 * account holder signs in and accepts. Membership starts at acceptance. The link is emailed to the
 * person ({@link AccountMail}); when CCR Hub sends no email, or sending fails, the administrator is
 * shown the link, once, to pass on.
 */
@Service
public class Invitations {

  static final String PATH = "/invitations/";

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Partnerships partnerships;
  private final PasswordPolicy passwordPolicy;
  private final AuditTrail audit;
  private final AccountMail mail;
  private final BaseUrl baseUrl;
  private final Clock clock;
  private final Duration lifetime;

  Invitations(
      JdbcClient jdbc,
      Accounts accounts,
      Partnerships partnerships,
      PasswordPolicy passwordPolicy,
      AuditTrail audit,
      AccountMail mail,
      BaseUrl baseUrl,
      Clock clock,
      @Value("${ccr.sign-in.one-time-password-lifetime:72h}") Duration lifetime) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.partnerships = partnerships;
    this.passwordPolicy = passwordPolicy;
    this.audit = audit;
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** An invitation that has been neither accepted nor withdrawn. */
  public record Invitation(
      long id,
      long partnershipId,
      String email,
      String displayName,
      Set<Role> roles,
      Instant createdAt,
      Instant expiresAt,
      boolean expired) {

    public String expiresText() {
      return Dates.time(expiresAt);
    }
  }

  /**
   * A new invitation and its link; {@code emailed} is false when it was not sent by email (none is
   * configured, or sending failed), and the link must then be passed on by the administrator.
   */
  public record Issued(Invitation invitation, String link, boolean emailed) {}

  /** What a link leads to: a usable invitation, or why not. */
  public record Opened(
      State state, @Nullable Invitation invitation, @Nullable Partnership partnership) {
    enum State {
      VALID,
      EXPIRED,
      NOT_VALID
    }
  }

  @Transactional
  public Issued invite(Partnership partnership, String email, String name, Set<Role> roles) {
    String normalised = Accounts.checkEmail(email);
    String displayName = Accounts.checkName(name);
    if (roles.isEmpty()) {
      throw new InvalidInputException("Select at least one role");
    }
    boolean member =
        accounts
            .findByEmail(normalised)
            .map(a -> !accounts.rolesIn(a.id(), partnership.id()).isEmpty())
            .orElse(false);
    if (member) {
      throw new InvalidInputException(
          normalised
              + " is already a user of this partnership: change their roles from the list of"
              + " users");
    }
    Instant now = clock.instant();
    jdbc.sql(
            """
            update invitation set withdrawn_at = :now where partnership_id = :p and email = :email
                and accepted_at is null and withdrawn_at is null
            """)
        .param("now", SignInThrottle.at(now))
        .param("p", partnership.id())
        .param("email", normalised)
        .update();
    String token = Tokens.newToken();
    long id =
        jdbc.sql(
                """
                insert into invitation (partnership_id, email, display_name, roles, token_hash,
                    invited_by, created_at, expires_at)
                values (:p, :email, :name, :roles, :hash, :by, :now, :expires) returning id
                """)
            .param("p", partnership.id())
            .param("email", normalised)
            .param("name", displayName)
            .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
            .param("hash", Tokens.hash(token))
            .param("by", currentAccountId())
            .param("now", SignInThrottle.at(now))
            .param("expires", SignInThrottle.at(now.plus(lifetime)))
            .query(Long.class)
            .single();
    audit.record(
        AuditEntry.success(
            "INVITATION_CREATED",
            "Invitation",
            id,
            partnership.id(),
            "Invited " + normalised + " with roles " + roleNames(roles)));
    String link = baseUrl.of(PATH + token);
    // sent at once, never stored; when it is not sent the administrator passes the link on
    boolean emailed =
        mail.sendInvitation(
            partnership.id(),
            normalised,
            "You are invited to " + partnership.name() + " on CCR Hub",
            "You have been invited to join " + partnership.name() + " on CCR Hub.",
            link);
    Invitation invitation =
        open(partnership.id()).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    return new Issued(invitation, link, emailed);
  }

  /** Invitations of a partnership not yet accepted or withdrawn, newest first. */
  @Transactional(readOnly = true)
  public List<Invitation> open(long partnershipId) {
    return jdbc.sql(
            """
            select * from invitation where partnership_id = :p
                and accepted_at is null and withdrawn_at is null
            order by created_at desc, id desc
            """)
        .param("p", partnershipId)
        .query(this::map)
        .list();
  }

  @Transactional
  public void withdraw(long partnershipId, long invitationId) {
    Invitation invitation =
        open(partnershipId).stream()
            .filter(i -> i.id() == invitationId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Invitation"));
    jdbc.sql("update invitation set withdrawn_at = :now where id = :id")
        .param("now", SignInThrottle.at(clock.instant()))
        .param("id", invitationId)
        .update();
    audit.record(
        AuditEntry.success(
            "INVITATION_WITHDRAWN",
            "Invitation",
            invitationId,
            partnershipId,
            "Withdrew the invitation of " + invitation.email()));
  }

  /** What an invitation link leads to. */
  @Transactional(readOnly = true)
  Opened open(@Nullable String token) {
    if (token == null || !Tokens.looksLikeToken(token)) {
      return new Opened(Opened.State.NOT_VALID, null, null);
    }
    Optional<Invitation> found =
        jdbc.sql(
                """
                select * from invitation where token_hash = :hash
                    and accepted_at is null and withdrawn_at is null
                """)
            .param("hash", Tokens.hash(token))
            .query(this::map)
            .optional();
    if (found.isEmpty()) {
      return new Opened(Opened.State.NOT_VALID, null, null);
    }
    Invitation invitation = found.get();
    Partnership partnership = partnerships.findAllById(List.of(invitation.partnershipId())).get(0);
    return new Opened(
        invitation.expired() ? Opened.State.EXPIRED : Opened.State.VALID, invitation, partnership);
  }

  /**
   * A new person accepts: their account is created with the password they chose. Refused, and
   * nothing changed but a record in the audit trail, when the email already has an account: its
   * holder signs in to accept.
   *
   * @return false when the email already has an account
   */
  @Transactional
  boolean acceptAsNewPerson(String token, String name, String password) {
    Opened opened = usable(token);
    Invitation invitation = opened.invitation();
    if (accounts.findByEmail(invitation.email()).isPresent()) {
      audit.recordFor(
          invitation.email(),
          null,
          new AuditEntry(
              "INVITATION_ACCEPT_REFUSED",
              "Invitation",
              String.valueOf(invitation.id()),
              invitation.partnershipId(),
              AuditEntry.Outcome.DENIED,
              "Someone with the invitation link of "
                  + invitation.email()
                  + " tried to create an account, but the email already has one"));
      return false;
    }
    String displayName = Accounts.checkName(name);
    List<String> problems = passwordPolicy.problems(password, invitation.email());
    if (!problems.isEmpty()) {
      throw new PasswordRejectedException("password", problems.get(0));
    }
    NewAccount account =
        accounts.addMember(
            opened.partnership(), invitation.email(), displayName, invitation.roles(), password);
    markAccepted(invitation, account.accountId());
    return true;
  }

  /** An account holder, signed in, accepts an invitation made for their email. */
  @Transactional
  Partnership acceptAs(String token, SignedInUser user) {
    Opened opened = usable(token);
    Invitation invitation = opened.invitation();
    if (!invitation.email().equals(user.email())) {
      throw new InvalidInputException(
          "This invitation is for "
              + invitation.email()
              + ". Sign out, then sign in as that person to accept it.");
    }
    Set<Role> missing = EnumSet.copyOf(invitation.roles());
    missing.removeAll(accounts.rolesIn(user.accountId(), invitation.partnershipId()));
    if (!missing.isEmpty()) {
      accounts.addMember(opened.partnership(), user.email(), user.displayName(), missing, null);
    }
    markAccepted(invitation, user.accountId());
    return opened.partnership();
  }

  private Opened usable(String token) {
    Opened opened = open(token);
    if (opened.state() != Opened.State.VALID) {
      throw new NotFoundException("Invitation");
    }
    return opened;
  }

  private void markAccepted(Invitation invitation, long accountId) {
    int updated =
        jdbc.sql(
                """
                update invitation set accepted_at = :now, accepted_by = :account
                where id = :id and accepted_at is null and withdrawn_at is null
                """)
            .param("now", SignInThrottle.at(clock.instant()))
            .param("account", accountId)
            .param("id", invitation.id())
            .update();
    if (updated != 1) {
      throw new NotFoundException("Invitation");
    }
    audit.recordFor(
        invitation.email(),
        accountId,
        new AuditEntry(
            "INVITATION_ACCEPTED",
            "Invitation",
            String.valueOf(invitation.id()),
            invitation.partnershipId(),
            AuditEntry.Outcome.SUCCESS,
            invitation.email()
                + " accepted the invitation with roles "
                + roleNames(invitation.roles())));
  }

  private static @Nullable Long currentAccountId() {
    var authentication =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
        ? user.accountId()
        : null;
  }

  private static String roleNames(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
  }

  private Invitation map(ResultSet rs, int row) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Array array = rs.getArray("roles");
    for (Object role : (Object[]) array.getArray()) {
      roles.add(Role.valueOf((String) role));
    }
    Instant expiresAt = SignInThrottle.instant(rs, "expires_at");
    return new Invitation(
        rs.getLong("id"),
        rs.getLong("partnership_id"),
        rs.getString("email"),
        rs.getString("display_name"),
        roles,
        SignInThrottle.instant(rs, "created_at"),
        expiresAt,
        !clock.instant().isBefore(expiresAt));
  }
}
