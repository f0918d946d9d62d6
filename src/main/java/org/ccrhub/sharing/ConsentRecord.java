package org.ccrhub.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record of a person's consent, kept by the agency that obtained it: who gave or refused it (the
 * person, or someone acting for them), what it covers, for which purposes, the agencies it lets
 * information go to, and when. A withdrawal is dated and can never be undone: a request may rely on
 * the record only if it was given on or before the request day and not withdrawn by then.
 *
 * @param givenByName the name of whoever acted for the person, when it was not the person
 */
public record ConsentRecord(
    long id,
    long agencyId,
    String agency,
    @Nullable String subjectName,
    @Nullable String subjectAddress,
    @Nullable LocalDate subjectDob,
    GivenBy givenBy,
    String givenByName,
    String givenByOther,
    boolean explained,
    String covers,
    String purposes,
    boolean given,
    LocalDate givenOn,
    List<String> recipients,
    String recordedBy,
    Instant recordedAt,
    @Nullable LocalDate withdrawnOn,
    String withdrawalNote,
    String withdrawalRecordedBy) {

  /** Who gave or refused the consent. */
  public enum GivenBy {
    SUBJECT("The person themselves"),
    PARENT("A parent"),
    GUARDIAN("A guardian"),
    CARER("A carer"),
    ATTORNEY("An attorney"),
    OTHER("Someone else");

    private final String label;

    GivenBy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ConsentRecord {
    recipients = List.copyOf(recipients);
  }

  /** Whether a request or decision on the day may rely on it. */
  public boolean standsOn(LocalDate day) {
    return given && !givenOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
  }
}
