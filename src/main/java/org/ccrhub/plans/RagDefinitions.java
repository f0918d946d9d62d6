package org.ccrhub.plans;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each rating means to a partnership: the key printed on its reports. A partnership may word
 * its own definitions; where it has none for a rating, its scheme's default applies.
 */
@Service
public class RagDefinitions {

  private final JdbcClient jdbc;
  private final DeliveryPlans plans;

  RagDefinitions(JdbcClient jdbc, DeliveryPlans plans) {
    this.jdbc = jdbc;
    this.plans = plans;
  }

  /** Each rating and state of the partnership's scheme, in the scheme's order, with its meaning. */
  @Transactional(readOnly = true)
  public Map<RagRating, String> definitions(Partnership partnership) {
    RagScheme scheme = plans.scheme(partnership);
    Map<String, String> own = new HashMap<>();
    jdbc.sql("select rating, definition from rag_definition where partnership_id = :p")
        .param("p", partnership.id())
        .query(
            rs -> {
              own.put(rs.getString(1).strip().toUpperCase(Locale.ROOT), rs.getString(2).strip());
            });
    Map<RagRating, String> definitions = new LinkedHashMap<>();
    for (RagRating rating : scheme.allowed()) {
      definitions.put(rating, own.getOrDefault(rating.name(), scheme.defaultDefinition(rating)));
    }
    return Collections.unmodifiableMap(definitions);
  }

  /** Sets the partnership's wording of a rating; a blank text goes back to the scheme's default. */
  @Transactional
  public void define(Partnership partnership, RagRating rating, String definition) {
    String text = definition == null ? "" : definition.strip();
    if (text.length() > 500) {
      throw new org.ccrhub.shared.InvalidInputException(
          "The definition of " + rating.label() + " must be 500 characters or fewer");
    }
    if (text.isEmpty() || text.equals(plans.scheme(partnership).defaultDefinition(rating))) {
      jdbc.sql("delete from rag_definition where partnership_id = :p and rating = :r")
          .param("p", partnership.id())
          .param("r", rating.name())
          .update();
      return;
    }
    jdbc.sql(
            """
            insert into rag_definition (partnership_id, rating, definition) values (:p, :r, :d)
            on conflict (partnership_id, rating) do update set definition = :d
            """)
        .param("p", partnership.id())
        .param("r", rating.name())
        .param("d", text)
        .update();
  }
}
