package org.ccrhub.plans.web;

import java.util.Optional;
import org.ccrhub.plans.ActionChange;
import org.ccrhub.plans.NewAction;
import org.ccrhub.plans.PlanAction;

/**
 * The form that adds an action to an outcome: its area (optional), ref, words, expected outcome,
 * due date, leads (separated by semicolons, as in an imported file), strategic links, resources and
 * impact.
 */
public class NewActionForm {

  private String area = "";
  private String ref = "";
  private String text = "";
  private String expectedOutcome = "";
  private String due = "";
  private String leads = "";
  private String links = "";
  private String resources = "";
  private String impact = "";

  NewAction action() {
    return new NewAction(
        ref,
        area.strip().matches("\\d{1,18}")
            ? Optional.of(Long.parseLong(area.strip()))
            : Optional.empty(),
        due,
        new ActionChange(
            text, expectedOutcome, PlanAction.parseLeads(leads), links, resources, impact));
  }

  public String getArea() {
    return area;
  }

  public void setArea(String area) {
    this.area = area == null ? "" : area;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref == null ? "" : ref;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text == null ? "" : text;
  }

  public String getExpectedOutcome() {
    return expectedOutcome;
  }

  public void setExpectedOutcome(String expectedOutcome) {
    this.expectedOutcome = expectedOutcome == null ? "" : expectedOutcome;
  }

  public String getDue() {
    return due;
  }

  public void setDue(String due) {
    this.due = due == null ? "" : due;
  }

  public String getLeads() {
    return leads;
  }

  public void setLeads(String leads) {
    this.leads = leads == null ? "" : leads;
  }

  public String getLinks() {
    return links;
  }

  public void setLinks(String links) {
    this.links = links == null ? "" : links;
  }

  public String getResources() {
    return resources;
  }

  public void setResources(String resources) {
    this.resources = resources == null ? "" : resources;
  }

  public String getImpact() {
    return impact;
  }

  public void setImpact(String impact) {
    this.impact = impact == null ? "" : impact;
  }
}
