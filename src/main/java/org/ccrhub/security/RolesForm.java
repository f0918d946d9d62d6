package org.ccrhub.security;

import jakarta.validation.constraints.NotEmpty;
import java.util.EnumSet;
import java.util.Set;

/** Changing a member's roles. */
class RolesForm {

  @NotEmpty(message = "Select at least one role")
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  public Set<Role> getRoles() {
    return roles;
  }

  public void setRoles(Set<Role> roles) {
    this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
  }
}
