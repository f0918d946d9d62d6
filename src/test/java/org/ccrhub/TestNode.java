package org.ccrhub;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * The settings of another server of the test installation, as an operator would start a second
 * node: the shared test context's database (as an external one, not migrated again), its keys, a
 * port of its own, no warm-ups. Callers add their own settings and start {@link CcrHubApplication}
 * with them.
 */
public final class TestNode {

  private TestNode() {}

  /**
   * The settings, with {@code dataDirectory} as the node's own data directory. A caller that sets
   * one of them differently removes it first: a setting given twice is read as a list.
   */
  public static List<String> settings(
      Environment environment, DataSource dataSource, String dataDirectory) {
    HikariDataSource database = (HikariDataSource) dataSource;
    return new ArrayList<>(
        List.of(
            "--spring.datasource.url=" + database.getJdbcUrl(),
            "--spring.datasource.username=" + database.getUsername(),
            "--spring.datasource.password="
                + (database.getPassword() == null ? "" : database.getPassword()),
            // the embedded server allows 40 connections, the shared context's pool takes 8
            "--spring.datasource.hikari.maximum-pool-size=4",
            "--spring.flyway.enabled=false",
            "--server.port=0",
            "--ccr.documents.warm-up=false",
            "--ccr.imports.warm-up=false",
            "--ccr.data-dir=" + dataDirectory,
            "--ccr.audit.key=" + environment.getProperty("ccr.audit.key", ""),
            "--ccr.two-factor.key=" + environment.getProperty("ccr.two-factor.key", ""),
            // as the test application: the tests' many sign-ins from one address do not make it
            // busy (the per-address limit has tests of its own)
            "--ccr.sign-in.max-failures-per-address="
                + environment.getProperty("ccr.sign-in.max-failures-per-address", "30")));
  }

  /**
   * The settings of a node sharing the test context's data directory (its checkpoint and files).
   */
  public static List<String> settings(Environment environment, DataSource dataSource) {
    return settings(environment, dataSource, environment.getRequiredProperty("ccr.data-dir"));
  }
}
