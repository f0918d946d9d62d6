package org.ccrhub.sharing.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.DateInput;
import org.ccrhub.sharing.ProtocolEnding;
import org.ccrhub.sharing.ProtocolRegister;
import org.ccrhub.sharing.ProtocolRegisterChanges;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * The smaller forms of the protocol pages, each kept with what was typed when it is shown again: a
 * version, a signed PDF, the day in force, the end, a party and its leaving.
 */
final class ProtocolForms {

  private ProtocolForms() {}

  /** A whole number typed in a select or hidden field, or empty. */
  static Optional<Long> id(String text) {
    String typed = text.strip();
    return typed.matches("\\d{1,18}") ? Optional.of(Long.valueOf(typed)) : Optional.empty();
  }

  /** The version a form was opened on; anything unreadable matches no version. */
  static int version(String text) {
    return text.strip().matches("\\d{1,9}") ? Integer.parseInt(text.strip()) : -1;
  }

  /**
   * The signed PDF chosen, if any, checked by its size and first bytes; a problem goes on the
   * {@code document} field.
   */
  static Optional<ProtocolRegisterChanges.SignedDocument> document(
      @Nullable MultipartFile file, boolean required, Errors errors) {
    if (file == null
        || (file.isEmpty()
            && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
      if (required) {
        errors.rejectValue("document", "required", "Select the signed PDF");
      }
      return Optional.empty();
    }
    byte[] start = new byte[5];
    int read = 0;
    if (file.getSize() > 0 && file.getSize() <= ProtocolRegisterChanges.MAX_DOCUMENT_BYTES) {
      try (InputStream in = file.getInputStream()) {
        read = in.readNBytes(start, 0, start.length);
      } catch (IOException e) {
        errors.rejectValue("document", "unreadable", "The selected file could not be read");
        return Optional.empty();
      }
    }
    List<ProtocolRegisterChanges.Problem> problems =
        ProtocolRegisterChanges.SignedDocument.problems(
            file.getSize(), java.util.Arrays.copyOf(start, read));
    if (!problems.isEmpty()) {
      ProtocolPages.reject(errors, problems, Map.of());
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ProtocolRegisterChanges.SignedDocument(
              file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
              file.getBytes()));
    } catch (IOException e) {
      errors.rejectValue("document", "unreadable", "The selected file could not be read");
      return Optional.empty();
    }
  }

  /** A new version: document control, and the signed PDF if there is one yet. */
  static class VersionForm {
    static final List<String> FIELDS =
        List.of(
            "label",
            "author",
            "approvedBy",
            "approvedOn.day",
            "approvedOn.month",
            "approvedOn.year",
            "reviewOn.day",
            "reviewOn.month",
            "reviewOn.year",
            "notes",
            "document");

    private String label = "";
    private String author = "";
    private String approvedBy = "";
    private DateInput approvedOn = new DateInput();
    private DateInput reviewOn = new DateInput();
    private String notes = "";
    private @Nullable MultipartFile document;

    /** The version typed, or empty with every problem on its field. */
    Optional<ProtocolRegisterChanges.NewVersion> version(Errors errors) {
      Optional<java.time.LocalDate> approved =
          approvedOn.read("approvedOn", "the date it was approved", false, errors);
      Optional<java.time.LocalDate> review =
          reviewOn.read("reviewOn", "the next review date", false, errors);
      ProtocolPages.reject(
          errors,
          ProtocolRegisterChanges.NewVersion.problems(
              label, author, approvedBy, approved, review, notes),
          Map.of("approvedOn", approvedOn, "reviewOn", reviewOn));
      if (errors.hasErrors()) {
        return Optional.empty();
      }
      return Optional.of(
          new ProtocolRegisterChanges.NewVersion(
              label, author, approvedBy, approved, review, notes));
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(@Nullable String label) {
      this.label = label == null ? "" : label;
    }

    public String getAuthor() {
      return author;
    }

    public void setAuthor(@Nullable String author) {
      this.author = author == null ? "" : author;
    }

    public String getApprovedBy() {
      return approvedBy;
    }

    public void setApprovedBy(@Nullable String approvedBy) {
      this.approvedBy = approvedBy == null ? "" : approvedBy;
    }

    public DateInput getApprovedOn() {
      return approvedOn;
    }

    public void setApprovedOn(@Nullable DateInput approvedOn) {
      this.approvedOn = approvedOn == null ? new DateInput() : approvedOn;
    }

    public DateInput getReviewOn() {
      return reviewOn;
    }

    public void setReviewOn(@Nullable DateInput reviewOn) {
      this.reviewOn = reviewOn == null ? new DateInput() : reviewOn;
    }

    public String getNotes() {
      return notes;
    }

    public void setNotes(@Nullable String notes) {
      this.notes = notes == null ? "" : notes;
    }

    public @Nullable MultipartFile getDocument() {
      return document;
    }

    public void setDocument(@Nullable MultipartFile document) {
      this.document = document;
    }
  }

