package org.ccrhub.partnership;

/**
 * An organisation in the partnership (the police, the council, a charity). People belong to an
 * agency, so an agency cannot be deleted while anyone does.
 *
 * @param version counts the changes saved, so that a change made on an out-of-date page is refused
 */
public record Agency(long id, String name, AgencyType type, int version) {

  static final int MAX_NAME = 200;

  static String checkName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw new DetailsRejectedException("name", "Enter the agency name");
    }
    if (stripped.length() > MAX_NAME) {
      throw new DetailsRejectedException(
          "name", "Agency name must be " + MAX_NAME + " characters or fewer");
    }
    return stripped;
  }
}
