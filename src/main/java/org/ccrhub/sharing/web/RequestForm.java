package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ccrhub.shared.DateInput;
import org.ccrhub.sharing.Consent;
import org.ccrhub.sharing.InformationCategory;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.NewRequest;
import org.ccrhub.sharing.SubjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The request form (Part A) as typed, kept whole to show again with its errors, and {@link #read}
 * into a {@link NewRequest}. Data subjects come in rows; an empty row is no one, and "Add another
 * person" adds a row without JavaScript.
 */
public class RequestForm {

  static final int MAX_SHORT = 300;
  static final int MAX_ADDRESS = 1000;
  static final int MAX_REASON = 2000;
  static final int MAX_LONG = 4000;
  static final int MOST_SUBJECTS = 20;

  private String token = UUID.randomUUID().toString();
  private String askedAgency = "";
  private String protocol = "";
  private String informationSought = "";
  private String purpose = "";
  private List<String> categories = new ArrayList<>();
  private List<String> bases = new ArrayList<>();
  private String urgent = "";
  private String urgencyReason = "";
  private DateInput neededBy = new DateInput();
  private List<SubjectRow> subjects = new ArrayList<>(List.of(new SubjectRow()));

  /** A data subject as typed. */
  public static class SubjectRow {
    private String role = "";
    private String roleOther = "";
    private String name = "";
    private String address = "";
    private DateInput dob = new DateInput();
    private String consent = "";
    private String notSoughtReason = "";
    private String consentRecord = "";

    boolean isEmpty() {
      return role.isBlank()
          && roleOther.isBlank()
          && name.isBlank()
          && address.isBlank()
          && dob.isBlank()
          && consent.isBlank()
          && notSoughtReason.isBlank()
          && consentRecord.isBlank();
    }

    public String getConsentRecord() {
      return consentRecord;
    }

    public void setConsentRecord(String consentRecord) {
      this.consentRecord = consentRecord;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public String getRoleOther() {
      return roleOther;
    }

    public void setRoleOther(String roleOther) {
      this.roleOther = roleOther;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public DateInput getDob() {
      return dob;
    }

    public void setDob(DateInput dob) {
      this.dob = dob;
    }

    public String getConsent() {
      return consent;
    }

    public void setConsent(String consent) {
      this.consent = consent;
    }

    public String getNotSoughtReason() {
      return notSoughtReason;
    }

    public void setNotSoughtReason(String notSoughtReason) {
      this.notSoughtReason = notSoughtReason;
    }
  }

  void addSubject() {
    if (subjects.size() < MOST_SUBJECTS) {
      subjects.add(new SubjectRow());
    }
  }

  /** The form's one-time token, when it is one. */
  Optional<UUID> token() {
    try {
      return Optional.of(UUID.fromString(token));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The request, or nothing with every problem added to {@code errors}.
   *
   * @param agencies the agencies that may be asked
   * @param protocols the protocols offered, by id
   * @param claimable the lawful bases the partnership can cite
   */
  Optional<NewRequest> read(
      Set<Long> agencies,
      Set<Long> protocols,
      List<LawfulBasis> claimable,
      LocalDate today,
      Errors errors) {
    Long asked = number(askedAgency);
    if (asked == null || !agencies.contains(asked)) {
      errors.rejectValue("askedAgency", "required", "Select the agency you are asking");
    }
    Long protocolId = number(protocol);
    if (protocolId == null || !protocols.contains(protocolId)) {
      errors.rejectValue("protocol", "required", "Select the protocol you are asking under");
    }
    String sought = text("informationSought", informationSought, MAX_LONG, errors);
    if (sought.isEmpty()) {
      errors.rejectValue(
          "informationSought", "required", "Enter the information you are asking for");
    }
    String why = text("purpose", purpose, MAX_LONG, errors);
    if (why.isEmpty()) {
      errors.rejectValue("purpose", "required", "Enter why you need it (the purpose)");
    }
    Set<InformationCategory> chosen = EnumSet.noneOf(InformationCategory.class);
    for (String category : categories) {
      try {
        chosen.add(InformationCategory.valueOf(category));
      } catch (IllegalArgumentException e) {
        // not one of the boxes: ignored
      }
    }
    if (chosen.isEmpty()) {
      errors.rejectValue("categories", "required", "Select the kinds of information you need");
    }
    Map<Long, LawfulBasis> byId = new java.util.HashMap<>();
    claimable.forEach(b -> byId.put(b.id(), b));
    List<LawfulBasis> claimed = new ArrayList<>();
    for (String basis : bases) {
      Long id = number(basis);
      if (id != null && byId.containsKey(id) && !claimed.contains(byId.get(id))) {
        claimed.add(byId.get(id));
      }
    }
    if (!chosen.isEmpty()) {
      org.ccrhub.sharing.LawfulBasisCheck.check(chosen, claimed, today).stream()
          .findFirst()
          .ifPresent(problem -> errors.rejectValue("bases", problem.code(), problem.message()));
    }
    Boolean isUrgent =
        switch (urgent) {
          case "yes" -> true;
          case "no" -> false;
          default -> null;
        };
    if (isUrgent == null) {
      errors.rejectValue("urgent", "required", "Select whether the request is urgent");
    }
    String urgency = text("urgencyReason", urgencyReason, MAX_REASON, errors);
    if (Boolean.TRUE.equals(isUrgent) && urgency.isEmpty()) {
      errors.rejectValue("urgencyReason", "required", "Enter why the request is urgent");
    }
    Optional<LocalDate> needed = neededBy.read("neededBy", "the date needed by", false, errors);
    if (needed.isPresent() && needed.get().isBefore(today)) {
      neededBy.reject("neededBy", "The date needed by must be today or in the future", errors);
    } else if (needed.isPresent() && needed.get().isAfter(today.plusYears(2))) {
      neededBy.reject("neededBy", "The date needed by must be within two years", errors);
    }
    List<NewRequest.Subject> people = subjects(chosen, today, errors);
    if (errors.hasErrors() || asked == null || protocolId == null || isUrgent == null) {
      return Optional.empty();
    }
    return Optional.of(
        new NewRequest(
            asked,
            protocolId,
            sought,
            why,
            chosen,
            claimed.stream().map(LawfulBasis::id).toList(),
            isUrgent,
            urgency,
            needed.orElse(null),
            people));
  }

  private List<NewRequest.Subject> subjects(
      Set<InformationCategory> chosen, LocalDate today, Errors errors) {
    List<NewRequest.Subject> people = new ArrayList<>();
    for (int i = 0; i < subjects.size() && i < MOST_SUBJECTS; i++) {
      SubjectRow row = subjects.get(i);
      if (row.isEmpty()) {
        continue;
      }
      String at = "subjects[" + i + "].";
      SubjectRole role = null;
      try {
        role = SubjectRole.valueOf(row.role);
      } catch (IllegalArgumentException e) {
        errors.rejectValue(at + "role", "required", "Select the person's role");
      }
      String other = text(at + "roleOther", row.roleOther, 100, errors);
      if (role == SubjectRole.OTHER && other.isEmpty()) {
        errors.rejectValue(at + "roleOther", "required", "Enter the person's role");
      }
      String name = text(at + "name", row.name, MAX_SHORT, errors);
      if (name.isEmpty()) {
        errors.rejectValue(at + "name", "required", "Enter the person's name");
      }
      String address = text(at + "address", row.address, MAX_ADDRESS, errors);
      Optional<LocalDate> dob = row.dob.read(at + "dob", "the date of birth", false, errors);
      if (dob.isPresent() && (dob.get().isAfter(today) || dob.get().getYear() < 1900)) {
        row.dob.reject(at + "dob", "The date of birth must be a real date in the past", errors);
      }
      Consent consent = null;
      try {
        consent = Consent.valueOf(row.consent);
      } catch (IllegalArgumentException e) {
        errors.rejectValue(
            at + "consent", "required", "Select whether the person consented to this request");
      }
      String notSought = text(at + "notSoughtReason", row.notSoughtReason, MAX_REASON, errors);
      if (consent == Consent.NOT_SOUGHT && notSought.isEmpty()) {
        errors.rejectValue(at + "notSoughtReason", "required", "Enter why consent was not sought");
      }
      Long record = row.consentRecord.isBlank() ? null : number(row.consentRecord);
      if (record != null && consent != Consent.GIVEN) {
        errors.rejectValue(
            at + "consentRecord",
            "consent",
            "Choose a consent record only for a person who consented");
      }
      if (role != null && consent != null) {
        people.add(
            new NewRequest.Subject(
                role, other, name, address, dob.orElse(null), consent, notSought, record));
      }
    }
    boolean identifies = chosen.stream().anyMatch(InformationCategory::identifiesPeople);
    if (identifies && people.isEmpty() && !errors.hasFieldErrors("subjects*")) {
      errors.rejectValue(
          "subjects[0].name", "required", "Enter the person the information is about");
    }
    return people;
  }

  private static String text(String field, String value, int most, Errors errors) {
    String text = value == null ? "" : value.strip();
    if (text.length() > most) {
      errors.rejectValue(field, "long", "Enter " + most + " characters or fewer");
    }
    return text;
  }

  private static @Nullable Long number(String value) {
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getAskedAgency() {
    return askedAgency;
  }

  public void setAskedAgency(String askedAgency) {
    this.askedAgency = askedAgency;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public String getInformationSought() {
    return informationSought;
  }

  public void setInformationSought(String informationSought) {
    this.informationSought = informationSought;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public List<String> getCategories() {
    return categories;
  }

  public void setCategories(List<String> categories) {
    this.categories = categories;
  }

  public List<String> getBases() {
    return bases;
  }

  public void setBases(List<String> bases) {
    this.bases = bases;
  }

  public String getUrgent() {
    return urgent;
  }

  public void setUrgent(String urgent) {
    this.urgent = urgent;
  }

  public String getUrgencyReason() {
    return urgencyReason;
  }

  public void setUrgencyReason(String urgencyReason) {
    this.urgencyReason = urgencyReason;
  }

  public DateInput getNeededBy() {
    return neededBy;
  }

  public void setNeededBy(DateInput neededBy) {
    this.neededBy = neededBy;
  }

  public List<SubjectRow> getSubjects() {
    return subjects;
  }

  public void setSubjects(List<SubjectRow> subjects) {
    this.subjects =
        subjects.size() > MOST_SUBJECTS
            ? new ArrayList<>(subjects.subList(0, MOST_SUBJECTS))
            : subjects;
  }
}
