package org.ccrhub.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.ccrhub.shared.DateInput;
import org.springframework.validation.Errors;

/** The strategy form; the review date is typed as day, month and year. */
class StrategyForm {

  @NotBlank(message = "Enter the name of the strategy")
  @Size(max = 200, message = "The name must be 200 characters or fewer")
  private String name = "";

  @Size(max = 40, message = "Years must be 40 characters or fewer")
  private String years = "";

  private String owningGroup = "";

  @Size(max = 40, message = "The version must be 40 characters or fewer")
  private String documentVersion = "";

  @Pattern(regexp = "DRAFT|APPROVED|PUBLISHED", message = "Select the status")
  private String status = "DRAFT";

  @Size(max = 200, message = "Approved by must be 200 characters or fewer")
  private String approvedBy = "";

  private DateInput reviewDate = new DateInput();

  private String version = "0";

  static StrategyForm of(Strategy strategy) {
    StrategyForm form = new StrategyForm();
    form.name = strategy.name();
    form.years = strategy.years();
    form.owningGroup = strategy.owningGroupId().map(String::valueOf).orElse("");
    form.documentVersion = strategy.documentVersion();
    form.status = strategy.status().name();
    form.approvedBy = strategy.approvedBy();
    form.reviewDate = DateInput.of(strategy.reviewDate());
    form.version = String.valueOf(strategy.version());
    return form;
  }

  Strategies.Details details() {
    return new Strategies.Details(
        name,
        years,
        owningGroup == null || !owningGroup.matches("\\d{1,18}")
            ? Optional.empty()
            : Optional.of(Long.parseLong(owningGroup)),
        documentVersion,
        Strategy.Status.valueOf(status),
        approvedBy,
        reviewDate.date());
  }

  /** Puts on the form what is wrong with the review date typed, if anything. */
  void checkReviewDate(Errors errors) {
    reviewDate.read("reviewDate", "the review date", false, errors);
  }

  int expectedVersion() {
    return version != null && version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getYears() {
    return years;
  }

  public void setYears(String years) {
    this.years = years;
  }

  public String getOwningGroup() {
    return owningGroup;
  }

  public void setOwningGroup(String owningGroup) {
    this.owningGroup = owningGroup;
  }

  public String getDocumentVersion() {
    return documentVersion;
  }

  public void setDocumentVersion(String documentVersion) {
    this.documentVersion = documentVersion;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public void setApprovedBy(String approvedBy) {
    this.approvedBy = approvedBy;
  }

  public DateInput getReviewDate() {
    return reviewDate;
  }

  public void setReviewDate(DateInput reviewDate) {
    this.reviewDate = reviewDate == null ? new DateInput() : reviewDate;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
