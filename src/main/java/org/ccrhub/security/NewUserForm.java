package org.ccrhub.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** Adding a person to the partnership as a user. */
class NewUserForm {

  @NotBlank(message = "Enter an email address")
  @Email(message = "Enter an email address in the correct format, like name@example.org")
  @Size(max = 254, message = "Email address must be 254 characters or fewer")
  private String email = "";

  @NotBlank(message = "Enter the person's full name")
  @Size(max = 200, message = "Name must be 200 characters or fewer")
  private String name = "";

  @NotEmpty(message = "Select at least one role")
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Set<Role> getRoles() {
    return roles;
  }

  public void setRoles(Set<Role> roles) {
    this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
  }
}
