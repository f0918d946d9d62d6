package org.ccrhub.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Checkpoint lines as the server writes them with {@code CCR_LOG_FORMAT=json}: logged as {@link
 * AuditCheckpoints} logs them and formatted by Spring Boot's own ECS encoder, in a logger context
 * of their own (the tests' logging is left alone).
 */
final class JsonLogLines {

  private JsonLogLines() {}

  static String checkpoint(Collection<AuditCheckpoint.Head> heads) {
    LoggerContext logs = new LoggerContext();
    logs.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.setContext(logs);
    events.start();
    Logger logger = logs.getLogger(AuditCheckpoints.class);
    logger.addAppender(events);
    logger.info("{}{}", AuditCheckpointLog.PREFIX, AuditCheckpointLog.line(heads));

    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("spring.application.name", "ccr-hub")));
    logs.putObject(Environment.class.getName(), environment);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(logs);
    encoder.setFormat("ecs");
    encoder.start();
    return new String(encoder.encode(events.list.get(0)), StandardCharsets.UTF_8);
  }
}
