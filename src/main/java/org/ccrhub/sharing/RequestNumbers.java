package org.ccrhub.sharing;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The partnership's request numbers ("Request 42"), given one after another. */
final class RequestNumbers {

  private RequestNumbers() {}

  /**
   * Locks the partnership's request numbers until the transaction ends, so requests raised and
   * imported at once get numbers in turn; returns the last number given.
   */
  static int lock(JdbcClient jdbc, long partnershipId) {
    jdbc.sql(
            """
            insert into sharing_number (partnership_id, last_number) values (:p, 0)
            on conflict (partnership_id) do nothing
            """)
        .param("p", partnershipId)
        .update();
    return jdbc.sql("select last_number from sharing_number where partnership_id = :p for update")
        .param("p", partnershipId)
        .query(Integer.class)
        .single();
  }

  /** Records the last number given. */
  static void given(JdbcClient jdbc, long partnershipId, int last) {
    jdbc.sql("update sharing_number set last_number = :n where partnership_id = :p")
        .param("n", last)
        .param("p", partnershipId)
        .update();
  }
}
