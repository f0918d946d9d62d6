package org.ccrhub.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

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
