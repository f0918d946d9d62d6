package org.ccrhub.plans.web;

import org.ccrhub.plans.ActionChange;
import org.ccrhub.plans.PlanAction;

/**
 * The form that changes an action: its words, expected outcome, leads (one a line), strategic
 * links, resources and impact, and the version of the action the person saw when they opened it,
 * which tells whether someone else saved a change meanwhile.
 */
public class ActionForm {

  private String text = "";
  private String expectedOutcome = "";
  private String leads = "";
  private String links = "";
  private String resources = "";
  private String impact = "";
  private String version = "";

  static ActionForm of(PlanAction action) {
    ActionForm form = new ActionForm();
    form.text = action.text();
    form.expectedOutcome = action.expectedOutcome();
    form.leads = String.join("\n", action.leads());
    form.links = action.links();
    form.resources = action.resources();
    form.impact = action.impact();
    form.version = String.valueOf(action.version());
    return form;
  }

  ActionChange change() {
    return new ActionChange(
        text, expectedOutcome, PlanAction.parseLeads(leads), links, resources, impact);
  }

  /** The version seen; a value that is not a number matches no version, so it is a conflict. */
  int seenVersion() {
    return version.strip().matches("\\d{1,9}") ? Integer.parseInt(version.strip()) : -1;
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

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version == null ? "" : version;
  }
}
