package org.ccrhub.marac;

/** What came of the IDVA offer every case gets. */
public enum IdvaOfferOutcome {
  ACCEPTED("Accepted"),
  DECLINED("Declined"),
  NOT_CONTACTABLE("Could not be contacted"),
  ALREADY_SUPPORTED("Already supported by an IDVA");

  private final String label;

  IdvaOfferOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
