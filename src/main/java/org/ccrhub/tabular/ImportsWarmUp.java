package org.ccrhub.tabular;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the web application is ready, reads a throwaway CSV, XLSX and ODS file a few times in a
 * background thread, so that the first real import does not pay for loading the readers' classes
 * and for the JIT compiling their loops: a first XLSX of 200,000 rows took 7.9 s cold and 0.7 s
 * warm on a busy machine. Off with {@code ccr.imports.warm-up=false}; never in the command-line
 * tools.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ccr.imports.warm-up", havingValue = "true", matchIfMissing = true)
class ImportsWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(ImportsWarmUp.class);
  private static final int ROUNDS = 3;
  private static final int ROWS = 20_000;

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread thread = new Thread(ImportsWarmUp::run, "imports-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  static void run() {
    long start = System.nanoTime();
    try {
      List<String> header = List.of("ref", "action", "lead", "due");
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i <= ROWS; i++) {
        rows.add(List.of(i + ".1", "Action " + i, "Council; Police", "Q" + (i % 4 + 1)));
      }
      for (TableFormat format : TableFormat.values()) {
        byte[] file = TableWriter.write(format, "Warm-up", header, rows);
        for (int i = 0; i < ROUNDS; i++) {
          Tables.read(file);
        }
      }
      LOG.info("Import readers warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.warn("Import readers warm-up failed; the first import will just be slower", e);
    }
  }
}
