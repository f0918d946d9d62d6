package org.ccrhub.marac.web;

import org.ccrhub.shared.DateInput;

/** The forms of the meeting pages, each kept with what was typed when it is shown again. */
final class MeetingForms {

  private MeetingForms() {}

  /** Schedules regular meetings (a date and how many) or an emergency meeting. */
  static class ScheduleForm {
    private DateInput date = new DateInput();
    private String kind = "REGULAR";
    private String count = "1";

    public DateInput getDate() {
      return date;
    }

    public void setDate(DateInput date) {
      this.date = date == null ? new DateInput() : date;
    }

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind == null ? "" : kind;
    }

    public String getCount() {
      return count;
    }

    public void setCount(String count) {
      this.count = count == null ? "" : count;
    }
  }

  /** Where a case goes: a meeting's id, or {@link #OFF} to take it off the agenda. */
  static class MoveForm {
    static final String OFF = "off";

    private String to = "";

    public String getTo() {
      return to;
    }

    public void setTo(String to) {
      this.to = to == null ? "" : to;
    }
  }

  /** Why a copy of personal data is needed, before a download. */
  static class ReasonForm {
    private String reason = "";

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason == null ? "" : reason;
    }
  }

  /** An agency's research for a case. */
  static class ResearchForm {
    private String agency = "";
    private String facts = "";
    private String opinion = "";
    private String notShared = "";

    public String getAgency() {
      return agency;
    }

    public void setAgency(String agency) {
      this.agency = agency == null ? "" : agency;
    }

    public String getFacts() {
      return facts;
    }

    public void setFacts(String facts) {
      this.facts = facts == null ? "" : facts;
    }

    public String getOpinion() {
      return opinion;
    }

    public void setOpinion(String opinion) {
      this.opinion = opinion == null ? "" : opinion;
    }

    public String getNotShared() {
      return notShared;
    }

    public void setNotShared(String notShared) {
      this.notShared = notShared == null ? "" : notShared;
    }
  }

  /** The risks discussed at the meeting. */
  static class RisksForm {
    private String risks = "";

    public String getRisks() {
      return risks;
    }

    public void setRisks(String risks) {
      this.risks = risks == null ? "" : risks;
    }
  }

  /** A new SMART action: what, which agency, by when. */
  static class ActionForm {
    private String actionAgency = "";
    private String description = "";
    private DateInput due = new DateInput();

    public String getActionAgency() {
      return actionAgency;
    }

    public void setActionAgency(String actionAgency) {
      this.actionAgency = actionAgency == null ? "" : actionAgency;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description == null ? "" : description;
    }

    public DateInput getDue() {
      return due;
    }

    public void setDue(DateInput due) {
      this.due = due == null ? new DateInput() : due;
    }
  }

  /** An agency's update of its action. */
  static class ActionUpdateForm {
    private String status = "";
    private String note = "";

    public String getStatus() {
      return status;
    }

    public void setStatus(String status) {
      this.status = status == null ? "" : status;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note == null ? "" : note;
    }
  }

  /** A new audit sample: the period and how many cases. */
  static class SampleForm {
    private DateInput from = new DateInput();
    private DateInput to = new DateInput();
    private String size = "";

    public DateInput getFrom() {
      return from;
    }

    public void setFrom(DateInput from) {
      this.from = from == null ? new DateInput() : from;
    }

    public DateInput getTo() {
      return to;
    }

    public void setTo(DateInput to) {
      this.to = to == null ? new DateInput() : to;
    }

    public String getSize() {
      return size;
    }

    public void setSize(String size) {
      this.size = size == null ? "" : size;
    }
  }

  /** The audit of a sampled case. */
  static class CaseAuditForm {
    private String outcome = "";
    private String notes = "";

    public String getOutcome() {
      return outcome;
    }

    public void setOutcome(String outcome) {
      this.outcome = outcome == null ? "" : outcome;
    }

    public String getNotes() {
      return notes;
    }

    public void setNotes(String notes) {
      this.notes = notes == null ? "" : notes;
    }
  }

  /** A whole number typed, or null. */
  static Integer number(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long id(String text) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
