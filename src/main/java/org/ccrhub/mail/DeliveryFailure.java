package org.ccrhub.mail;

/**
 * A message could not be sent, with a plain reason fit for the Email page and the log: never the
 * exception's own message, which may hold the address. Permanent when trying again cannot help (an
 * address or a message refused as not valid).
 */
final class DeliveryFailure extends Exception {

  private final boolean permanent;

  private DeliveryFailure(String reason, boolean permanent) {
    super(reason, null, false, false);
    this.permanent = permanent;
  }

  static DeliveryFailure temporary(String reason) {
    return new DeliveryFailure(reason, false);
  }

  static DeliveryFailure permanent(String reason) {
    return new DeliveryFailure(reason, true);
  }

  String reason() {
    return getMessage();
  }

  boolean permanent() {
    return permanent;
  }
}
