package org.ccrhub.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.ccrhub.audit.AuditActor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person signed in. It carries no roles: roles belong to a partnership and are loaded for the
 * partnership of each request ({@link PartnershipAccessFilter}).
 */
public final class SignedInUser
    implements UserDetails, CredentialsContainer, AuditActor, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final long accountId;
  private final String email;
  private final String displayName;
  private @Nullable String passwordHash;
  private final boolean mustChangePassword;
  private final boolean oneTimePasswordExpired;

  SignedInUser(Account account, Instant now) {
    this(
        account.id(),
        account.email(),
        account.displayName(),
        account.passwordHash(),
        account.mustChangePassword(),
        account.oneTimePasswordExpired(now));
  }

  private SignedInUser(
      long accountId,
      String email,
      String displayName,
      @Nullable String passwordHash,
      boolean mustChangePassword,
      boolean oneTimePasswordExpired) {
    this.accountId = accountId;
    this.email = email;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.mustChangePassword = mustChangePassword;
    this.oneTimePasswordExpired = oneTimePasswordExpired;
  }

  /** The same person after changing their password. */
  SignedInUser withPasswordChanged() {
    return new SignedInUser(accountId, email, displayName, null, false, false);
  }

  @Override
  public long accountId() {
    return accountId;
  }

  @Override
  public String actorName() {
    return email;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of();
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  /** An expired one-time password is refused, but only after it has been checked as right. */
  @Override
  public boolean isCredentialsNonExpired() {
    return !oneTimePasswordExpired;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
