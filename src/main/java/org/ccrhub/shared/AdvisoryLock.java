package org.ccrhub.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL advisory locks that serialise work across every node on one database, each a
 * namespace (the lock's first key) with one lock per partnership or chain (the second key). A lock
 * is held until the transaction ends, and the same transaction may take it again.
 *
 * <p>Lock order, to keep two transactions from waiting on each other: a transaction takes the lock
 * of the data it changes (lists, indicator values, retention) before it appends to the audit trail,
 * whose chain lock is always the last taken.
 */
public enum AdvisoryLock {
  /** Appends to one audit chain ("CCRH"). */
  AUDIT_CHAIN(0x43435248),
  /** A partnership's own lists of lawful bases and information types, so a name is taken once. */
  PARTNERSHIP_LISTS(0x4c495354),
  /** A partnership's indicator definitions and values, so one value is recorded once ("INDV"). */
  INDICATOR_VALUES(0x494e4456),
  /** A partnership's information-sharing retention purge, so it is done and audited once. */
  SHARING_RETENTION(0x53524554),
  /** The application role's grants after a migration, so two starting nodes do not race. */
  GRANTS(0x47524e54);

  private final int namespace;

  AdvisoryLock(int namespace) {
    this.namespace = namespace;
  }

  /** The lock's first key, for SQL run outside Spring's {@link JdbcClient}. */
  public int namespace() {
    return namespace;
  }

  /** Waits for the lock on {@code key} in this namespace; held until the transaction ends. */
  public void lock(JdbcClient jdbc, long key) {
    jdbc.sql("select pg_advisory_xact_lock(:namespace, :key)")
        .param("namespace", namespace)
        .param("key", Long.hashCode(key))
        .query((rs, n) -> 1)
        .list();
  }
}
