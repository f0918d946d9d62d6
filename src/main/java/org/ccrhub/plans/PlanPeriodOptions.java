package org.ccrhub.plans;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of commands that write a file about one plan in one period. */
final class PlanPeriodOptions {

  @Option(names = "--partnership", required = true, paramLabel = "SLUG")
  String partnership;

  @Option(names = "--plan", required = true, paramLabel = "NAME")
  String plan;

  @Option(
      names = "--period",
      required = true,
      paramLabel = "PERIOD",
      description = "e.g. \"2016/17 Q2\"")
  String period;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;
}
