package org.ccrhub.plans.web;

import jakarta.validation.constraints.NotBlank;

/** The form that opens a reporting period, written like 2016/17 Q3. */
class PeriodForm {

  @NotBlank(message = "Enter the period to open, like 2016/17 Q3")
  private String period = "";

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period == null ? "" : period;
  }
}
