package org.ccrhub.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The database as {@code backup} and {@code restore} reach it, without starting the application:
 * the embedded server of the data directory (started, or the running one used), or the external
 * server configured as for the application ({@code spring.datasource.url}, with {@code
 * spring.flyway.user} and {@code spring.flyway.password} for the schema owner). They connect as the
 * schema owner, the one role that can read every table (the application's role cannot read Flyway's
 * history) and create the schema.
 */
final class OwnerConnection implements AutoCloseable {

  private final @Nullable EmbeddedDatabase embedded;
  private final Path dataDirectory;
  private final String url;
  private final String owner;
  private final String ownerPassword;
  private final String applicationUrl;
  private final String application;
  private final String applicationPassword;

  private OwnerConnection(
      @Nullable EmbeddedDatabase embedded,
      Path dataDirectory,
      String url,
      String owner,
      String ownerPassword,
      String applicationUrl,
      String application,
      String applicationPassword) {
    this.embedded = embedded;
    this.dataDirectory = dataDirectory;
    this.url = url;
    this.owner = owner;
    this.ownerPassword = ownerPassword;
    this.applicationUrl = applicationUrl;
    this.application = application;
    this.applicationPassword = applicationPassword;
  }

  /** The data directory: the embedded server's, and where the audit and key files are kept. */
  static Path dataDirectory(Environment settings) {
    return Path.of(settings.getProperty("ccr.data-dir", "./ccr-data")).toAbsolutePath();
  }

  static boolean external(Environment settings) {
    return StringUtils.hasText(settings.getProperty("spring.datasource.url"));
  }

  /** Connects to the configured database; the embedded server is started if it is not running. */
  static OwnerConnection to(Environment settings) {
    Path dataDirectory = dataDirectory(settings);
    if (!external(settings)) {
      EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
      return new OwnerConnection(
          database,
          dataDirectory,
          database.jdbcUrl(),
          EmbeddedDatabase.OWNER,
          database.passwordOf(EmbeddedDatabase.OWNER),
          database.jdbcUrl(),
          EmbeddedDatabase.APP,
          database.passwordOf(EmbeddedDatabase.APP));
    }
    String applicationUrl = settings.getProperty("spring.datasource.url", "");
    String application = settings.getProperty("spring.datasource.username", "");
    String applicationPassword = settings.getProperty("spring.datasource.password", "");
    return new OwnerConnection(
        null,
        dataDirectory,
        or(settings.getProperty("spring.flyway.url"), applicationUrl),
        or(settings.getProperty("spring.flyway.user"), application),
        or(settings.getProperty("spring.flyway.password"), applicationPassword),
        applicationUrl,
        application,
        applicationPassword);
  }

  private static String or(@Nullable String value, String otherwise) {
    return StringUtils.hasText(value) ? value : otherwise;
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  boolean embedded() {
    return embedded != null;
  }

  String url() {
    return url;
  }

  String owner() {
    return owner;
  }

  String ownerPassword() {
    return ownerPassword;
  }

  /** A new connection as the schema owner. */
  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", owner);
    properties.setProperty("password", ownerPassword);
    // an error's message would otherwise quote the failing row (personal data) into the log
    properties.setProperty("logServerErrorDetail", "false");
    properties.setProperty("ApplicationName", "CCR Hub backup and restore");
    return DriverManager.getConnection(url, properties);
  }

  /** The application's role, which {@link LeastPrivilege} grants to and checks. */
  DataSource application() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(applicationUrl);
    dataSource.setUser(application);
    dataSource.setPassword(applicationPassword);
    dataSource.setLogServerErrorDetail(false);
    return dataSource;
  }

  @Override
  public void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
  }
}
