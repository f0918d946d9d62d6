package org.ccrhub;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database as its administrators reach it, for tests that tamper with it as a person with
 * database access could: the schema owner (which runs migrations), and on the embedded server the
 * superuser, with the passwords from the data directory.
 */
@TestComponent
public class DatabaseAdministrator {

  private final Environment environment;
  private final HikariDataSource application;

  DatabaseAdministrator(Environment environment, DataSource application) {
    this.environment = environment;
    this.application = (HikariDataSource) application;
  }

  /** The role that owns the tables. */
  public JdbcClient owner() {
    return JdbcClient.create(ownerDataSource());
  }

  public DataSource ownerDataSource() {
    return dataSource(ownerUser(), ownerPassword());
  }

  /** The superuser: only on the embedded server (CI's external roles are not superusers). */
  public Optional<DataSource> superuserDataSource() {
    return TestDatabase.external()
        ? Optional.empty()
        : Optional.of(dataSource("postgres", embeddedPassword("postgres")));
  }

  /**
   * Spring options that connect another application to this database in a schema of its own, as
   * production does: the application's role, and the owner for migrations.
   */
  public List<String> connectionTo(String schema) {
    String url = application.getJdbcUrl();
    return List.of(
        "--spring.datasource.url="
            + url
            + (url.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema,
        "--spring.datasource.username=" + application.getUsername(),
        "--spring.datasource.password=" + application.getPassword(),
        "--spring.flyway.user=" + ownerUser(),
        "--spring.flyway.password=" + ownerPassword());
  }

  private String ownerUser() {
    return TestDatabase.external() ? environment.getProperty("spring.flyway.user") : "ccrhub_owner";
  }

  private String ownerPassword() {
    return TestDatabase.external()
        ? environment.getProperty("spring.flyway.password")
        : embeddedPassword("ccrhub_owner");
  }

  private DataSource dataSource(String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(application.getJdbcUrl());
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  private String embeddedPassword(String role) {
    Path file = Path.of(environment.getProperty("ccr.data-dir"), "database.passwords");
    Properties passwords = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      passwords.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return passwords.getProperty(role);
  }
}
