package org.ccrhub.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Two settings for operators, turned into Spring Boot's before logging starts (ADR 23):
 *
 * <ul>
 *   <li>{@code ccr.log-format} ({@code CCR_LOG_FORMAT}): {@code text}, the default, or {@code
 *       json}, which writes one JSON object a line in the Elastic Common Schema (Spring Boot's
 *       structured logging; {@code ecs}, {@code logstash} and {@code gelf} name a format directly).
 *   <li>{@code ccr.management.port} ({@code CCR_MANAGEMENT_PORT}): unset, the default, changes
 *       nothing (health at {@code /actuator/health} on the main port, no metrics served). Set, a
 *       second server on that port serves {@code /actuator/health} and {@code
 *       /actuator/prometheus}, and requests are timed by route for it.
 * </ul>
 *
 * Registered in {@code META-INF/spring.factories}, so the command-line tools read them too.
 */
final class LogsAndMetrics implements EnvironmentPostProcessor {

  static final String SOURCE = "ccr-logs-and-metrics";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> settings = settings(environment::getProperty);
    if (!settings.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
    }
  }

  /** Spring Boot's settings for the given CCR Hub settings (none when both are unset). */
  static Map<String, Object> settings(UnaryOperator<@Nullable String> setting) {
    Map<String, Object> settings = new LinkedHashMap<>();
    String format = structuredFormat(setting.apply("ccr.log-format"));
    if (format != null) {
      settings.put("logging.structured.format.console", format);
      settings.put("logging.structured.format.file", format);
    }
    String port = setting.apply("ccr.management.port");
    if (port != null && !port.isBlank()) {
      settings.put("management.server.port", managementPort(port.strip()));
      settings.put("management.endpoints.web.exposure.include", "health,prometheus");
      // off for everything else (application.properties): only what the metrics show is observed
      settings.put("management.observations.enable.http.server.requests", "true");
    }
    return settings;
  }

  private static @Nullable String structuredFormat(@Nullable String value) {
    String format = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (format) {
      case "", "text" -> null;
      case "json", "ecs" -> "ecs";
      case "logstash", "gelf" -> format;
      default ->
          throw new IllegalArgumentException(
              "ccr.log-format (CCR_LOG_FORMAT) is '"
                  + value
                  + "': use text (the default) or json (also ecs, logstash or gelf)");
    };
  }

  private static int managementPort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "ccr.management.port (CCR_MANAGEMENT_PORT) is '"
            + value
            + "': give a port number, such as 8081, or leave it unset for no metrics");
  }
}
