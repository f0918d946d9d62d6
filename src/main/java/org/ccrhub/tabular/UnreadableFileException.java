package org.ccrhub.tabular;

/** A file that is not a table that can be read (binary, empty, too large, broken). */
public class UnreadableFileException extends RuntimeException {

  public UnreadableFileException(String message) {
    super(message);
  }
}
