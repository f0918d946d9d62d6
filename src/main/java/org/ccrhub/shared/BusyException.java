package org.ccrhub.shared;

/**
 * Refused for now, because as much of some heavy work was running as is allowed at once (a {@link
 * Gate}) and none finished soon. Its message is written for the person and says to try again; pages
 * show it with status 503, commands print it.
 */
public class BusyException extends InvalidInputException {

  public BusyException(String message) {
    super(message);
  }
}
