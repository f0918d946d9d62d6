package org.ccrhub.plans.web;

import java.util.Optional;
import java.util.regex.Pattern;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;

/**
 * Where a form goes back to after saving: the page of the same partnership it was opened from (My
 * actions, a plan's overview with its filters), given as the {@code from} parameter of the form's
 * address. Only a plain path under {@code /p/{slug}/} with an optional query is accepted, so the
 * parameter can never send anyone to another site or another partnership; anything else is ignored
 * and the form goes back to the action's page.
 */
final class ReturnTo {

  static final int MAX_LENGTH = 1000;

  /** Letters, digits and {@code . _ ~ - /}: no percent signs, so no encoded slashes or dots. */
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~/-]*");

  /** What an encoded query may hold, each percent sign starting an escape of two hex digits. */
  private static final Pattern QUERY =
      Pattern.compile("(?:[A-Za-z0-9._~/?&=+,:@!*'()-]|%[0-9A-Fa-f]{2})*");

  private ReturnTo() {}

  /** The page to go back to, if {@code from} is one of the partnership's own pages. */
  static Optional<String> of(@Nullable String from, Partnership partnership) {
    return of(from, partnership.slug());
  }

  /** The page to go back to, if {@code from} is a page of the partnership with this slug. */
  static Optional<String> of(@Nullable String from, String slug) {
    if (from == null || from.isEmpty() || from.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (from.equals("/p/" + slug)) {
      return Optional.of(from); // the partnership's home page
    }
    String prefix = "/p/" + slug + "/";
    if (!from.startsWith(prefix)) {
      return Optional.empty();
    }
    int question = from.indexOf('?');
    String path = question < 0 ? from : from.substring(0, question);
    String query = question < 0 ? "" : from.substring(question + 1);
    if (!PATH.matcher(path).matches()
        || path.contains("//")
        || path.endsWith("/.")
        || path.endsWith("/..")
        || path.contains("/./")
        || path.contains("/../")
        || !QUERY.matcher(query).matches()) {
      return Optional.empty();
    }
    return Optional.of(from);
  }
}
