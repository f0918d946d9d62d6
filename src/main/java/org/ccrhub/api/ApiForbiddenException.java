package org.ccrhub.api;

/**
 * The caller's roles do not allow this (403). Only for something inside the token's partnership: a
 * thing outside it is not found (404), so that nobody learns it exists.
 */
public class ApiForbiddenException extends RuntimeException {

  public ApiForbiddenException(String message) {
    super(message);
  }
}
