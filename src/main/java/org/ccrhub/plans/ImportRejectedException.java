package org.ccrhub.plans;

/** An import with errors: nothing was imported, and the result lists every problem. */
public class ImportRejectedException extends RuntimeException {

  private final transient ImportResult result;

  ImportRejectedException(ImportResult result) {
    super(result.errorCount() + " problems in the file; nothing was imported");
    this.result = result;
  }

  public ImportResult result() {
    return result;
  }
}
