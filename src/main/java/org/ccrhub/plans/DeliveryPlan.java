package org.ccrhub.plans;

import java.time.Instant;
import java.util.Optional;

/**
 * A delivery plan: the actions that turn a strategy's outcomes into work for a year (e.g. 2016/17)
 * or several years.
 *
 * @param marking the protective marking printed on its reports, e.g. OFFICIAL
 * @param publishedAt when it was published on its public page, if it is
 */
public record DeliveryPlan(
    long id,
    long partnershipId,
    String name,
    FinancialYear firstYear,
    FinancialYear lastYear,
    String marking,
    Optional<Instant> publishedAt,
    int version) {

  /** The years it runs, e.g. {@code 2016/17} or {@code 2016/17 to 2018/19}. */
  public String years() {
    return firstYear.equals(lastYear) ? firstYear.toString() : firstYear + " to " + lastYear;
  }

  public boolean isPublished() {
    return publishedAt.isPresent();
  }
}
