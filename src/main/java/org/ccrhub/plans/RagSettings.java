package org.ccrhub.plans;

import java.util.List;
import java.util.stream.Collectors;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership's RAG scheme. It can change only while no progress update uses a level the new
 * scheme does not have, so that no rating ever loses its meaning.
 */
@Service
public class RagSettings {

  private final JdbcClient jdbc;
  private final DeliveryPlans plans;
  private final Partnerships partnerships;

  RagSettings(JdbcClient jdbc, DeliveryPlans plans, Partnerships partnerships) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.partnerships = partnerships;
  }

  /** The ratings used in the partnership's updates that the given scheme does not have. */
  @Transactional(readOnly = true)
  public List<RagRating> ratingsLostBy(Partnership partnership, RagScheme scheme) {
    return jdbc
        .sql(
            """
            select distinct u.rating from progress_update u
            join plan_action a on a.id = u.action_id
            join delivery_plan d on d.id = a.plan_id
            where d.partnership_id = :p order by 1
            """)
        .param("p", partnership.id())
        .query(String.class)
        .list()
        .stream()
        .map(RagRating::valueOf)
        .filter(r -> !scheme.allowed().contains(r))
        .toList();
  }

  @Transactional
  public void changeScheme(Partnership partnership, RagScheme scheme) {
    if (plans.scheme(partnership) == scheme) {
      return;
    }
    List<RagRating> lost = ratingsLostBy(partnership, scheme);
    if (!lost.isEmpty()) {
      throw new InvalidInputException(
          "Progress updates are rated "
              + lost.stream().map(RagRating::label).collect(Collectors.joining(", "))
              + ", which the "
              + (scheme == RagScheme.FOUR ? "four" : "three")
              + "-level scheme does not have, so the scheme cannot change");
    }
    partnerships.changeRagScheme(partnership, scheme);
  }
}
