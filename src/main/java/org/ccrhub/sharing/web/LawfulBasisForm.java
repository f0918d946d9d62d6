package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.DateInput;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.LawfulBasisDetails;
import org.ccrhub.sharing.LawfulBasisDetails.Needs;
import org.ccrhub.sharing.OwnLawfulBases;
import org.ccrhub.sharing.ProtocolRegisterChanges.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** A lawful basis of the partnership's own as typed on its form. */
public class LawfulBasisForm {

  /** The fields in the order of the page, for the error summary. */
  static final List<String> FIELDS =
      List.of(
          "kind",
          "code",
          "aliases",
          "title",
          "needs",
          "schedulePart",
          "note",
          "inUseFrom.day",
          "inUseFrom.month",
          "inUseFrom.year",
          "inUseUntil.day",
          "inUseUntil.month",
          "inUseUntil.year");

  /** The answer "nothing else" to what it needs, and "none" to its part of Schedule 1. */
  static final String NONE = "NONE";

  private String kind = "";
  private String code = "";
  private String aliases = "";
  private String title = "";
  private String needs = NONE;
  private String schedulePart = NONE;
  private String note = "";
  private DateInput inUseFrom = new DateInput();
  private DateInput inUseUntil = new DateInput();
  private String version = "0";

  static LawfulBasisForm of(OwnLawfulBases.Entry entry) {
    LawfulBasisForm form = new LawfulBasisForm();
    LawfulBasis basis = entry.basis();
    form.kind = basis.kind().name();
    form.code = basis.code();
    form.aliases = String.join("\n", basis.aliases());
    form.title = basis.title();
    form.needs = entry.needs().map(Enum::name).orElse(NONE);
    form.schedulePart = entry.schedulePart().map(String::valueOf).orElse(NONE);
    form.note = basis.note();
    form.inUseFrom = DateInput.of(Optional.ofNullable(basis.inUseFrom()));
    form.inUseUntil = DateInput.of(Optional.ofNullable(basis.inUseUntil()));
    form.version = Integer.toString(entry.version());
    return form;
  }

  /** The details typed, or empty with every problem on its field. */
  Optional<LawfulBasisDetails> details(Errors errors) {
    LawfulBasis.Kind chosenKind = null;
    for (LawfulBasis.Kind k : LawfulBasis.Kind.values()) {
      if (k.name().equals(kind)) {
        chosenKind = k;
      }
    }
    if (chosenKind == null) {
      errors.rejectValue("kind", "required", "Select which part of the law it is");
    }
    Optional<Needs> chosenNeeds = Optional.empty();
    if (!needs.equals(NONE) && !needs.isEmpty()) {
      for (Needs n : Needs.values()) {
        if (n.name().equals(needs)) {
          chosenNeeds = Optional.of(n);
        }
      }
      if (chosenNeeds.isEmpty()) {
        errors.rejectValue("needs", "choice", "Select what it needs alongside it from the list");
      }
    }
    Optional<Integer> part = Optional.empty();
    if (!schedulePart.equals(NONE) && !schedulePart.isEmpty()) {
      if (schedulePart.matches("[123]")) {
        part = Optional.of(Integer.valueOf(schedulePart));
      } else {
        errors.rejectValue("schedulePart", "choice", "Select Part 1, 2 or 3, or None");
      }
    }
    Optional<LocalDate> from = inUseFrom.read("inUseFrom", "the first day in use", false, errors);
    Optional<LocalDate> until = inUseUntil.read("inUseUntil", "the last day in use", false, errors);
    List<String> names = aliases.lines().map(String::strip).filter(a -> !a.isEmpty()).toList();
    // without a kind, every rule but those of a kind's
    List<Problem> problems =
        LawfulBasisDetails.problems(
            chosenKind == null ? LawfulBasis.Kind.POWER : chosenKind,
            code,
            names,
            title,
            chosenKind == null ? Optional.empty() : chosenNeeds,
            chosenKind == null ? Optional.empty() : part,
            note,
            from,
            until);
    ProtocolPages.reject(
        errors, problems, Map.of("inUseFrom", inUseFrom, "inUseUntil", inUseUntil));
    if (errors.hasErrors() || chosenKind == null) {
      return Optional.empty();
    }
    return Optional.of(
        new LawfulBasisDetails(
            chosenKind, code, names, title, chosenNeeds, part, note, from, until));
  }

  /** The version the form was opened on; anything unreadable matches no version. */
  int expectedVersion() {
    return version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(@Nullable String kind) {
    this.kind = kind == null ? "" : kind;
  }

  public String getCode() {
    return code;
  }

  public void setCode(@Nullable String code) {
    this.code = code == null ? "" : code;
  }

  public String getAliases() {
    return aliases;
  }

  public void setAliases(@Nullable String aliases) {
    this.aliases = aliases == null ? "" : aliases;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(@Nullable String title) {
    this.title = title == null ? "" : title;
  }

  public String getNeeds() {
    return needs;
  }

  public void setNeeds(@Nullable String needs) {
    this.needs = needs == null ? "" : needs;
  }

  public String getSchedulePart() {
    return schedulePart;
  }

  public void setSchedulePart(@Nullable String schedulePart) {
    this.schedulePart = schedulePart == null ? "" : schedulePart;
  }

  public String getNote() {
    return note;
  }

  public void setNote(@Nullable String note) {
    this.note = note == null ? "" : note;
  }

  public DateInput getInUseFrom() {
    return inUseFrom;
  }

  public void setInUseFrom(@Nullable DateInput inUseFrom) {
    this.inUseFrom = inUseFrom == null ? new DateInput() : inUseFrom;
  }

  public DateInput getInUseUntil() {
    return inUseUntil;
  }

  public void setInUseUntil(@Nullable DateInput inUseUntil) {
    this.inUseUntil = inUseUntil == null ? new DateInput() : inUseUntil;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(@Nullable String version) {
    this.version = version == null ? "" : version;
  }
}
