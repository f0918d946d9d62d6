package org.ccrhub.partnership;

import org.ccrhub.shared.InvalidInputException;

/**
 * The details given for an agency, group or person break one of their rules: a name already used, a
 * reporting line that goes round in a circle, a choice that is not one of the partnership's. The
 * message says what is wrong in words for the person who typed it; {@link #field()} names the
 * detail it is about ({@code name}, {@code parent}, {@code agency}, {@code email}, {@code groups}),
 * so that a form can show it next to that field.
 */
public class DetailsRejectedException extends InvalidInputException {

  private final String field;

  public DetailsRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
