package org.ccrhub.tabular;

import org.ccrhub.shared.BusyException;

/** Refused because as many imports as are allowed at once were running and none finished soon. */
public class ImportsBusyException extends BusyException {

  ImportsBusyException(int most) {
    super(
        "Other imports are running (at most "
            + most
            + " run at once): wait a minute and try again. Nothing was imported.");
  }
}
