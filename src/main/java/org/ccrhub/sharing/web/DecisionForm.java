package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.shared.DateInput;
import org.ccrhub.sharing.DecisionOutcome;
import org.ccrhub.sharing.DecisionRules;
import org.ccrhub.sharing.Decisions;
import org.ccrhub.sharing.Ground;
import org.ccrhub.sharing.ProposedDecision;
import org.ccrhub.sharing.SharingMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The decision form (Part B) as typed, kept whole to show again with its errors. It reads what the
 * person typed; {@link DecisionRules}, in the service, says what a decision needs, so the form and
 * an imported log follow one rule.
 */
public class DecisionForm {

  static final int MAX_LONG = 4000;
  static final int MAX_REASON = 2000;
  static final int MAX_SHORT = 300;

  private String outcome = "";
  private DateInput decidedOn = new DateInput();
  private String reasons = "";
  private List<String> grounds = new ArrayList<>();
  private String subjectTold = "";
  private String notToldReason = "";
  private String authorisedBy = "";
  private List<String> bases = new ArrayList<>();
  private List<String> informationTypes = new ArrayList<>();
  private String otherTypes = "";
  private String method = "";
  private DateInput suppliedOn = new DateInput();
  private String summary = "";
  private String correctionReason = "";

  /** The fields a problem can be shown beside: those of {@link ProposedDecision} and the form's. */
  static final Set<String> FIELDS =
      Set.of(
          "outcome",
          "decidedOn",
          "reasons",
          "grounds",
          "subjectTold",
          "notToldReason",
          "informationTypes",
          "method",
          "suppliedOn",
          "correctionReason",
          "bases");

  /** The most types of information one decision names. */
  static final int MOST_TYPES = 30;

  /**
   * What the decider gave, or nothing with what could not be read added to {@code errors}.
   *
   * @param types the partnership's types of information: a box ticked for another is ignored
   */
  Optional<Decisions.Given> read(Set<Long> claimable, List<String> types, Errors errors) {
    DecisionOutcome chosen = null;
    try {
      chosen = DecisionOutcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      // left to DecisionRules: "Choose whether to share, share in part or refuse"
    }
    Optional<LocalDate> decided = decidedOn.read("decidedOn", "the date decided", false, errors);
    String why = text("reasons", reasons, MAX_LONG, errors);
    EnumSet<Ground> on = EnumSet.noneOf(Ground.class);
    for (String ground : grounds) {
      try {
        on.add(Ground.valueOf(ground));
      } catch (IllegalArgumentException e) {
        // not one of the boxes
      }
    }
    Boolean told =
        switch (subjectTold) {
          case "yes" -> true;
          case "no" -> false;
          default -> null;
        };
    String notTold = text("notToldReason", notToldReason, MAX_REASON, errors);
    String authorised = text("authorisedBy", authorisedBy, MAX_SHORT, errors);
    if (authorised.isEmpty()) {
      errors.rejectValue("authorisedBy", "required", "Enter who authorised the decision");
    }
    List<Long> claimed = new ArrayList<>();
    for (String basis : bases) {
      try {
        long id = Long.parseLong(basis.strip());
        if (claimable.contains(id) && !claimed.contains(id)) {
          claimed.add(id);
        }
      } catch (NumberFormatException e) {
        // not one of the boxes
      }
    }
    List<String> disclosed = new ArrayList<>();
    informationTypes.stream()
        .map(String::strip)
        .filter(types::contains)
        .distinct()
        .forEach(disclosed::add);
    for (String line : otherTypes.split("\\R")) {
      String type = line.strip();
      if (type.length() > 100) {
        errors.rejectValue("otherTypes", "long", "Enter each type in 100 characters or fewer");
      } else if (!type.isEmpty() && !disclosed.contains(type)) {
        disclosed.add(type);
      }
    }
    if (disclosed.size() > MOST_TYPES) {
      errors.rejectValue(
          "otherTypes", "many", "Name " + MOST_TYPES + " types of information or fewer");
    }
    SharingMethod how = null;
    try {
      how = SharingMethod.valueOf(method);
    } catch (IllegalArgumentException e) {
      // left to DecisionRules
    }
    Optional<LocalDate> supplied =
        suppliedOn.read("suppliedOn", "the date supplied", false, errors);
    String said = text("summary", summary, MAX_REASON, errors);
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(
        new Decisions.Given(
            new ProposedDecision(
                chosen,
                decided.orElse(null),
                why,
                on,
                true,
                told,
                notTold,
                disclosed,
                how,
                supplied.orElse(null)),
            claimed,
            authorised,
            said));
  }

