package org.ccrhub.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** Beans the server and the admin commands both need. */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

  /** Argon2id with Spring Security's current recommended parameters (16 MiB, 2 iterations). */
  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }

  @Bean
  PasswordPolicy passwordPolicy() {
    return PasswordPolicy.withCommonPasswords();
  }

  /**
   * Session attributes written with PostgreSQL's {@code insert ... on conflict do update}: two
   * requests of one new session at once (two tabs, or a page and its htmx request) both add the
   * CSRF token, and the plain insert of the second failed on the first's row.
   */
  @Bean
  PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
    return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  UserDetailsService userDetailsService(Accounts accounts, Clock clock) {
    return email ->
        accounts
            .findByEmail(email == null ? "" : email)
            .map(account -> new SignedInUser(account, clock.instant()))
            .orElseThrow(() -> new UsernameNotFoundException("No such account"));
  }
}
