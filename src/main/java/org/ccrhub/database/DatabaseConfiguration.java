package org.ccrhub.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL server when no external database is configured: the application
 * connects as its own role, and migrations run as the schema owner. With {@code
 * spring.datasource.url} set, Spring Boot's own data source is used (and {@code spring.flyway.user}
 * for migrations) and nothing is started here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoExternalDatabase.class)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(@Value("${ccr.data-dir}") String dataDirectory) {
    return EmbeddedDatabase.start(Path.of(dataDirectory).toAbsolutePath());
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      EmbeddedDatabase database, @Value("${ccr.database.pool-size:8}") int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(EmbeddedDatabase.APP);
    config.setPassword(database.passwordOf(EmbeddedDatabase.APP));
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("ccr-hub");
    // a failed check's message would quote the whole row ("Failing row contains ..."), personal
    // data included, into the logs
    config.addDataSourceProperty("logServerErrorDetail", "false");
    return new HikariDataSource(config);
  }

  @Bean
  FlywayConfigurationCustomizer migrationsAsSchemaOwner(EmbeddedDatabase database) {
    return flyway ->
        flyway.dataSource(
            database.jdbcUrl(),
            EmbeddedDatabase.OWNER,
            database.passwordOf(EmbeddedDatabase.OWNER));
  }

  static final class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
