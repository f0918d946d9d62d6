package org.ccrhub.tabular;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ccrhub.shared.Gate;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Imports as the server runs them: files read within the configured {@link ImportLimits}, and at
 * most {@code ccr.imports.max-concurrent} imports (reading, preview and confirmation) at once (a
 * {@link Gate}), so that imports cannot take all the memory or all the processors from the pages.
 * An import that finds them all taken waits up to {@code ccr.imports.max-wait}, then is refused
 * with {@link ImportsBusyException}.
 *
 * <p>Each run is timed for the metrics (ADR 23) as {@code ccr.imports}, tagged with its {@code
 * kind} (plan, indicators, marac, sharing) and {@code outcome}: {@code completed}, {@code rejected}
 * (its problems listed to the person), {@code busy} (refused for want of a place) or {@code failed}
 * (an unexpected error).
 */
@Component
public class TableImports {

  private final ImportLimits limits;
  private final Gate running;
  private final MeterRegistry meters;

  @Autowired
  TableImports(
      @Value("${ccr.imports.max-rows:100000}") int maxRows,
      @Value("${ccr.imports.max-columns:100}") int maxColumns,
      @Value("${ccr.imports.max-cell-characters:32000}") int maxCellCharacters,
      @Value("${ccr.imports.max-expanded-size:64MB}") DataSize maxExpandedSize,
      @Value("${ccr.imports.time-limit:15s}") Duration timeLimit,
      @Value("${ccr.imports.max-concurrent:2}") int maxConcurrent,
      @Value("${ccr.imports.max-wait:5s}") Duration maxWait,
      MeterRegistry meters) {
    this(
        new ImportLimits(
            maxRows, maxColumns, maxCellCharacters, maxExpandedSize.toBytes(), timeLimit),
        maxConcurrent,
        maxWait,
        meters);
  }

  /** Without Spring: its timings are kept to itself. */
  public TableImports(ImportLimits limits, int maxConcurrent, Duration maxWait) {
    this(limits, maxConcurrent, maxWait, new SimpleMeterRegistry());
  }

  TableImports(ImportLimits limits, int maxConcurrent, Duration maxWait, MeterRegistry meters) {
    this.limits = limits;
    this.running = new Gate("ccr.imports.max-concurrent", maxConcurrent, maxWait);
    this.meters = meters;
  }

  public ImportLimits limits() {
    return limits;
  }

  /** Reads an uploaded file within the limits. */
  public Table read(byte[] content) {
    return Tables.read(content, limits);
  }

  /**
   * Reads a file of personal data within the limits, or says why not as row 1's problem: a file
   * that cannot be read is never a server error, and a reader's own message, which may quote the
   * cell it choked on (someone's name), is never shown or logged.
   *
   * @param what the file in words, for the log: "A MARAC import file"
   */
  public java.util.Optional<Table> read(
      byte[] content, java.util.List<ImportProblem> errors, String what) {
    try {
      return java.util.Optional.of(read(content));
    } catch (UnreadableFileException e) {
      errors.add(new ImportProblem(1, "(file)", "", e.getMessage()));
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(TableImports.class)
          .warn("{} could not be read: {}", what, e.getClass().getName());
      errors.add(
          new ImportProblem(
              1, "(file)", "", "The file could not be read: save it as CSV or XLSX and try again"));
    }
    return java.util.Optional.empty();
  }

  /**
   * Runs an import when fewer than the most allowed are running, waiting a short time for one to
   * finish. An exception it throws counts as {@code rejected} when it lists problems for the person
   * (an {@link InvalidInputException}, an {@link UnreadableFileException}, or one named {@code
   * ...RejectedException}, as every import's is).
   *
   * @param kind what is imported, for the metrics: a word from the code, never from the file
   * @throws ImportsBusyException when none finished in time
   */
  public <T> T run(String kind, Supplier<T> work) {
    return run(kind, work, result -> false);
  }

  /**
   * The same, for an import that returns its problems: a result that {@code rejected} accepts
   * counts as {@code rejected}.
   */
  public <T> T run(String kind, Supplier<T> work, Predicate<? super T> rejected) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "failed";
    try {
      T result = running.run(work, () -> new ImportsBusyException(running.most()));
      outcome = rejected.test(result) ? "rejected" : "completed";
      return result;
    } catch (ImportsBusyException e) {
      outcome = "busy";
      throw e;
    } catch (RuntimeException e) {
      outcome = listsProblems(e) ? "rejected" : "failed";
      throw e;
    } finally {
      sample.stop(
          Timer.builder("ccr.imports")
              .description("Imports of files and tables, from waiting for a place to the end")
              .tag("kind", kind)
              .tag("outcome", outcome)
              .register(meters));
    }
  }

  private static boolean listsProblems(RuntimeException e) {
    return e instanceof InvalidInputException
        || e instanceof UnreadableFileException
        || e.getClass().getSimpleName().endsWith("RejectedException");
  }
}
