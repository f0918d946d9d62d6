package org.ccrhub.marac;

import java.util.List;
import java.util.stream.Collectors;
import org.ccrhub.shared.InvalidInputException;

/**
 * MARAC settings that cannot be used, with every problem named by its setting so that a form can
 * show each beside its field. The message lists them all, one sentence each.
 */
public class MaracSettingsRejectedException extends InvalidInputException {

  private final List<MaracSettings.Problem> problems;

  public MaracSettingsRejectedException(List<MaracSettings.Problem> problems) {
    super(problems.stream().map(MaracSettings.Problem::message).collect(Collectors.joining(". ")));
    this.problems = List.copyOf(problems);
  }

  public List<MaracSettings.Problem> problems() {
    return problems;
  }
}
