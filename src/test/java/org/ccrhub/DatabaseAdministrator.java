package org.ccrhub;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    if (TestDatabase.external()) {
      return client(
          environment.getProperty("spring.flyway.user"),
          environment.getProperty("spring.flyway.password"));
    }
    return client("ccrhub_owner", embeddedPassword("ccrhub_owner"));
  }

  /** The superuser: only on the embedded server (CI's external role is not one). */
  public Optional<JdbcClient> superuser() {
    return TestDatabase.external()
        ? Optional.empty()
        : Optional.of(client("postgres", embeddedPassword("postgres")));
  }

  private JdbcClient client(String user, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(application.getJdbcUrl());
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return JdbcClient.create(dataSource);
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
