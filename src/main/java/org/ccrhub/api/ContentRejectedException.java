package org.ccrhub.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request body whose content breaks the rules (422), with every problem in it, as an import lists
 * every problem of a file. The problems are written for people and are shown as they are.
 */
public class ContentRejectedException extends RuntimeException {

  /**
   * One problem: where (a row of an array, counted from 1, and/or a field), the value given, and
   * why it is refused.
   */
  public record Problem(
      @Nullable Integer row, @Nullable String field, @Nullable String value, String reason) {

    public static Problem ofField(String field, @Nullable String value, String reason) {
      return new Problem(null, field, value, reason);
    }

    public static Problem ofRow(
        int row, @Nullable String field, @Nullable String value, String reason) {
      return new Problem(row, field, value, reason);
    }
  }

  private final List<Problem> problems;

  public ContentRejectedException(List<Problem> problems) {
    super(problems.size() + " problem(s) in the request");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A rejection needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
