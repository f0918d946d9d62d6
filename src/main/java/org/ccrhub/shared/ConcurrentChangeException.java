package org.ccrhub.shared;

/** Someone else saved the same record since this user opened it (optimistic locking). */
public class ConcurrentChangeException extends RuntimeException {

  public ConcurrentChangeException(String what) {
    super(what + " was changed by someone else");
  }
}
