package org.ccrhub.plans.web;

import java.util.Optional;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.NewPlan;

/** The form that creates a plan: its name, years, strategy and protective marking. */
public class NewPlanForm {

  private String name = "";
  private String firstYear = "";
  private String lastYear = "";
  private String strategy = "";
  private String marking = "OFFICIAL";

  /** A blank form for a plan of the current financial year. */
  static NewPlanForm startingIn(FinancialYear year) {
    NewPlanForm form = new NewPlanForm();
    form.firstYear = year.toString();
    form.lastYear = year.toString();
    return form;
  }

  NewPlan plan() {
    return new NewPlan(
        name,
        firstYear,
        lastYear,
        strategy.strip().matches("\\d{1,18}")
            ? Optional.of(Long.parseLong(strategy.strip()))
            : Optional.empty(),
        marking);
  }

  /** Whether a strategy was chosen, though it may not be one of the partnership's. */
  boolean strategyChosen() {
    return !strategy.isBlank();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name;
  }

  public String getFirstYear() {
    return firstYear;
  }

  public void setFirstYear(String firstYear) {
    this.firstYear = firstYear == null ? "" : firstYear;
  }

  public String getLastYear() {
    return lastYear;
  }

  public void setLastYear(String lastYear) {
    this.lastYear = lastYear == null ? "" : lastYear;
  }

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy == null ? "" : strategy;
  }

  public String getMarking() {
    return marking;
  }

  public void setMarking(String marking) {
    this.marking = marking == null ? "" : marking;
  }
}
