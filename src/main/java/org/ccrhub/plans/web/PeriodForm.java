package org.ccrhub.plans.web;

import jakarta.validation.constraints.NotBlank;
import org.ccrhub.shared.DateInput;

/**
 * The form that opens a reporting period of one plan or of every plan: the period, written like
 * 2026/27 Q3, and optionally the day updates are due by and the day it closes by itself, each typed
 * as day, month and year.
 */
class PeriodForm {

  /** "" for every plan, else a plan's id. */
  private String plan = "";

  @NotBlank(message = "Enter the period to open")
  private String period = "";

  private DateInput due = new DateInput();
  private DateInput closes = new DateInput();

  public String getPlan() {
    return plan;
  }

  public void setPlan(String plan) {
    this.plan = plan == null ? "" : plan;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period == null ? "" : period;
  }

  public DateInput getDue() {
    return due;
  }

  public void setDue(DateInput due) {
    this.due = due == null ? new DateInput() : due;
  }

  public DateInput getCloses() {
    return closes;
  }

  public void setCloses(DateInput closes) {
    this.closes = closes == null ? new DateInput() : closes;
  }
}
