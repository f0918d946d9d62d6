package org.ccrhub.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: runs the web application until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the web application.")
public final class ServeCommand implements Callable<Integer> {

  /** Returned while the server runs, so that main does not exit the JVM. */
  public static final int SERVING = -1;

  private final CommandContext context;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080).")
  Integer port;

  @Option(
      names = "--demo",
      description =
          "Load the demo partnership with one user per role and print their sign-in details.")
  boolean demo;

  ServeCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (port != null && (port < 1 || port > 65535)) {
      throw new InvalidInputException("--port must be between 1 and 65535, not " + port);
    }
    List<String> args = new ArrayList<>(List.of(context.springArgs()));
    if (port != null) {
      args.add("--server.port=" + port);
    }
    if (demo) {
      args.add("--ccr.demo=true");
    }
    SpringApplication.run(context.application(), args.toArray(String[]::new));
    return SERVING;
  }
}
