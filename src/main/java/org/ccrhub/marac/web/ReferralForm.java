package org.ccrhub.marac.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ccrhub.marac.Answer;
import org.ccrhub.marac.Criterion;
import org.ccrhub.marac.DaraGrade;
import org.ccrhub.marac.DashChecklist;
import org.ccrhub.marac.DashQuestion;
import org.ccrhub.marac.DateOfBirthOrAge;
import org.ccrhub.marac.EthnicCategory;
import org.ccrhub.marac.EthnicGroup;
import org.ccrhub.marac.Ethnicity;
import org.ccrhub.marac.Gender;
import org.ccrhub.marac.IdvaOfferOutcome;
import org.ccrhub.marac.NewReferral;
import org.ccrhub.marac.ReferralCriteria;
import org.ccrhub.marac.RiskAssessment;
import org.ccrhub.marac.VictimIdentity;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The referral form as typed, kept whole to show again with its errors, and {@link #read} into a
 * {@link NewReferral}. Perpetrators and children come in rows; a row left empty is no one, and "Add
 * another" adds a row without JavaScript.
 */
public class ReferralForm {

  /** How the risk was assessed. */
  static final String DASH = "DASH";

  static final String DARA = "DARA";
  static final String NO_ASSESSMENT = "NONE";

  /** The ethnicity option of a group alone: "GROUP_WHITE". */
  static final String GROUP = "GROUP_";

  static final int MAX_SHORT = 300;
  static final int MAX_ADDRESS = 1000;
  static final int MAX_REASON = 2000;
  static final int MAX_LONG = 4000;
  static final int MOST_ROWS = 20;

  private String token = UUID.randomUUID().toString();
  private String referringAgency = "";
  private String referringOfficer = "";
  private DateInput referralDate = new DateInput();
  private String victimName = "";
  private String victimOtherNames = "";
  private DateInput victimDob = new DateInput();
  private String victimAge = "";
  private String victimGender = "";
  private String victimAddress = "";
  private String safeContact = "";
  private String safeToCall = "NOT_KNOWN";
  private String ethnicity = "";
  private String disabled = "";
  private String lgbt = "";
  private String pregnant = "NOT_KNOWN";
  private String firstLanguage = "";
  private String interpreterNeeded = "NOT_KNOWN";
  private String victimAware = "";
  private String unawareReason = "";
  private List<PerpetratorRow> perpetrators = new ArrayList<>(List.of(new PerpetratorRow()));
  private List<ChildRow> children = new ArrayList<>(List.of(new ChildRow()));
  private List<String> criteria = new ArrayList<>();
  private String judgementReason = "";
  private String policeIncidents = "";
  private String riskAssessment = "";
  private String[] dash = new String[DashQuestion.COUNT];
  private String daraGrade = "";
  private String consent = "";
  private String withoutConsentReason = "";
  private String lawfulBasis = "";
  private String consentDecidedBy = "";
  private String fears = "";
  private String safeToSpeakTo = "";
  private String idvaOffer = "";
  private DateInput idvaOfferedOn = new DateInput();

  /** A perpetrator as typed. */
  public static class PerpetratorRow {
    private String name = "";
    private DateInput dob = new DateInput();
    private String age = "";
    private String gender = "NOT_KNOWN";
    private String relationship = "";

    boolean isEmpty() {
      return name.isBlank() && dob.isBlank() && age.isBlank() && relationship.isBlank();
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = nonNull(name);
    }

    public DateInput getDob() {
      return dob;
    }

    public void setDob(DateInput dob) {
      this.dob = dob == null ? new DateInput() : dob;
    }

    public String getAge() {
      return age;
    }

    public void setAge(String age) {
      this.age = nonNull(age);
    }

    public String getGender() {
      return gender;
    }

    public void setGender(String gender) {
      this.gender = nonNull(gender);
    }

    public String getRelationship() {
      return relationship;
    }

    public void setRelationship(String relationship) {
      this.relationship = nonNull(relationship);
    }
  }

  /** A child or dependant as typed. */
  public static class ChildRow {
    private String name = "";
    private DateInput dob = new DateInput();
    private String relationshipToVictim = "";
    private String relationshipToPerpetrator = "";
    private String school = "";

    boolean isEmpty() {
      return name.isBlank()
          && dob.isBlank()
          && relationshipToVictim.isBlank()
          && relationshipToPerpetrator.isBlank()
          && school.isBlank();
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = nonNull(name);
    }

    public DateInput getDob() {
      return dob;
    }

    public void setDob(DateInput dob) {
      this.dob = dob == null ? new DateInput() : dob;
    }

    public String getRelationshipToVictim() {
      return relationshipToVictim;
    }

    public void setRelationshipToVictim(String relationshipToVictim) {
      this.relationshipToVictim = nonNull(relationshipToVictim);
    }

    public String getRelationshipToPerpetrator() {
      return relationshipToPerpetrator;
    }

    public void setRelationshipToPerpetrator(String relationshipToPerpetrator) {
      this.relationshipToPerpetrator = nonNull(relationshipToPerpetrator);
    }

    public String getSchool() {
      return school;
    }

    public void setSchool(String school) {
      this.school = nonNull(school);
    }
  }

  void addPerpetrator() {
    if (perpetrators.size() < MOST_ROWS) {
      perpetrators.add(new PerpetratorRow());
    }
  }

  void addChild() {
    if (children.size() < MOST_ROWS) {
      children.add(new ChildRow());
    }
  }

  /** The DASH score of the answers given so far: the number of yes. */
  public int dashScore() {
    return (int) Arrays.stream(dash).filter("YES"::equals).count();
  }

  /**
   * The referral typed, or empty with every problem on {@code errors}, by field, in the order of
   * the page.
   *
   * @param agencies the ids of the partnership's agencies
   * @param today no referral is dated after it
   */
  Optional<NewReferral> read(Set<Long> agencies, LocalDate today, Errors errors) {
    Long agency = number(referringAgency);
    if (agency == null || !agencies.contains(agency)) {
      errors.rejectValue("referringAgency", "required", "Select the referring agency");
    }
    String officer = text("referringOfficer", referringOfficer, MAX_SHORT, errors);
    Optional<LocalDate> date = referralDate.read("referralDate", "the referral date", true, errors);
    if (date.isPresent() && date.get().isAfter(today)) {
      referralDate.reject("referralDate", "The referral date must be today or in the past", errors);
    } else if (date.isPresent() && date.get().getYear() < 1990) {
      referralDate.reject("referralDate", "The referral date must be in 1990 or later", errors);
    }

    // the victim
    if (victimName.isBlank()) {
      errors.rejectValue("victimName", "required", "Enter the victim's name");
    }
    text("victimName", victimName, MAX_SHORT, errors);
    List<String> otherNames =
        victimOtherNames.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (otherNames.size() > MOST_ROWS) {
      errors.rejectValue(
          "victimOtherNames", "many", "Enter " + MOST_ROWS + " other names or fewer");
    } else if (otherNames.stream().anyMatch(n -> n.length() > MAX_SHORT)) {
      errors.rejectValue(
          "victimOtherNames",
          "long",
          "Each other name must be " + MAX_SHORT + " characters or fewer");
    }
    DateOfBirthOrAge victimBirth =
        birth("victimDob", victimDob, "victimAge", victimAge, "the victim's", today, errors);
    Gender gender = gender("victimGender", victimGender, "Select the victim's gender", errors);
    String address = text("victimAddress", victimAddress, MAX_ADDRESS, errors);
    String contact = text("safeContact", safeContact, MAX_ADDRESS, errors);
    Answer call = answer("safeToCall", safeToCall, null, errors);
    Ethnicity ethnic = ethnicity(errors);
    Answer isDisabled =
        answer("disabled", disabled, "Select whether the victim is disabled, or not known", errors);
    Answer isLgbt =
        answer("lgbt", lgbt, "Select whether the victim is LGBT+, or not known", errors);
    Answer isPregnant = answer("pregnant", pregnant, null, errors);
    String language = text("firstLanguage", firstLanguage, 100, errors);
    Answer interpreter = answer("interpreterNeeded", interpreterNeeded, null, errors);
    Answer aware =
        answer(
            "victimAware",
            victimAware,
            "Select whether the victim knows about the referral",
            errors);
    String unaware = text("unawareReason", unawareReason, MAX_REASON, errors);
    if (aware == Answer.NO && unaware.isEmpty()) {
      errors.rejectValue(
          "unawareReason", "required", "Enter why the victim does not know about the referral");
    }

    // perpetrators and children
    List<NewReferral.Perpetrator> people = new ArrayList<>();
    for (int i = 0; i < perpetrators.size(); i++) {
      PerpetratorRow row = perpetrators.get(i);
      if (row.isEmpty()) {
        continue;
      }
      String at = "perpetrators[" + i + "].";
      String name = text(at + "name", row.name, MAX_SHORT, errors);
      DateOfBirthOrAge birth =
          birth(at + "dob", row.dob, at + "age", row.age, "the perpetrator's", today, errors);
      Gender g = gender(at + "gender", row.gender, null, errors);
      String relationship = text(at + "relationship", row.relationship, 200, errors);
      people.add(new NewReferral.Perpetrator(optional(name), birth, g, optional(relationship)));
    }
    if (people.size() > MOST_ROWS) {
      errors.rejectValue(
          "perpetrators[0].name", "many", "Enter " + MOST_ROWS + " perpetrators or fewer");
    }
    if (perpetrators.stream().allMatch(PerpetratorRow::isEmpty)) {
      errors.rejectValue(
          "perpetrators[0].name",
          "required",
          "Enter at least one perpetrator: their name, or their relationship to the victim if the"
              + " name is not known");
    }
    List<NewReferral.Child> kids = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      ChildRow row = children.get(i);
      if (row.isEmpty()) {
        continue;
      }
      String at = "children[" + i + "].";
      String name = text(at + "name", row.name, MAX_SHORT, errors);
      Optional<LocalDate> born =
          row.dob.read(at + "dob", "the child's date of birth", false, errors);
      if (born.isPresent() && born.get().isAfter(today)) {
        row.dob.reject(at + "dob", "The child's date of birth must be in the past", errors);
      }
      kids.add(
          new NewReferral.Child(
              optional(name),
              born,
              optional(text(at + "relationshipToVictim", row.relationshipToVictim, 200, errors)),
              optional(
                  text(
                      at + "relationshipToPerpetrator",
                      row.relationshipToPerpetrator,
                      200,
                      errors)),
              optional(text(at + "school", row.school, MAX_SHORT, errors))));
    }
    if (kids.size() > MOST_ROWS) {
      errors.rejectValue(
          "children[0].name", "many", "Enter " + MOST_ROWS + " children and dependants or fewer");
    }

    // criteria and risk
    Set<Criterion> claimed = EnumSet.noneOf(Criterion.class);
    for (String c : criteria) {
      Arrays.stream(Criterion.values()).filter(k -> k.name().equals(c)).forEach(claimed::add);
    }
    String judgement = text("judgementReason", judgementReason, MAX_LONG, errors);
    if (claimed.contains(Criterion.PROFESSIONAL_JUDGEMENT) && judgement.isEmpty()) {
      errors.rejectValue(
          "judgementReason",
          "required",
          "Enter the reason for referring on professional judgement");
    }
    Optional<Integer> incidents = Optional.empty();
    if (!policeIncidents.isBlank()) {
      Long n = number(policeIncidents);
      if (n == null || n > 1000) {
        errors.rejectValue(
            "policeIncidents",
            "number",
            "The number of police-reported incidents must be a whole number from 0 to 1,000");
      } else {
        incidents = Optional.of(n.intValue());
      }
    }
    RiskAssessment risk = RiskAssessment.none();
    switch (riskAssessment) {
      case DASH -> {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < DashQuestion.COUNT; i++) {
          Answer a = answer("dash[" + i + "]", dash[i] == null ? "" : dash[i], "", errors);
          if (a == null) {
            errors.rejectValue(
                "dash[" + i + "]",
                "required",
                "Answer question " + (i + 1) + " of the DASH checklist: yes, no or not known");
          }
          answers.add(a == null ? Answer.NOT_KNOWN : a);
        }
        risk = RiskAssessment.of(new DashChecklist(answers));
      }
      case DARA -> {
        Optional<DaraGrade> grade =
            Arrays.stream(DaraGrade.values()).filter(g -> g.name().equals(daraGrade)).findFirst();
        if (grade.isEmpty()) {
          errors.rejectValue("daraGrade", "required", "Select the DARA grade");
        } else {
          risk = RiskAssessment.ofDaraGrade(grade.get());
        }
      }
      case NO_ASSESSMENT -> {}
      default ->
          errors.rejectValue("riskAssessment", "required", "Select how the risk was assessed");
    }

    // consent, safety and the IDVA offer
    Optional<Boolean> given =
        switch (consent) {
          case "GIVEN" -> Optional.of(true);
          case "NOT_GIVEN" -> Optional.of(false);
          default -> {
            errors.rejectValue(
                "consent", "required", "Select whether the victim consented to the referral");
            yield Optional.empty();
          }
        };
    String without = text("withoutConsentReason", withoutConsentReason, MAX_LONG, errors);
    String basis = text("lawfulBasis", lawfulBasis, MAX_ADDRESS, errors);
    String decided = text("consentDecidedBy", consentDecidedBy, MAX_SHORT, errors);
    if (given.equals(Optional.of(false))) {
      if (without.isEmpty()) {
        errors.rejectValue(
            "withoutConsentReason", "required", "Enter why the referral is made without consent");
      }
      if (basis.isEmpty()) {
        errors.rejectValue(
            "lawfulBasis", "required", "Enter the lawful basis for sharing without consent");
      }
      if (decided.isEmpty()) {
        errors.rejectValue(
            "consentDecidedBy", "required", "Enter who decided to share without consent");
      }
    }
    String feared = text("fears", fears, MAX_REASON, errors);
    String safe = text("safeToSpeakTo", safeToSpeakTo, MAX_REASON, errors);
    Optional<IdvaOfferOutcome> offer =
        Arrays.stream(IdvaOfferOutcome.values())
            .filter(o -> o.name().equals(idvaOffer))
            .findFirst();
    Optional<LocalDate> offeredOn =
        idvaOfferedOn.read("idvaOfferedOn", "the date of the IDVA offer", false, errors);
    if (offeredOn.isPresent() && offeredOn.get().isAfter(today)) {
      idvaOfferedOn.reject(
          "idvaOfferedOn", "The date of the IDVA offer must be today or in the past", errors);
    }

    if (errors.hasErrors()) {
      return Optional.empty();
    }
    ReferralCriteria referralCriteria =
        new ReferralCriteria(
            risk,
            incidents,
            claimed.contains(Criterion.PROFESSIONAL_JUDGEMENT)
                ? Optional.of(judgement)
                : Optional.empty());
    NewReferral.Victim victim =
        new NewReferral.Victim(
            VictimIdentity.of(victimName.strip(), otherNames, victimBirth),
            gender,
            optional(address),
            optional(contact),
            call == null ? Answer.NOT_KNOWN : call,
            ethnic,
            isDisabled,
            isLgbt,
            isPregnant == null ? Answer.NOT_KNOWN : isPregnant,
            optional(language),
            interpreter == null ? Answer.NOT_KNOWN : interpreter,
            aware,
            aware == Answer.NO ? optional(unaware) : Optional.empty(),
            optional(feared),
            optional(safe));
    NewReferral.Consent consentGiven =
        given.get()
            ? new NewReferral.Consent(given, Optional.empty(), Optional.empty(), Optional.empty())
            : new NewReferral.Consent(given, optional(without), optional(basis), optional(decided));
    return Optional.of(
        new NewReferral(
            date.orElseThrow(),
            agency,
            optional(officer),
            victim,
            referralCriteria,
            claimed,
            consentGiven,
            new NewReferral.IdvaOffer(offer, offeredOn),
            people,
            kids));
  }

  private Ethnicity ethnicity(Errors errors) {
    if (ethnicity.startsWith(GROUP)) {
      String group = ethnicity.substring(GROUP.length());
      Optional<EthnicGroup> found =
          Arrays.stream(EthnicGroup.values()).filter(g -> g.name().equals(group)).findFirst();
      if (found.isPresent()) {
        return Ethnicity.of(found.get());
      }
    }
    Optional<EthnicCategory> category =
        Arrays.stream(EthnicCategory.values()).filter(c -> c.name().equals(ethnicity)).findFirst();
    if (category.isPresent()) {
      return Ethnicity.of(category.get());
    }
    errors.rejectValue("ethnicity", "required", "Select the victim's ethnicity, or Not known");
    return Ethnicity.NOT_KNOWN;
  }

  private static DateOfBirthOrAge birth(
      String dobField,
      DateInput dob,
      String ageField,
      String age,
      String whose,
      LocalDate today,
      Errors errors) {
    Optional<LocalDate> born = dob.read(dobField, whose + " date of birth", false, errors);
    if (born.isPresent() && born.get().isAfter(today)) {
      dob.reject(dobField, capital(whose) + " date of birth must be in the past", errors);
      return DateOfBirthOrAge.UNKNOWN;
    }
    Optional<Integer> years = Optional.empty();
    if (!age.isBlank()) {
      Long n = number(age);
      if (n == null || n > 130) {
        errors.rejectValue(
            ageField, "number", capital(whose) + " age must be a whole number from 0 to 130");
        return DateOfBirthOrAge.UNKNOWN;
      }
      years = Optional.of(n.intValue());
    }
    if (born.isPresent() && years.isPresent()) {
      errors.rejectValue(
          ageField,
          "both",
          "Enter "
              + whose
              + " date of birth or their age, not both: the age is for when the date"
              + " of birth is not known");
      return DateOfBirthOrAge.UNKNOWN;
    }
    try {
      return new DateOfBirthOrAge(born, years);
    } catch (InvalidInputException e) {
      errors.rejectValue(ageField, "number", e.getMessage());
      return DateOfBirthOrAge.UNKNOWN;
    }
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Gender gender(
      String field, String value, @Nullable String missing, Errors errors) {
    Optional<Gender> found =
        Arrays.stream(Gender.values()).filter(g -> g.name().equals(value)).findFirst();
    if (found.isEmpty()) {
      errors.rejectValue(
          field, "required", missing == null ? "Select a gender, or Not known" : missing);
      return Gender.NOT_KNOWN;
    }
    return found.get();
  }

  /** The answer chosen; with {@code missing} null a missing answer is not known. */
  private static @Nullable Answer answer(
      String field, String value, @Nullable String missing, Errors errors) {
    Optional<Answer> found =
        Arrays.stream(Answer.values()).filter(a -> a.name().equals(value)).findFirst();
    if (found.isEmpty()) {
      if (missing == null) {
        return Answer.NOT_KNOWN;
      }
      if (!missing.isEmpty()) {
        errors.rejectValue(field, "required", missing);
      }
      return null;
    }
    return found.get();
  }

  private static String text(String field, String value, int most, Errors errors) {
    String stripped = value.strip();
    if (stripped.length() > most) {
      errors.rejectValue(field, "long", "This must be " + most + " characters or fewer");
    }
    return stripped;
  }

  private static Optional<String> optional(String text) {
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  private static @Nullable Long number(String text) {
    String t = text.strip();
    return t.matches("\\d{1,9}") ? Long.valueOf(t) : null;
  }

  private static String nonNull(@Nullable String text) {
    return text == null ? "" : text;
  }

  // bean properties for binding

  public String getReferringAgency() {
    return referringAgency;
  }

  public void setReferringAgency(String v) {
    referringAgency = nonNull(v);
  }

  /** The form's one-time token, so that sending it twice records one referral. */
  public String getToken() {
    return token;
  }

  public void setToken(String v) {
    token = nonNull(v);
  }

  /** The token as sent, if it is one (a form changed by hand may send anything). */
  Optional<UUID> token() {
    try {
      return Optional.of(UUID.fromString(token.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String getReferringOfficer() {
    return referringOfficer;
  }

  public void setReferringOfficer(String v) {
    referringOfficer = nonNull(v);
  }

  public DateInput getReferralDate() {
    return referralDate;
  }

  public void setReferralDate(DateInput v) {
    referralDate = v;
  }

  public String getVictimName() {
    return victimName;
  }

  public void setVictimName(String v) {
    victimName = nonNull(v);
  }

  public String getVictimOtherNames() {
    return victimOtherNames;
  }

  public void setVictimOtherNames(String v) {
    victimOtherNames = nonNull(v);
  }

  public DateInput getVictimDob() {
    return victimDob;
  }

  public void setVictimDob(DateInput v) {
    victimDob = v;
  }

  public String getVictimAge() {
    return victimAge;
  }

  public void setVictimAge(String v) {
    victimAge = nonNull(v);
  }

  public String getVictimGender() {
    return victimGender;
  }

  public void setVictimGender(String v) {
    victimGender = nonNull(v);
  }

  public String getVictimAddress() {
    return victimAddress;
  }

  public void setVictimAddress(String v) {
    victimAddress = nonNull(v);
  }

  public String getSafeContact() {
    return safeContact;
  }

  public void setSafeContact(String v) {
    safeContact = nonNull(v);
  }

  public String getSafeToCall() {
    return safeToCall;
  }

  public void setSafeToCall(String v) {
    safeToCall = nonNull(v);
  }

  public String getEthnicity() {
    return ethnicity;
  }

  public void setEthnicity(String v) {
    ethnicity = nonNull(v);
  }

  public String getDisabled() {
    return disabled;
  }

  public void setDisabled(String v) {
    disabled = nonNull(v);
  }

  public String getLgbt() {
    return lgbt;
  }

  public void setLgbt(String v) {
    lgbt = nonNull(v);
  }

  public String getPregnant() {
    return pregnant;
  }

  public void setPregnant(String v) {
    pregnant = nonNull(v);
  }

  public String getFirstLanguage() {
    return firstLanguage;
  }

  public void setFirstLanguage(String v) {
    firstLanguage = nonNull(v);
  }

  public String getInterpreterNeeded() {
    return interpreterNeeded;
  }

  public void setInterpreterNeeded(String v) {
    interpreterNeeded = nonNull(v);
  }

  public String getVictimAware() {
    return victimAware;
  }

  public void setVictimAware(String v) {
    victimAware = nonNull(v);
  }

  public String getUnawareReason() {
    return unawareReason;
  }

  public void setUnawareReason(String v) {
    unawareReason = nonNull(v);
  }

  public List<PerpetratorRow> getPerpetrators() {
    return perpetrators;
  }

  public void setPerpetrators(List<PerpetratorRow> v) {
    perpetrators = v == null || v.isEmpty() ? new ArrayList<>(List.of(new PerpetratorRow())) : v;
  }

  public List<ChildRow> getChildren() {
    return children;
  }

  public void setChildren(List<ChildRow> v) {
    children = v == null || v.isEmpty() ? new ArrayList<>(List.of(new ChildRow())) : v;
  }

  public List<String> getCriteria() {
    return criteria;
  }

  public void setCriteria(List<String> v) {
    criteria = v == null ? new ArrayList<>() : v;
  }

  public String getJudgementReason() {
    return judgementReason;
  }

  public void setJudgementReason(String v) {
    judgementReason = nonNull(v);
  }

  public String getPoliceIncidents() {
    return policeIncidents;
  }

  public void setPoliceIncidents(String v) {
    policeIncidents = nonNull(v);
  }

  public String getRiskAssessment() {
    return riskAssessment;
  }

  public void setRiskAssessment(String v) {
    riskAssessment = nonNull(v);
  }

  public String[] getDash() {
    return dash;
  }

  public void setDash(String[] v) {
    dash =
        v == null || v.length != DashQuestion.COUNT
            ? Arrays.copyOf(v == null ? new String[0] : v, DashQuestion.COUNT)
            : v;
  }

  public String getDaraGrade() {
    return daraGrade;
  }

  public void setDaraGrade(String v) {
    daraGrade = nonNull(v);
  }

  public String getConsent() {
    return consent;
  }

  public void setConsent(String v) {
    consent = nonNull(v);
  }

  public String getWithoutConsentReason() {
    return withoutConsentReason;
  }

  public void setWithoutConsentReason(String v) {
    withoutConsentReason = nonNull(v);
  }

  public String getLawfulBasis() {
    return lawfulBasis;
  }

  public void setLawfulBasis(String v) {
    lawfulBasis = nonNull(v);
  }

  public String getConsentDecidedBy() {
    return consentDecidedBy;
  }

  public void setConsentDecidedBy(String v) {
    consentDecidedBy = nonNull(v);
  }

  public String getFears() {
    return fears;
  }

  public void setFears(String v) {
    fears = nonNull(v);
  }

  public String getSafeToSpeakTo() {
    return safeToSpeakTo;
  }

  public void setSafeToSpeakTo(String v) {
    safeToSpeakTo = nonNull(v);
  }

  public String getIdvaOffer() {
    return idvaOffer;
  }

  public void setIdvaOffer(String v) {
    idvaOffer = nonNull(v);
  }

  public DateInput getIdvaOfferedOn() {
    return idvaOfferedOn;
  }

  public void setIdvaOfferedOn(DateInput v) {
    idvaOfferedOn = v;
  }
}
