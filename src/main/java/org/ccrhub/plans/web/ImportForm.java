package org.ccrhub.plans.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The plan upload form: which plan, its year if new, the period of its ratings, and the file. */
class ImportForm {

  @NotBlank(message = "Enter the name of the plan")
  @Size(max = 200, message = "The plan name must be 200 characters or fewer")
  private String planName = "";

  private String year = "";

  private String period = "";

  @Size(max = 200, message = "The strategy name must be 200 characters or fewer")
  private String strategy = "";

  private @Nullable MultipartFile file;

  public String getPlanName() {
    return planName;
  }

  public void setPlanName(String planName) {
    this.planName = planName == null ? "" : planName.strip();
  }

  public String getYear() {
    return year;
  }

  public void setYear(String year) {
    this.year = year == null ? "" : year.strip();
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period == null ? "" : period.strip();
  }

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy == null ? "" : strategy.strip();
  }

  public @Nullable MultipartFile getFile() {
    return file;
  }

  public void setFile(@Nullable MultipartFile file) {
    this.file = file;
  }
}
