package org.ccrhub.sharing;

import java.util.List;
import java.util.stream.Collectors;
import org.ccrhub.shared.InvalidInputException;

/**
 * A change to the register that was refused, with every problem named by the field it concerns, so
 * that a form can show each beside its field. The message lists them all, one sentence each.
 */
public class ProtocolRegisterRejectedException extends InvalidInputException {

  private final List<ProtocolRegisterChanges.Problem> problems;

  public ProtocolRegisterRejectedException(List<ProtocolRegisterChanges.Problem> problems) {
    super(
        problems.stream()
            .map(ProtocolRegisterChanges.Problem::message)
            .collect(Collectors.joining(". ")));
    this.problems = List.copyOf(problems);
  }

  ProtocolRegisterRejectedException(String field, String message) {
    this(List.of(new ProtocolRegisterChanges.Problem(field, message)));
  }

  public List<ProtocolRegisterChanges.Problem> problems() {
    return problems;
  }
}
