package org.ccrhub.security;

import org.springframework.validation.BindingResult;

/**
 * A form with one code: from the authenticator app (6 digits, spaces allowed between them) or a
 * recovery code. What was typed is never shown back.
 */
class CodeForm {

  private String code = "";
  private String password = "";

  /** The account's password, asked again when setting up (never shown back). */
  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password == null ? "" : password;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? "" : code;
  }

  /** The code without spaces. */
  String digits() {
    return code.replaceAll("\\s", "");
  }

  /**
   * Checks that a code from the app was typed as 6 digits.
   *
   * @return whether it was
   */
  boolean checkAppCode(BindingResult result) {
    String digits = digits();
    if (digits.isEmpty()) {
      result.rejectValue("code", "missing", "Enter the 6-digit code from your authenticator app");
    } else if (!digits.matches("\\d{" + Totp.DIGITS + "}")) {
      result.rejectValue("code", "format", "The code must be 6 digits");
    }
    return !result.hasErrors();
  }
}
