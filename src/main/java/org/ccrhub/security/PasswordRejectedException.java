package org.ccrhub.security;

/** A new password, or the current one given to change it, was not accepted. */
class PasswordRejectedException extends RuntimeException {

  private final String field;

  PasswordRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
