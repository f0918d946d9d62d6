package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccrhub.shared.DateInput;
import org.springframework.validation.Errors;

/** A delegation as typed: the party chosen, the person chosen and the last day. */
public class DelegationForm {

  /** The fields in the order of the page, for the error summary. */
  static final List<String> FIELDS =
      List.of("party", "person", "until.day", "until.month", "until.year");

  private String party = "";
  private String person = "";
  private DateInput until = new DateInput();

  /** What was chosen and typed, read; each missing or unreadable answer goes on its field. */
  record Typed(long party, long person, LocalDate until) {}

  Optional<Typed> read(Errors errors) {
    Optional<Long> partyId = ProtocolForms.id(party);
    if (partyId.isEmpty()) {
      errors.rejectValue("party", "required", "Select the protocol the delegate will decide under");
    }
    Optional<Long> personId = ProtocolForms.id(person);
    if (personId.isEmpty()) {
      errors.rejectValue("person", "required", "Select the person who will decide");
    }
    Optional<LocalDate> last = until.read("until", "the last day", true, errors);
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(
        new Typed(partyId.orElseThrow(), personId.orElseThrow(), last.orElseThrow()));
  }

  public String getParty() {
    return party;
  }

  public void setParty(String party) {
    this.party = party == null ? "" : party;
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person == null ? "" : person;
  }

  public DateInput getUntil() {
    return until;
  }

  public void setUntil(DateInput until) {
    this.until = until == null ? new DateInput() : until;
  }
}
