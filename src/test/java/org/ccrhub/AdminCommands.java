package org.ccrhub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Runs admin commands in this JVM, as an operator would run {@code java -jar ccr-hub.jar ...},
 * against the running test application's database: the embedded server through its data directory
 * (the path a command takes while {@code serve} is running) or the external server.
 */
@TestComponent
public class AdminCommands {

  private final Environment environment;

  AdminCommands(Environment environment) {
    this.environment = environment;
  }

  public record Result(int exitCode, String out, String err) {}

  public Result run(String... args) {
    return runWithInput("", args);
  }

  public synchronized Result runWithInput(String stdin, String... args) {
    List<String> options = new ArrayList<>();
    // the data directory holds the audit key and checkpoint, also with an external database
    options.add("--ccr.data-dir=" + environment.getProperty("ccr.data-dir"));
    for (String key : List.of("ccr.audit.key", "ccr.two-factor.key")) {
      if (!environment.getProperty(key, "").isBlank()) {
        options.add("--" + key + "=" + environment.getProperty(key));
      }
    }
    if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
      options.add("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"));
      options.add(
          "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"));
      options.add(
          "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"));
      options.add("--spring.flyway.user=" + environment.getProperty("spring.flyway.user"));
      options.add("--spring.flyway.password=" + environment.getProperty("spring.flyway.password"));
    }
    return runWith(options, stdin, args);
  }

  /** Runs a command with these Spring options (database, data directory) instead of the test's. */
  public static synchronized Result runWith(List<String> options, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(options);
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      int code = CcrHub.run(all.toArray(String[]::new));
      return new Result(
          code,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.setIn(in);
      showEveryLevelOnTheConsoleAgain();
    }
  }

  /**
   * A command shows only errors on the console (CommandContext), and in this JVM its start set that
   * for every application here, whose INFO lines tests read: the console shows every level again,
   * as it does for a server.
   */
  private static void showEveryLevelOnTheConsoleAgain() {
    if (org.slf4j.LoggerFactory.getILoggerFactory()
        instanceof ch.qos.logback.classic.LoggerContext logback) {
      var console = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
      if (console != null) {
        console.clearAllFilters();
      }
    }
  }
}
