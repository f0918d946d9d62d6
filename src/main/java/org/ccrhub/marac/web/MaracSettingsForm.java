package org.ccrhub.marac.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.MaracSettingsRejectedException;
import org.ccrhub.marac.MeetingFrequency;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** A MARAC's name and settings as typed on its settings page or the new MARAC form. */
public class MaracSettingsForm {

  /** The settings' fields in the order of the page, with their labels. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("adultFemalePopulation", "Adult female population");
    FIELDS.put("dashThreshold", "DASH threshold");
    FIELDS.put("escalationIncidents", "Police-reported incidents for potential escalation");
    FIELDS.put("escalationWindowMonths", "Months in which those incidents count");
    FIELDS.put("repeatWindowMonths", "Months within which a new referral is a repeat");
    FIELDS.put("researchReleaseDays", "Days before a meeting that the case list is released");
    FIELDS.put("retentionYears", "Years personal details are kept after a victim's last referral");
    FIELDS.put("auditSampleSize", "Cases in each audit sample");
    FIELDS.put("auditIntervalMonths", "Months between audit samples");
  }

  private String name = "";
  private final Map<String, String> values = new LinkedHashMap<>();
  private String meetingFrequency = MeetingFrequency.MONTHLY.name();
  private int version;

  public MaracSettingsForm() {
    MaracSettings d = MaracSettings.defaults(1);
    set(d);
    values.put("adultFemalePopulation", "");
  }

  static MaracSettingsForm of(Marac marac) {
    MaracSettingsForm form = new MaracSettingsForm();
    form.name = marac.name();
    form.set(marac.settings());
    form.meetingFrequency = marac.meetingFrequency().name();
    form.version = marac.version();
    return form;
  }

  private void set(MaracSettings s) {
    values.put("adultFemalePopulation", Long.toString(s.adultFemalePopulation()));
    values.put("dashThreshold", Integer.toString(s.dashThreshold()));
    values.put("escalationIncidents", Integer.toString(s.escalationIncidents()));
    values.put("escalationWindowMonths", Integer.toString(s.escalationWindowMonths()));
    values.put("repeatWindowMonths", Integer.toString(s.repeatWindowMonths()));
    values.put("researchReleaseDays", Integer.toString(s.researchReleaseDays()));
    values.put("retentionYears", Integer.toString(s.retentionYears()));
    values.put("auditSampleSize", Integer.toString(s.auditSampleSize()));
    values.put("auditIntervalMonths", Integer.toString(s.auditIntervalMonths()));
  }

  /** The settings typed, or empty with each problem on its field. */
  Optional<MaracSettings> settings(Errors errors) {
    Map<String, Long> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      String text = values.getOrDefault(field.getKey(), "").strip().replace(",", "");
      if (text.isEmpty()) {
        errors.rejectValue(
            "values[" + field.getKey() + "]", "required", "Enter the " + lower(field.getValue()));
      } else if (!text.matches("\\d{1,9}")) {
        errors.rejectValue(
            "values[" + field.getKey() + "]",
            "number",
            field.getValue() + " must be a whole number");
      } else {
        numbers.put(field.getKey(), Long.valueOf(text));
      }
    }
    if (frequency().isEmpty()) {
      errors.rejectValue("meetingFrequency", "required", "Select how often the MARAC meets");
    }
    if (errors.hasErrors()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new MaracSettings(
              numbers.get("dashThreshold").intValue(),
              numbers.get("escalationIncidents").intValue(),
              numbers.get("escalationWindowMonths").intValue(),
              numbers.get("repeatWindowMonths").intValue(),
              numbers.get("researchReleaseDays").intValue(),
              numbers.get("retentionYears").intValue(),
              numbers.get("adultFemalePopulation"),
              numbers.get("auditSampleSize").intValue(),
              numbers.get("auditIntervalMonths").intValue()));
    } catch (MaracSettingsRejectedException e) {
      e.problems()
          .forEach(p -> errors.rejectValue("values[" + p.setting() + "]", "setting", p.message()));
      return Optional.empty();
    }
  }

  Optional<MeetingFrequency> frequency() {
    for (MeetingFrequency f : MeetingFrequency.values()) {
      if (f.name().equals(meetingFrequency)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static String lower(String label) {
    return label.startsWith("DASH")
        ? label
        : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  public String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name == null ? "" : name;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public String getMeetingFrequency() {
    return meetingFrequency;
  }

  public void setMeetingFrequency(@Nullable String meetingFrequency) {
    this.meetingFrequency = meetingFrequency == null ? "" : meetingFrequency;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
