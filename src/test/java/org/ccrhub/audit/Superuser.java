package org.ccrhub.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.ccrhub.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with full access to the test database (the embedded server's superuser, or the external
 * test server's owner role), as an attacker or a careless administrator would use psql: whatever
 * role the application itself connects as.
 */
final class Superuser {

  private final DriverManagerDataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  private Superuser(DriverManagerDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** Connects to the database the application uses. */
  static Superuser of(DataSource application) {
    String url;
    try (Connection connection = application.getConnection()) {
      url = connection.getMetaData().getURL();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return TestDatabase.external()
        ? new Superuser(
            new DriverManagerDataSource(url, env("CCR_TEST_DB_USER"), env("CCR_TEST_DB_PASSWORD")))
        : new Superuser(new DriverManagerDataSource(url, "postgres", ""));
  }

  /** Runs statements in one transaction with the audit table's triggers bypassed. */
  void tamper(Consumer<JdbcClient> statements) {
    inTransaction(
        sql -> {
          boolean superuser =
              sql.sql("select rolsuper from pg_roles where rolname = current_user")
                  .query(Boolean.class)
                  .single();
          if (superuser) {
            sql.sql("set local session_replication_role = replica").update();
          } else {
            sql.sql("alter table audit_event disable trigger user").update();
          }
          statements.accept(sql);
          if (!superuser) {
            sql.sql("alter table audit_event enable trigger user").update();
          }
          return null;
        });
  }

  /** Runs statements in one transaction, as they are. */
  <T> T inTransaction(Function<JdbcClient, T> statements) {
    return transactions.execute(status -> statements.apply(jdbc));
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  /** Spring options that connect an application to this database as this role, in a schema. */
  java.util.List<String> connectionTo(String schema) {
    String url = dataSource.getUrl();
    return java.util.List.of(
        "--spring.datasource.url="
            + url
            + (url.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema,
        "--spring.datasource.username=" + dataSource.getUsername(),
        "--spring.datasource.password=" + dataSource.getPassword());
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
