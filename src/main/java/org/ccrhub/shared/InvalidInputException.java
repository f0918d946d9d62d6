package org.ccrhub.shared;

/**
 * Bad input to a command or a service, with a plain message that names the bad value. Commands
 * print the message and exit with code 1; the web layer shows it as a form error.
 */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
