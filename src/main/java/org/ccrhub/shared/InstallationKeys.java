package org.ccrhub.shared;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fingerprints of the keys every server of an installation must share (the audit key, the
 * two-factor key), kept in the database that the servers share: the first server to have a key
 * records its fingerprint, and each server compares its own with it at start. So two servers that
 * made their own keys, or were given different ones, are told at start rather than found out when
 * the audit trail fails its checks or people are refused their codes.
 */
public final class InstallationKeys {

  private InstallationKeys() {}

  /** The fingerprint recorded for the key, if any server has recorded one. */
  public static Optional<String> recorded(JdbcClient jdbc, String name) {
    return jdbc.sql("select fingerprint from installation_key where name = :name")
        .param("name", name)
        .query(String.class)
        .optional();
  }

  /**
   * Records the fingerprint unless one is recorded already.
   *
   * @return the installation's fingerprint: this one, or the one recorded before
   */
  public static String claim(JdbcClient jdbc, String name, String fingerprint) {
    jdbc.sql(
            "insert into installation_key (name, fingerprint) values (:name, :fingerprint)"
                + " on conflict (name) do nothing")
        .param("name", name)
        .param("fingerprint", fingerprint)
        .update();
    return recorded(jdbc, name).orElseThrow();
  }

  /** Records a new key's fingerprint in place of a lost one's. */
  public static void replace(JdbcClient jdbc, String name, String fingerprint) {
    jdbc.sql(
            """
            insert into installation_key (name, fingerprint) values (:name, :fingerprint)
            on conflict (name) do update set fingerprint = excluded.fingerprint, recorded_at = now()
            """)
        .param("name", name)
        .param("fingerprint", fingerprint)
        .update();
  }
}
