package org.ccrhub.mail;

import org.jspecify.annotations.Nullable;

/** How messages leave: SMTP, GOV.UK Notify, or not at all ({@link #NONE}, the outbox). */
interface Channel {

  /** No mail server is configured: messages are kept in the outbox. */
  Channel NONE =
      new Channel() {
        @Override
        public String name() {
          return "none";
        }

        @Override
        public boolean sends() {
          return false;
        }

        @Override
        public void send(Envelope envelope) throws DeliveryFailure {
          throw DeliveryFailure.permanent("No mail server is set up");
        }
      };

  /** In words, for the Email page: "SMTP" or "GOV.UK Notify". */
  String name();

  default boolean sends() {
    return true;
  }

  /** Sends it, or says why not. */
  void send(Envelope envelope) throws DeliveryFailure;

  /**
   * One message as it leaves.
   *
   * @param id its row, or null for a one-time link (recorded only after it is sent)
   */
  record Envelope(@Nullable Long id, String to, String template, String subject, String body) {}
}
