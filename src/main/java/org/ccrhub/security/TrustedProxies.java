package org.ccrhub.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code X-Forwarded-For} (and {@code X-Forwarded-Proto}) are believed only from the proxies named
 * in {@code ccr.trusted-proxies}: none by default, so a client cannot write another address into
 * the audit trail or slip past the sign-in throttle. Spring Boot's own forwarded-header support
 * stays off ({@code server.forward-headers-strategy=none}): when on, it trusts every private and
 * loopback address.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesValve(
      @Value("${ccr.trusted-proxies:}") String trustedProxies) {
    List<String> ranges = ranges(trustedProxies);
    return factory -> {
      if (ranges.isEmpty()) {
        return;
      }
      RemoteIpValve valve = new RemoteIpValve();
      valve.setInternalProxies(String.join(", ", ranges));
      valve.setTrustedProxies(null);
      valve.setRemoteIpHeader("X-Forwarded-For");
      valve.setProtocolHeader("X-Forwarded-Proto");
      factory.addEngineValves(valve);
    };
  }

  /**
   * The setting as CIDR ranges: each entry an IP address (which becomes a range of one) or a range
   * such as {@code 10.0.0.0/24}. Host names are refused, as they would be looked up.
   */
  static List<String> ranges(String setting) {
    List<String> ranges = new ArrayList<>();
    for (String entry : setting.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String address = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
      boolean ipv4 = IPV4.matcher(address).matches();
      if (!ipv4 && !IPV6.matcher(address).matches()) {
        throw new IllegalArgumentException(
            "ccr.trusted-proxies: '"
                + trimmed
                + "' is not an IP address or range: use addresses such as 10.0.0.5 or ranges such"
                + " as 10.0.0.0/24, separated by commas");
      }
      String range = trimmed.contains("/") ? trimmed : trimmed + (ipv4 ? "/32" : "/128");
      try {
        new NetMask(range);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "ccr.trusted-proxies: '" + trimmed + "' is not an IP address or range", e);
      }
      ranges.add(range);
    }
    return ranges;
  }
}
