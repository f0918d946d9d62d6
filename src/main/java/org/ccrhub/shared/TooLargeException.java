package org.ccrhub.shared;

/**
 * Refused because what was asked for is too large to make with the memory the server has (a PDF of
 * thousands of pages, say). Its message is written for the person and says what to ask for instead;
 * pages show it with status 422, commands print it.
 */
public class TooLargeException extends InvalidInputException {

  public TooLargeException(String message) {
    super(message);
  }
}
