package org.ccrhub.security;

import java.util.Set;

/** The signed-in user's roles in the partnership of the current page. */
public record CurrentRoles(Set<Role> roles) {

  public static final String REQUEST_ATTRIBUTE = CurrentRoles.class.getName();

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return roles.contains(Role.PARTNERSHIP_ADMIN);
  }
}
