package org.ccrhub.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.ccrhub.shared.UkDates;

/** The strategy form; dates are typed as 31/03/2027 or 2027-03-31. */
class StrategyForm {

  @NotBlank(message = "Enter the name of the strategy")
  @Size(max = 200, message = "The name must be 200 characters or fewer")
  private String name = "";

  @Size(max = 40, message = "Years must be 40 characters or fewer")
  private String years = "";

  private String owningGroup = "";

  @Size(max = 40, message = "The version must be 40 characters or fewer")
  private String documentVersion = "";

  @Pattern(regexp = "DRAFT|APPROVED|PUBLISHED", message = "Choose the status")
  private String status = "DRAFT";

  @Size(max = 200, message = "Approved by must be 200 characters or fewer")
  private String approvedBy = "";

  @Pattern(
      regexp = "|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}",
      message = "Enter the review date like 31/03/2027")
  private String reviewDate = "";

  private String version = "0";

  static StrategyForm of(Strategy strategy) {
    StrategyForm form = new StrategyForm();
    form.name = strategy.name();
    form.years = strategy.years();
    form.owningGroup = strategy.owningGroupId().map(String::valueOf).orElse("");
    form.documentVersion = strategy.documentVersion();
    form.status = strategy.status().name();
    form.approvedBy = strategy.approvedBy();
    form.reviewDate =
        strategy
            .reviewDate()
            .map(d -> d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
            .orElse("");
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
        reviewDate());
  }

  Optional<LocalDate> reviewDate() {
    if (reviewDate == null || reviewDate.isBlank()) {
      return Optional.empty();
    }
    return UkDates.day(reviewDate);
  }

  boolean reviewDateIsReal() {
    return reviewDate == null || reviewDate.isBlank() || reviewDate().isPresent();
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

  public String getReviewDate() {
    return reviewDate;
  }

  public void setReviewDate(String reviewDate) {
    this.reviewDate = reviewDate;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
