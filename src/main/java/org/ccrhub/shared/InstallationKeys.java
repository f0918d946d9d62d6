package org.ccrhub.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * One of a server's keys: its name in the table, what people call it ("audit key"), the setting
   * that configures it, and its file in the data directory.
   */
  public record SharedKey(String name, String called, String setting, Path file) {

    /**
     * Records the key's fingerprint as the installation's if it is the first, or says why this
     * server must not use it: it is not the key of the other servers. A key file made by this start
     * is removed first, so that the next start is not refused for it again.
     *
     * @param configured whether the key came from the setting (else from the file)
     * @param madeNow whether this start made the key file
     * @param consequence what two keys would do, said after the fingerprints
     */
    public Optional<String> refusal(
        JdbcClient jdbc,
        String fingerprint,
        boolean configured,
        boolean madeNow,
        String consequence) {
      String installation = claim(jdbc, name, fingerprint);
      if (installation.equals(fingerprint)) {
        return Optional.empty();
      }
      if (madeNow) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException("Could not remove the key just made " + file, e);
        }
      }
      return Optional.of(
          "This server's "
              + called
              + " ("
              + (configured ? setting : file.toString())
              + ", fingerprint "
              + fingerprint
              + ") is not the key of the other servers of this installation (fingerprint "
              + installation
              + "): "
              + consequence
              + ". Give every server the same key: set "
              + setting
              + " to it on each, or copy "
              + file.getFileName()
              + " from the first server into "
              + file.getParent()
              + ".");
    }

    /**
     * Why this server, which has no key, must not make one: the installation has one already.
     *
     * @param otherwise what to do if the key is lost for good, said last
     */
    public Optional<String> missing(JdbcClient jdbc, String otherwise) {
      return recorded(jdbc, name)
          .map(
              installation ->
                  "This server has no "
                      + called
                      + " (neither "
                      + setting
                      + " nor "
                      + file
                      + "), but this installation has one (fingerprint "
                      + installation
                      + "). Set "
                      + setting
                      + " to it, or copy "
                      + file.getFileName()
                      + " from another server or a backup. "
                      + otherwise);
    }
  }

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
