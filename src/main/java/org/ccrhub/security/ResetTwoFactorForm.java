package org.ccrhub.security;

/** Why an administrator resets a member's two-factor sign-in: kept in the audit trail. */
class ResetTwoFactorForm {

  private String reason = "";

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason == null ? "" : reason;
  }
}
