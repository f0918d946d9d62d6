package org.ccrhub.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A new person accepting an invitation: their name and the password they choose. */
class InvitationForm {

  @NotBlank(message = "Enter your full name")
  @Size(max = 200, message = "Name must be 200 characters or fewer")
  private String name = "";

  @NotEmpty(message = "Enter a password")
  private String password = "";

  @NotEmpty(message = "Enter your password again")
  private String confirmPassword = "";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmPassword() {
    return confirmPassword;
  }

  public void setConfirmPassword(String confirmPassword) {
    this.confirmPassword = confirmPassword;
  }
}
