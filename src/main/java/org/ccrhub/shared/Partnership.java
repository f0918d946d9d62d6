package org.ccrhub.shared;

import java.util.regex.Pattern;

/**
 * A community safety partnership: the tenant. Every module's data belongs to exactly one, and a
 * user of one partnership never sees another's records.
 *
 * @param slug the short name used in addresses, e.g. {@code haringey}
 */
public record Partnership(long id, String slug, String name) {

  /** The request attribute under which the partnership of the current page is kept. */
  public static final String REQUEST_ATTRIBUTE = Partnership.class.getName();

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public static String checkSlug(String slug) {
    if (slug == null || slug.length() > 60 || !SLUG.matcher(slug).matches()) {
      throw new InvalidInputException(
          "Slug '"
              + slug
              + "' is not valid: use 1 to 60 lower-case letters, digits and single hyphens,"
              + " e.g. haringey or north-east-lincs");
    }
    return slug;
  }

  public static String checkName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new InvalidInputException(
          "Partnership name '" + name + "' is not valid: give 1 to 200 characters");
    }
    return name.strip();
  }
}