  /** A signed PDF for a version recorded already. */
  static class DocumentForm {
    private @Nullable MultipartFile document;

    public @Nullable MultipartFile getDocument() {
      return document;
    }

    public void setDocument(@Nullable MultipartFile document) {
      this.document = document;
    }
  }

  /** The day a protocol comes into force. */
  static class InForceForm {
    static final List<String> FIELDS =
        List.of("inForceFrom.day", "inForceFrom.month", "inForceFrom.year");

    private DateInput inForceFrom = new DateInput();

    public DateInput getInForceFrom() {
      return inForceFrom;
    }

    public void setInForceFrom(@Nullable DateInput inForceFrom) {
      this.inForceFrom = inForceFrom == null ? new DateInput() : inForceFrom;
    }
  }

  /** How a protocol's time in force ends. */
  static class EndForm {
    static final List<String> FIELDS =
        List.of("ending", "lastDay.day", "lastDay.month", "lastDay.year", "reason");

    private String ending = "";
    private DateInput lastDay = new DateInput();
    private String reason = "";

    static EndForm of(ProtocolRegister.Protocol protocol) {
      EndForm form = new EndForm();
      form.ending = protocol.ending().map(Enum::name).orElse("");
      form.lastDay = DateInput.of(protocol.inForceUntil());
      form.reason = protocol.endingReason();
      return form;
    }

    /** The end typed, or empty with every problem on its field. */
    Optional<ProtocolRegisterChanges.Ending> ending(Errors errors) {
      Optional<ProtocolEnding> how = Optional.empty();
      for (ProtocolEnding e : ProtocolEnding.values()) {
        if (e.name().equals(ending)) {
          how = Optional.of(e);
        }
      }
      if (how.isEmpty()) {
        errors.rejectValue("ending", "required", "Select whether it expires or is withdrawn");
      }
      Optional<java.time.LocalDate> day =
          lastDay.read("lastDay", "the last day in force", true, errors);
      ProtocolPages.reject(
          errors,
          ProtocolRegisterChanges.Ending.problems(how, day, reason),
          Map.of("lastDay", lastDay));
      if (errors.hasErrors() || how.isEmpty() || day.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ProtocolRegisterChanges.Ending(how.get(), day.get(), reason));
    }

    public String getEnding() {
      return ending;
    }

    public void setEnding(@Nullable String ending) {
      this.ending = ending == null ? "" : ending;
    }

    public DateInput getLastDay() {
      return lastDay;
    }

    public void setLastDay(@Nullable DateInput lastDay) {
      this.lastDay = lastDay == null ? new DateInput() : lastDay;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(@Nullable String reason) {
      this.reason = reason == null ? "" : reason;
    }
  }

  /** An agency's part in a protocol; the agency is chosen only when it is added. */
  static class PartyForm {
    static final List<String> FIELDS =
        List.of(
            "agency",
            "signatoryName",
            "signatoryRole",
            "signedOn.day",
            "signedOn.month",
            "signedOn.year",
            "joinedOn.day",
            "joinedOn.month",
            "joinedOn.year",
            "spoc",
            "deputy");

    private String agency = "";
    private String signatoryName = "";
    private String signatoryRole = "";
    private DateInput signedOn = new DateInput();
    private DateInput joinedOn = new DateInput();
    private String spoc = "";
    private String deputy = "";
    private String version = "0";

