package org.ccrhub.security;

import jakarta.validation.constraints.NotEmpty;

/** The change-password form. The new password's rules are checked by {@link PasswordPolicy}. */
class PasswordForm {

  @NotEmpty(message = "Enter your current password")
  private String currentPassword = "";

  @NotEmpty(message = "Enter a new password")
  private String newPassword = "";

  @NotEmpty(message = "Enter your new password again")
  private String confirmPassword = "";

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmPassword() {
    return confirmPassword;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
