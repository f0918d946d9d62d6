package org.ccrhub.plans;

import java.util.Optional;

/**
 * An area of delivery under an outcome, e.g. "3.1 Governance and leadership".
 *
 * @param version moves on with each change, so that a change saved meanwhile is noticed
 */
public record DeliveryArea(
    long id, long outcomeId, Optional<String> ref, String title, int position, int version) {

  public String label() {
    return ref.map(r -> r + " " + title).orElse(title);
  }
}
