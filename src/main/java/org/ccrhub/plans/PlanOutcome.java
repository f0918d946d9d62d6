package org.ccrhub.plans;

import java.util.Optional;

/**
 * An outcome (strategic priority) of a plan, e.g. "3 Support for victim/survivors".
 *
 * @param version moves on with each change, so that a change saved meanwhile is noticed
 */
public record PlanOutcome(long id, Optional<String> ref, String title, int position, int version) {

  /** As plans write it: ref then title, or the title alone. */
  public String label() {
    return ref.map(r -> r + " " + title).orElse(title);
  }
}
