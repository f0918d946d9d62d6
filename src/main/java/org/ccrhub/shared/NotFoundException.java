package org.ccrhub.shared;

/**
 * Asked for something that does not exist, or that belongs to another partnership: both are shown
 * as "page not found", so that nobody learns what another partnership holds.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