  /** Puts the rules' problems beside their fields. */
  void reject(List<DecisionRules.Problem> problems, Errors errors) {
    for (DecisionRules.Problem problem : problems) {
      switch (problem.field()) {
        case "decidedOn" -> decidedOn.reject("decidedOn", problem.message(), errors);
        case "suppliedOn" -> suppliedOn.reject("suppliedOn", problem.message(), errors);
        default ->
            errors.rejectValue(
                FIELDS.contains(problem.field()) ? problem.field() : "outcome",
                "rule",
                problem.message());
      }
    }
  }

  private static String text(String field, @Nullable String value, int most, Errors errors) {
    String text = value == null ? "" : value.strip();
    if (text.length() > most) {
      errors.rejectValue(field, "long", "Enter " + most + " characters or fewer");
    }
    return text;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public DateInput getDecidedOn() {
    return decidedOn;
  }

  public void setDecidedOn(DateInput decidedOn) {
    this.decidedOn = decidedOn;
  }

  public String getReasons() {
    return reasons;
  }

  public void setReasons(String reasons) {
    this.reasons = reasons;
  }

  public List<String> getGrounds() {
    return grounds;
  }

  public void setGrounds(List<String> grounds) {
    this.grounds = grounds;
  }

  public String getSubjectTold() {
    return subjectTold;
  }

  public void setSubjectTold(String subjectTold) {
    this.subjectTold = subjectTold;
  }

  public String getNotToldReason() {
    return notToldReason;
  }

  public void setNotToldReason(String notToldReason) {
    this.notToldReason = notToldReason;
  }

  public String getAuthorisedBy() {
    return authorisedBy;
  }

  public void setAuthorisedBy(String authorisedBy) {
    this.authorisedBy = authorisedBy;
  }

  public List<String> getBases() {
    return bases;
  }

  public void setBases(List<String> bases) {
    this.bases = bases;
  }

  public List<String> getInformationTypes() {
    return informationTypes;
  }

  public void setInformationTypes(List<String> informationTypes) {
    this.informationTypes = informationTypes;
  }

  public String getOtherTypes() {
    return otherTypes;
  }

  public void setOtherTypes(String otherTypes) {
    this.otherTypes = otherTypes;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public DateInput getSuppliedOn() {
    return suppliedOn;
  }

  public void setSuppliedOn(DateInput suppliedOn) {
    this.suppliedOn = suppliedOn;
  }

  /** The form filled with an entry, to correct it. */
  static DecisionForm of(org.ccrhub.sharing.DecisionLog.Entry entry, List<String> basisIds) {
    DecisionForm form = new DecisionForm();
    form.outcome = entry.outcome().name();
    form.decidedOn = DateInput.of(entry.decidedOn());
    form.reasons = entry.reasons();
    form.grounds = new ArrayList<>(entry.grounds().stream().map(Enum::name).toList());
    form.subjectTold =
        entry.subjectTold() == null ? "" : Boolean.TRUE.equals(entry.subjectTold()) ? "yes" : "no";
    form.notToldReason = entry.notToldReason();
    form.authorisedBy = entry.authorisedBy();
    form.bases = new ArrayList<>(basisIds);
    form.informationTypes = new ArrayList<>(entry.informationTypes());
    form.method = entry.method() == null ? "" : entry.method().name();
    form.suppliedOn =
        entry.suppliedOn() == null ? new DateInput() : DateInput.of(entry.suppliedOn());
    form.summary = entry.summary();
    return form;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }

  public void setCorrectionReason(String correctionReason) {
    this.correctionReason = correctionReason;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
