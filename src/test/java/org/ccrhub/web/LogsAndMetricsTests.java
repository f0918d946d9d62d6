package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ccrhub.shared.RequestIds;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' settings for logs and metrics, and what a JSON log line looks like, made by Spring
 * Boot's own ECS formatter in a logger context of the test's own (the application's logging is not
 * touched).
 */
class LogsAndMetricsTests {

  @Test
  void jsonOnTheCommandLineTurnsOnSpringBootsStructuredLoggingInEcs() {
    ConfigurableEnvironment environment = environment(Map.of("ccr.log-format", "json"));

    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(environment.getProperty("logging.structured.format.file")).isEqualTo("ecs");
    assertThat(environment.getProperty("management.server.port")).isNull();
  }

  @Test
  void theEnvironmentVariablesWorkAsTheSettingsDo() {
    ConfigurableEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "env", Map.of("CCR_LOG_FORMAT", "JSON", "CCR_MANAGEMENT_PORT", "8081")));
    new LogsAndMetrics().postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(environment.getProperty("management.server.port")).isEqualTo("8081");
  }

  @Test
  void withoutTheSettingsNothingChanges() {
    ConfigurableEnvironment environment =
        environment(Map.of("ccr.log-format", "text", "ccr.management.port", ""));

    assertThat(environment.getPropertySources().contains(LogsAndMetrics.SOURCE)).isFalse();
    assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    assertThat(environment.getProperty("management.server.port")).isNull();
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health");
  }

  @Test
  void aManagementPortServesHealthAndPrometheusThereAndTimesRequests() {
    ConfigurableEnvironment environment = environment(Map.of("ccr.management.port", " 9090 "));

    assertThat(environment.getProperty("management.server.port")).isEqualTo("9090");
    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,prometheus");
    assertThat(environment.getProperty("management.observations.enable.http.server.requests"))
        .isEqualTo("true");
  }

  @Test
  void refusesAFormatOrPortItDoesNotKnow() {
    assertThatThrownBy(() -> environment(Map.of("ccr.log-format", "xml")))
        .hasMessage(
            "ccr.log-format (CCR_LOG_FORMAT) is 'xml': use text (the default) or json (also ecs,"
                + " logstash or gelf)");
    assertThatThrownBy(() -> environment(Map.of("ccr.management.port", "metrics")))
        .hasMessageStartingWith("ccr.management.port (CCR_MANAGEMENT_PORT) is 'metrics'");
    assertThatThrownBy(() -> environment(Map.of("ccr.management.port", "70000")))
        .hasMessageStartingWith("ccr.management.port (CCR_MANAGEMENT_PORT) is '70000'");
  }

  @Test
  void aRequestLogLineInJsonHasItsPartsAsEcsFields() {
    LoggerContext logs = new LoggerContext();
    logs.setMDCAdapter(MDC.getMDCAdapter());
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.setContext(logs);
    lines.start();
    Logger logger = logs.getLogger(RequestLog.LOGGER);
    logger.addAppender(lines);
    MDC.put(RequestIds.MDC_KEY, "3F2A9C01B7");
    MDC.put(RequestLog.ACCOUNT_MDC_KEY, "17");
    String line;
    try {
      RequestLog.write(
          logger,
          new RequestLog.Line(
              "3F2A9C01B7", "GET", "/p/{slug}/plans/{planId}", 200, 12, 17L, false));
      // as an appender does, while the request's MDC is there
      line = ecs(logs, lines.list.get(0));
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
      MDC.remove(RequestLog.ACCOUNT_MDC_KEY);
    }

    JsonNode json = JsonMapper.builder().build().readTree(line);

    assertThat(json.get("message").asString())
        .isEqualTo(
            "request=3F2A9C01B7 method=GET route=/p/{slug}/plans/{planId} status=200 ms=12"
                + " account=17");
    assertThat(json.get("log").get("logger").asString()).isEqualTo("org.ccrhub.request");
    assertThat(json.get("http").get("request").get("id").asString()).isEqualTo("3F2A9C01B7");
    assertThat(json.get("http").get("request").get("method").asString()).isEqualTo("GET");
    assertThat(json.get("http").get("route").asString()).isEqualTo("/p/{slug}/plans/{planId}");
    assertThat(json.get("http").get("response").get("status_code").asInt()).isEqualTo(200);
    assertThat(json.get("event").get("duration").asLong()).isEqualTo(12_000_000L);
    assertThat(json.get("user").get("id").asString()).isEqualTo("17");
  }

  /** The event as one line of Spring Boot's ECS format. */
  static String ecs(LoggerContext logs, ILoggingEvent event) {
    Environment environment =
        new StandardEnvironment() {
          {
            getPropertySources()
                .addFirst(
                    new MapPropertySource("test", Map.of("spring.application.name", "ccr-hub")));
          }
        };
    logs.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(logs);
    encoder.setFormat("ecs");
    encoder.start();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static ConfigurableEnvironment environment(Map<String, Object> settings) {
    ConfigurableEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application", Map.of("management.endpoints.web.exposure.include", "health")));
    environment.getPropertySources().addFirst(new MapPropertySource("command line", settings));
    new LogsAndMetrics().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
