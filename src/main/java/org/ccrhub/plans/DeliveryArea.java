package org.ccrhub.plans;

import java.util.Optional;

/** An area of delivery under an outcome, e.g. "3.1 Governance and leadership". */
public record DeliveryArea(
    long id, long outcomeId, Optional<String> ref, String title, int position) {

  public String label() {
    return ref.map(r -> r + " " + title).orElse(title);
  }
}
