package org.ccrhub.database;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the nightly jobs ({@code @SchedulerLock}) take their lock, so that one node of several runs
 * each: a row per job in the {@code shedlock} table, with times read from the database's clock
 * rather than each node's.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerLocks {

  @Bean
  LockProvider schedulerLockProvider(JdbcTemplate jdbc) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(jdbc)
            .withTableName("shedlock")
            .usingDbTime()
            .build());
  }
}