    static PartyForm of(ProtocolRegister.Party party) {
      PartyForm form = new PartyForm();
      form.agency = Long.toString(party.agencyId());
      form.signatoryName = party.signatoryName();
      form.signatoryRole = party.signatoryRole();
      form.signedOn = DateInput.of(party.signedOn());
      form.joinedOn = DateInput.of(party.joinedOn());
      form.spoc = party.spoc().map(c -> Long.toString(c.personId())).orElse("");
      form.deputy = party.deputy().map(c -> Long.toString(c.personId())).orElse("");
      form.version = Integer.toString(party.version());
      return form;
    }

    /**
     * The party typed, or empty with every problem on its field.
     *
     * @param choosesAgency whether the agency is chosen here (a new party)
     */
    Optional<ProtocolRegisterChanges.PartyDetails> details(Errors errors, boolean choosesAgency) {
      if (choosesAgency && id(agency).isEmpty()) {
        errors.rejectValue("agency", "required", "Select the agency");
      }
      Optional<java.time.LocalDate> signed =
          signedOn.read("signedOn", "the date signed", false, errors);
      Optional<java.time.LocalDate> joined =
          joinedOn.read("joinedOn", "the date it joined", true, errors);
      Optional<Long> spocId = id(spoc);
      if (spocId.isEmpty()) {
        errors.rejectValue("spoc", "required", "Select the SPOC");
      }
      Optional<Long> deputyId = id(deputy);
      if (deputyId.isEmpty() && !deputy.isBlank()) {
        errors.rejectValue("deputy", "choice", "Select the deputy from the list");
      }
      ProtocolPages.reject(
          errors,
          ProtocolRegisterChanges.PartyDetails.problems(
              signatoryName, signatoryRole, signed, joined, spocId, deputyId),
          Map.of("signedOn", signedOn, "joinedOn", joinedOn));
      if (errors.hasErrors() || joined.isEmpty() || spocId.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new ProtocolRegisterChanges.PartyDetails(
              signatoryName, signatoryRole, signed, joined.get(), spocId.get(), deputyId));
    }

    public String getAgency() {
      return agency;
    }

    public void setAgency(@Nullable String agency) {
      this.agency = agency == null ? "" : agency;
    }

    public String getSignatoryName() {
      return signatoryName;
    }

    public void setSignatoryName(@Nullable String signatoryName) {
      this.signatoryName = signatoryName == null ? "" : signatoryName;
    }

    public String getSignatoryRole() {
      return signatoryRole;
    }

    public void setSignatoryRole(@Nullable String signatoryRole) {
      this.signatoryRole = signatoryRole == null ? "" : signatoryRole;
    }

    public DateInput getSignedOn() {
      return signedOn;
    }

    public void setSignedOn(@Nullable DateInput signedOn) {
      this.signedOn = signedOn == null ? new DateInput() : signedOn;
    }

    public DateInput getJoinedOn() {
      return joinedOn;
    }

    public void setJoinedOn(@Nullable DateInput joinedOn) {
      this.joinedOn = joinedOn == null ? new DateInput() : joinedOn;
    }

    public String getSpoc() {
      return spoc;
    }

    public void setSpoc(@Nullable String spoc) {
      this.spoc = spoc == null ? "" : spoc;
    }

    public String getDeputy() {
      return deputy;
    }

    public void setDeputy(@Nullable String deputy) {
      this.deputy = deputy == null ? "" : deputy;
    }

    public String getVersion() {
      return version;
    }

    public void setVersion(@Nullable String version) {
      this.version = version == null ? "" : version;
    }
  }

  /** A party's last day under the protocol. */
  static class LeavingForm {
    static final List<String> FIELDS = List.of("lastDay.day", "lastDay.month", "lastDay.year");

    private DateInput lastDay = new DateInput();

    public DateInput getLastDay() {
      return lastDay;
    }

    public void setLastDay(@Nullable DateInput lastDay) {
      this.lastDay = lastDay == null ? new DateInput() : lastDay;
    }
  }
}
