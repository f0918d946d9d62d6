package org.ccrhub.audit;

import org.ccrhub.shared.DateInput;

/**
 * What the audit page's search asks for: records from a day to a day (each typed as day, month and
 * year), by whom (part of an email address), what kind of event and what kind of record.
 */
public class AuditFilter {

  private DateInput from = new DateInput();
  private DateInput to = new DateInput();
  private String actor = "";
  private String action = "";
  private String objectType = "";

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

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor == null ? "" : actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action == null ? "" : action;
  }

  public String getObjectType() {
    return objectType;
  }

  public void setObjectType(String objectType) {
    this.objectType = objectType == null ? "" : objectType;
  }
}
