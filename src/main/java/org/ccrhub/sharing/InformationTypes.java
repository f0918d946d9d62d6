package org.ccrhub.sharing;

import java.util.List;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The kinds of information a decision can say were disclosed: shipped, and the partnership's. */
@Service
public class InformationTypes {

  private final JdbcClient jdbc;

  InformationTypes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The names in use, shipped first, in their order. */
  public List<String> of(Partnership partnership) {
    return jdbc.sql(
            """
            select name from information_type
            where in_use and (partnership_id is null or partnership_id = :p)
            order by partnership_id nulls first, sort, lower(name)
            """)
        .param("p", partnership.id())
        .query(String.class)
        .list();
  }
}
