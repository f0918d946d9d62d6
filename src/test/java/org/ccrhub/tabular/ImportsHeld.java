package org.ccrhub.tabular;

import org.ccrhub.shared.PlacesHeld;

/** Imports that hold their places until closed, as long-running imports would. */
public final class ImportsHeld {

  private ImportsHeld() {}

  /** Starts {@code count} imports that each hold a place, and returns once they all do. */
  public static PlacesHeld all(TableImports imports, int count) throws InterruptedException {
    return PlacesHeld.all(work -> imports.run("held", work), count);
  }
}
