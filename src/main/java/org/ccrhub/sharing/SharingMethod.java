package org.ccrhub.sharing;

/** How the information was supplied to the requester. */
public enum SharingMethod {
  SECURE_EMAIL("Secure email"),
  PORTAL("Portal"),
  IN_PERSON("In person"),
  PHONE("Phone");

  private final String label;

  SharingMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
