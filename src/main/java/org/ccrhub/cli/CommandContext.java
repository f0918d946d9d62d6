package org.ccrhub.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import picocli.CommandLine;

/**
 * What a command needs from the outside: the Spring arguments given on the command line and, on
 * first use, a running application context without the web server.
 */
public final class CommandContext implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandContext.class);
  private static final List<String> SPRING_PREFIXES =
      List.of("--spring.", "--ccr.", "--server.", "--logging.", "--management.", "--debug");

  private final Class<?> application;
  private final String[] springArgs;
  private final String[] commandArgs;
  private ConfigurableApplicationContext context;
  private ConfigurableApplicationContext settingsOnly;

  private CommandContext(Class<?> application, String[] springArgs, String[] commandArgs) {
    this.application = application;
    this.springArgs = springArgs;
    this.commandArgs = commandArgs;
  }

  /** Splits the arguments into Spring's and the command's, for the given Spring application. */
  public static CommandContext from(Class<?> application, String[] args) {
    List<String> spring = new ArrayList<>();
    List<String> command = new ArrayList<>();
    for (String arg : args) {
      if (SPRING_PREFIXES.stream().anyMatch(arg::startsWith)) {
        spring.add(arg);
      } else {
        command.add(arg);
      }
    }
    return new CommandContext(
        application, spring.toArray(String[]::new), command.toArray(String[]::new));
  }

  public String[] commandArgs() {
    return commandArgs.clone();
  }

  /** A picocli command line whose commands may take this context in their constructor. */
  public CommandLine commandLine(Object root) {
    CommandLine commandLine = new CommandLine(root, new Factory());
    // Text given to a command is cleaned as text typed into a form is (web/InputCleaning)
    commandLine.registerConverter(String.class, PlainText::clean);
    commandLine.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          if (ex instanceof InvalidInputException) {
            err.println(ex.getMessage());
          } else {
            log.error("Command failed", ex);
            err.println("The command failed unexpectedly; see the log for details.");
          }
          err.flush();
          return 1;
        });
    return commandLine;
  }

  /** The Spring application class. */
  public Class<?> application() {
    return application;
  }

  /** The Spring arguments, for the server. */
  public String[] springArgs() {
    return springArgs.clone();
  }

  /** Returns a bean of the application, starting it without the web server on first use. */
  public <T> T bean(Class<T> type) {
    if (context == null) {
      context =
          new SpringApplicationBuilder(application)
              .web(WebApplicationType.NONE)
              .logStartupInfo(false)
              .properties(
                  "spring.main.banner-mode=off",
                  "logging.threshold.console=ERROR",
                  "ccr.command-line=true")
              .run(springArgs);
    }
    return context.getBean(type);
  }

  /**
   * The application's settings (application.properties, the environment, the Spring arguments)
   * without starting the application: no database connection, no migration, no beans of its own.
   * For commands that must not change the database by starting the application ({@code backup},
   * {@code restore}).
   */
  public Environment settings() {
    if (settingsOnly == null) {
      settingsOnly =
          new SpringApplicationBuilder(SettingsOnly.class)
              .web(WebApplicationType.NONE)
              .logStartupInfo(false)
              .properties(
                  "spring.main.banner-mode=off",
                  "logging.threshold.console=ERROR",
                  "ccr.command-line=true")
              .run(springArgs);
    }
    return settingsOnly.getEnvironment();
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
      context = null;
    }
    if (settingsOnly != null) {
      settingsOnly.close();
      settingsOnly = null;
    }
  }

  /** A context with nothing in it: only its environment is used. */
  @Configuration(proxyBeanMethods = false)
  static class SettingsOnly {}

  private final class Factory implements CommandLine.IFactory {
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == CommandContext.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(CommandContext.this));
        }
      }
      return fallback.create(type);
    }
  }
}
