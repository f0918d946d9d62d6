package org.ccrhub.partnership;

import org.ccrhub.shared.InvalidInputException;

/**
 * Deleting this would leave other records pointing at nothing, e.g. an agency that people still
 * belong to. The message says what to do first.
 */
public class DeletionRefusedException extends InvalidInputException {

  public DeletionRefusedException(String message) {
    super(message);
  }
}
