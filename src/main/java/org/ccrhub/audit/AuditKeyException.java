package org.ccrhub.audit;

/** The audit key is missing, unreadable or unusable; the message says what to do. */
final class AuditKeyException extends RuntimeException {

  AuditKeyException(String message) {
    super(message);
  }
}
