package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.shared.DateInput;
import org.ccrhub.sharing.ConsentRecord;
import org.ccrhub.sharing.Consents;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The consent record form as typed, kept whole to show again with its errors. */
public class ConsentForm {

  private String subjectName = "";
  private String subjectAddress = "";
  private DateInput subjectDob = new DateInput();
  private String givenBy = "";
  private String givenByName = "";
  private String givenByOther = "";
  private String explained = "";
  private String covers = "";
  private String purposes = "";
  private String answer = "";
  private DateInput givenOn = new DateInput();
  private List<String> recipients = new ArrayList<>();

  /** The consent, or nothing with every problem added to {@code errors}. */
  Optional<Consents.NewConsent> read(Set<Long> agencies, LocalDate today, Errors errors) {
    String name = text("subjectName", subjectName, 300, errors);
    if (name.isEmpty()) {
      errors.rejectValue("subjectName", "required", "Enter the name of the person it is about");
    }
    String address = text("subjectAddress", subjectAddress, 1000, errors);
    Optional<LocalDate> dob = subjectDob.read("subjectDob", "the date of birth", false, errors);
    if (dob.isPresent() && (dob.get().isAfter(today) || dob.get().getYear() < 1900)) {
      subjectDob.reject("subjectDob", "The date of birth must be a real date in the past", errors);
    }
    ConsentRecord.GivenBy by = null;
    try {
      by = ConsentRecord.GivenBy.valueOf(givenBy);
    } catch (IllegalArgumentException e) {
      errors.rejectValue("givenBy", "required", "Select who gave or refused consent");
    }
    String byName = text("givenByName", givenByName, 300, errors);
    if (by != null && by != ConsentRecord.GivenBy.SUBJECT && byName.isEmpty()) {
      errors.rejectValue(
          "givenByName", "required", "Enter the name of the person who acted for them");
    }
    String other = text("givenByOther", givenByOther, 200, errors);
    if (by == ConsentRecord.GivenBy.OTHER && other.isEmpty()) {
      errors.rejectValue("givenByOther", "required", "Enter how they are related to the person");
    }
    if (!"yes".equals(explained) && !"no".equals(explained)) {
      errors.rejectValue(
          "explained", "required", "Select whether the reasons for sharing were explained");
    }
    String what = text("covers", covers, 4000, errors);
    if (what.isEmpty()) {
      errors.rejectValue("covers", "required", "Enter what information the consent covers");
    }
    String why = text("purposes", purposes, 4000, errors);
    if (why.isEmpty()) {
      errors.rejectValue("purposes", "required", "Enter the purposes it is for");
    }
    if (!"GIVEN".equals(answer) && !"REFUSED".equals(answer)) {
      errors.rejectValue("answer", "required", "Select whether consent was given or refused");
    }
    Optional<LocalDate> on = givenOn.read("givenOn", "the date", true, errors);
    if (on.isPresent() && on.get().isAfter(today)) {
      givenOn.reject("givenOn", "The date must be today or in the past", errors);
    } else if (on.isPresent() && on.get().getYear() < 1990) {
      givenOn.reject("givenOn", "The date must be in 1990 or later", errors);
    }
    Set<Long> to = new LinkedHashSet<>();
    for (String recipient : recipients) {
      try {
        long id = Long.parseLong(recipient.strip());
        if (agencies.contains(id)) {
          to.add(id);
        }
      } catch (NumberFormatException e) {
        // not one of the boxes
      }
    }
    if ("GIVEN".equals(answer) && to.isEmpty()) {
      errors.rejectValue("recipients", "required", "Select the agencies the information may go to");
    }
    if (errors.hasErrors() || by == null || on.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Consents.NewConsent(
            name,
            address,
            dob.orElse(null),
            by,
            byName,
            other,
            "yes".equals(explained),
            what,
            why,
            "GIVEN".equals(answer),
            on.get(),
            to));
  }

  private static String text(String field, @Nullable String value, int most, Errors errors) {
    String text = value == null ? "" : value.strip();
    if (text.length() > most) {
      errors.rejectValue(field, "long", "Enter " + most + " characters or fewer");
    }
    return text;
  }

  public String getSubjectName() {
    return subjectName;
  }

  public void setSubjectName(String subjectName) {
    this.subjectName = subjectName;
  }

  public String getSubjectAddress() {
    return subjectAddress;
  }

  public void setSubjectAddress(String subjectAddress) {
    this.subjectAddress = subjectAddress;
  }

  public DateInput getSubjectDob() {
    return subjectDob;
  }

  public void setSubjectDob(DateInput subjectDob) {
    this.subjectDob = subjectDob;
  }

  public String getGivenBy() {
    return givenBy;
  }

  public void setGivenBy(String givenBy) {
    this.givenBy = givenBy;
  }

  public String getGivenByName() {
    return givenByName;
  }

  public void setGivenByName(String givenByName) {
    this.givenByName = givenByName;
  }

  public String getGivenByOther() {
    return givenByOther;
  }

  public void setGivenByOther(String givenByOther) {
    this.givenByOther = givenByOther;
  }

  public String getExplained() {
    return explained;
  }

  public void setExplained(String explained) {
    this.explained = explained;
  }

  public String getCovers() {
    return covers;
  }

  public void setCovers(String covers) {
    this.covers = covers;
  }

  public String getPurposes() {
    return purposes;
  }

  public void setPurposes(String purposes) {
    this.purposes = purposes;
  }

  public String getAnswer() {
    return answer;
  }

  public void setAnswer(String answer) {
    this.answer = answer;
  }

  public DateInput getGivenOn() {
    return givenOn;
  }

  public void setGivenOn(DateInput givenOn) {
    this.givenOn = givenOn;
  }

  public List<String> getRecipients() {
    return recipients;
  }

  public void setRecipients(List<String> recipients) {
    this.recipients = recipients;
  }
}
