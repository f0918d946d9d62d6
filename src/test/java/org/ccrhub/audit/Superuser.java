package org.ccrhub.audit;

import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.ccrhub.DatabaseAdministrator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with full access to the test database, as an attacker or a careless administrator would
 * use psql: the embedded server's superuser, or the external test server's schema owner (which the
 * audit table's triggers let through), never the role the application connects as.
 */
final class Superuser {

  private final DatabaseAdministrator administrator;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  private Superuser(DatabaseAdministrator administrator, DataSource dataSource) {
    this.administrator = administrator;
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  static Superuser of(DatabaseAdministrator administrator) {
    return new Superuser(
        administrator,
        administrator.superuserDataSource().orElseGet(administrator::ownerDataSource));
  }

  /**
   * Runs statements in one transaction with the audit table's triggers bypassed (a superuser
   * switches them off; they let the owner through).
   */
  void tamper(Consumer<JdbcClient> statements) {
    inTransaction(
        sql -> {
          if (sql.sql("select rolsuper from pg_roles where rolname = current_user")
              .query(Boolean.class)
              .single()) {
            sql.sql("set local session_replication_role = replica").update();
          }
          statements.accept(sql);
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

  /** Spring options that connect an application to this database, in a schema of its own. */
  java.util.List<String> connectionTo(String schema) {
    return administrator.connectionTo(schema);
  }

  /**
   * Flyway set up to migrate a schema of its own as the application's migrations run (as the schema
   * owner), for a separate installation on the test database.
   */
  org.flywaydb.core.api.configuration.FluentConfiguration migrations(String schema) {
    java.util.List<String> connection = connectionTo(schema);
    return org.flywaydb.core.Flyway.configure()
        .dataSource(
            connection.get(0).substring("--spring.datasource.url=".length()),
            connection.get(3).substring("--spring.flyway.user=".length()),
            connection.get(4).substring("--spring.flyway.password=".length()))
        .schemas(schema)
        .locations("classpath:db/migration");
  }
}
