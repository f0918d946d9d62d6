package org.ccrhub.plans.web;

import java.util.Locale;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanSnapshot;

/**
 * The filters and search of the plan overview, as the GET form sends them. Everything is kept as
 * text, so whatever was sent is shown again and nothing can fail to bind.
 */
class PlanFilter {

  private String period = "";
  private String outcome = "";
  private String lead = "";
  private String rating = "";
  private String overdue = "";
  private String notUpdated = "";
  private String q = "";

  boolean matches(PlanSnapshot snapshot, PlanAction action) {
    return (outcome.isBlank() || String.valueOf(action.outcomeId()).equals(outcome.strip()))
        && (lead.isBlank() || contains(action.leadsText(), lead))
        && (rating.isBlank() || snapshot.rating(action).name().equals(rating.strip()))
        && (!isOverdueOnly() || snapshot.isOverdue(action))
        && (!isNotUpdatedOnly() || snapshot.update(action).isEmpty())
        && (q.isBlank() || contains(action.ref(), q) || contains(action.text(), q));
  }

  boolean isActive() {
    return !(outcome.isBlank()
        && lead.isBlank()
        && rating.isBlank()
        && !isOverdueOnly()
        && !isNotUpdatedOnly()
        && q.isBlank());
  }

  public boolean isOverdueOnly() {
    return "true".equals(overdue);
  }

  public boolean isNotUpdatedOnly() {
    return "true".equals(notUpdated);
  }

  private static boolean contains(String text, String part) {
    return text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period == null ? "" : period;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome == null ? "" : outcome;
  }

  public String getLead() {
    return lead;
  }

  public void setLead(String lead) {
    this.lead = lead == null ? "" : lead;
  }

  public String getRating() {
    return rating;
  }

  public void setRating(String rating) {
    this.rating = rating == null ? "" : rating;
  }

  public String getOverdue() {
    return overdue;
  }

  public void setOverdue(String overdue) {
    this.overdue = overdue == null ? "" : overdue;
  }

  public String getNotUpdated() {
    return notUpdated;
  }

  public void setNotUpdated(String notUpdated) {
    this.notUpdated = notUpdated == null ? "" : notUpdated;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q == null ? "" : q;
  }
}
