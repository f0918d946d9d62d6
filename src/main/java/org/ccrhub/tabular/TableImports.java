package org.ccrhub.tabular;

import java.time.Duration;
import java.util.function.Supplier;
import org.ccrhub.shared.Gate;
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
 */
@Component
public class TableImports {

  private final ImportLimits limits;
  private final Gate running;

  @Autowired
  TableImports(
      @Value("${ccr.imports.max-rows:100000}") int maxRows,
      @Value("${ccr.imports.max-columns:100}") int maxColumns,
      @Value("${ccr.imports.max-cell-characters:32000}") int maxCellCharacters,
      @Value("${ccr.imports.max-expanded-size:64MB}") DataSize maxExpandedSize,
      @Value("${ccr.imports.time-limit:15s}") Duration timeLimit,
      @Value("${ccr.imports.max-concurrent:2}") int maxConcurrent,
      @Value("${ccr.imports.max-wait:5s}") Duration maxWait) {
    this(
        new ImportLimits(
            maxRows, maxColumns, maxCellCharacters, maxExpandedSize.toBytes(), timeLimit),
        maxConcurrent,
        maxWait);
  }

  public TableImports(ImportLimits limits, int maxConcurrent, Duration maxWait) {
    this.limits = limits;
    this.running = new Gate("ccr.imports.max-concurrent", maxConcurrent, maxWait);
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
   * finish.
   *
   * @throws ImportsBusyException when none finished in time
   */
  public <T> T run(Supplier<T> work) {
    return running.run(work, () -> new ImportsBusyException(running.most()));
  }
}
