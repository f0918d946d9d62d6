package org.ccrhub.plans.web;

import jakarta.validation.constraints.NotBlank;

/**
 * The form that opens a reporting period of one plan or of every plan: the period, written like
 * 2016/17 Q3, and optionally the day updates are due by and the day it closes by itself.
 */
class PeriodForm {

  /** "" for every plan, else a plan's id. */
  private String plan = "";

  @NotBlank(message = "Enter the period to open, like 2016/17 Q3")
  private String period = "";

  private String due = "";
  private String closes = "";

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

  public String getDue() {
    return due;
  }

  public void setDue(String due) {
    this.due = due == null ? "" : due;
  }

  public String getCloses() {
    return closes;
  }

  public void setCloses(String closes) {
    this.closes = closes == null ? "" : closes;
  }
}
