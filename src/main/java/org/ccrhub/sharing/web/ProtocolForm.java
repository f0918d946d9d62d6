package org.ccrhub.sharing.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.sharing.InformationCategory;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.ProtocolRegister;
import org.ccrhub.sharing.ProtocolRegisterChanges;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** A protocol's settings as typed on the new protocol form or its settings page. */
public class ProtocolForm {

  /** The fields in the order of the page, for the error summary. */
  static final List<String> FIELDS =
      List.of(
          "title",
          "purposes",
          "categories",
          "bases",
          "responseWorkingDays",
          "attachmentsAllowed",
          "attachmentRetentionDays",
          "retentionYears");

  private String title = "";
  private String purposes = "";
  private List<String> categories = new ArrayList<>();
  private List<String> bases = new ArrayList<>();
  private String responseWorkingDays = "10";
  private String attachmentsAllowed = "no";
  private String attachmentRetentionDays = "30";
  private String retentionYears = "6";
  private String version = "0";

  static ProtocolForm of(ProtocolRegister.Protocol protocol) {
    ProtocolForm form = new ProtocolForm();
    form.title = protocol.title();
    form.purposes = protocol.purposes();
    form.categories = new ArrayList<>(protocol.categories().stream().map(Enum::name).toList());
    form.bases =
        new ArrayList<>(protocol.bases().stream().map(b -> Long.toString(b.id())).toList());
    form.responseWorkingDays = Integer.toString(protocol.responseWorkingDays());
    form.attachmentsAllowed = protocol.attachmentsAllowed() ? "yes" : "no";
    form.attachmentRetentionDays = Integer.toString(protocol.attachmentRetentionDays());
    form.retentionYears = Integer.toString(protocol.retentionYears());
    form.version = Integer.toString(protocol.version());
    return form;
  }

  /** The settings typed, or empty with every problem on its field. */
  Optional<ProtocolRegisterChanges.Settings> settings(Errors errors, List<LawfulBasis> citable) {
    Set<InformationCategory> chosen = EnumSet.noneOf(InformationCategory.class);
    for (String name : categories) {
      Optional<InformationCategory> category = category(name);
      if (category.isEmpty()) {
        errors.rejectValue("categories", "choice", "Choose the categories from the list");
        break;
      }
      chosen.add(category.get());
    }
    Set<Long> basisIds = new LinkedHashSet<>();
    Set<Long> known = new java.util.HashSet<>();
    citable.forEach(b -> known.add(b.id()));
    for (String id : bases) {
      Long basis = id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
      if (basis == null || !known.contains(basis)) {
        errors.rejectValue("bases", "choice", "Choose the lawful bases from the list");
        break;
      }
      basisIds.add(basis);
    }
    Integer days = number(errors, "responseWorkingDays", responseWorkingDays, "the response time");
    Integer attachmentDays =
        number(
            errors,
            "attachmentRetentionDays",
            attachmentRetentionDays,
            "how many days attachments are kept");
    Integer years =
        number(
            errors, "retentionYears", retentionYears, "how many years personal details are kept");
    if (!attachmentsAllowed.equals("yes") && !attachmentsAllowed.equals("no")) {
      errors.rejectValue(
          "attachmentsAllowed", "required", "Select whether decisions may carry attachments");
    }
    ProtocolPages.reject(
        errors,
        ProtocolRegisterChanges.Settings.problems(title, purposes, days, attachmentDays, years),
        Map.of());
    if (errors.hasErrors() || days == null || attachmentDays == null || years == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ProtocolRegisterChanges.Settings(
            title,
            purposes,
            chosen,
            basisIds,
            days,
            attachmentsAllowed.equals("yes"),
            attachmentDays,
            years));
  }

  private static Optional<InformationCategory> category(String name) {
    for (InformationCategory c : InformationCategory.values()) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A whole number typed, or null with the problem on the field. */
  private static @Nullable Integer number(Errors errors, String field, String text, String what) {
    String typed = text.strip();
    if (typed.isEmpty()) {
      errors.rejectValue(field, "required", "Enter " + what);
      return null;
    }
    if (!typed.matches("\\d{1,6}")) {
      errors.rejectValue(field, "number", capitalised(what) + " must be a whole number");
      return null;
    }
    return Integer.valueOf(typed);
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(@Nullable String title) {
    this.title = title == null ? "" : title;
  }

  public String getPurposes() {
    return purposes;
  }

  public void setPurposes(@Nullable String purposes) {
    this.purposes = purposes == null ? "" : purposes;
  }

  public List<String> getCategories() {
    return categories;
  }

  public void setCategories(@Nullable List<String> categories) {
    this.categories = categories == null ? new ArrayList<>() : new ArrayList<>(categories);
  }

  public List<String> getBases() {
    return bases;
  }

  public void setBases(@Nullable List<String> bases) {
    this.bases = bases == null ? new ArrayList<>() : new ArrayList<>(bases);
  }

  public String getResponseWorkingDays() {
    return responseWorkingDays;
  }

  public void setResponseWorkingDays(@Nullable String responseWorkingDays) {
    this.responseWorkingDays = responseWorkingDays == null ? "" : responseWorkingDays;
  }

  public String getAttachmentsAllowed() {
    return attachmentsAllowed;
  }

  public void setAttachmentsAllowed(@Nullable String attachmentsAllowed) {
    this.attachmentsAllowed = attachmentsAllowed == null ? "" : attachmentsAllowed;
  }

  public String getAttachmentRetentionDays() {
    return attachmentRetentionDays;
  }

  public void setAttachmentRetentionDays(@Nullable String attachmentRetentionDays) {
    this.attachmentRetentionDays = attachmentRetentionDays == null ? "" : attachmentRetentionDays;
  }

  public String getRetentionYears() {
    return retentionYears;
  }

  public void setRetentionYears(@Nullable String retentionYears) {
    this.retentionYears = retentionYears == null ? "" : retentionYears;
  }

  /** The version the form was opened on; anything unreadable matches no version. */
  int expectedVersion() {
    return version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(@Nullable String version) {
    this.version = version == null ? "" : version;
  }
}
