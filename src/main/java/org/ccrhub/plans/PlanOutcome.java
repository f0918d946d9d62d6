package org.ccrhub.plans;

import java.util.Optional;

/** An outcome (strategic priority) of a plan, e.g. "3 Support for victim/survivors". */
public record PlanOutcome(long id, Optional<String> ref, String title, int position) {

  /** As plans write it: ref then title, or the title alone. */
  public String label() {
    return ref.map(r -> r + " " + title).orElse(title);
  }
}
