package org.ccrhub.plans.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The people a lead is mapped to: the lead as the plan writes it, and the person ids checked. */
class LeadForm {

  private String lead = "";
  private List<String> people = new ArrayList<>();

  static LeadForm of(String lead, List<Long> personIds) {
    LeadForm form = new LeadForm();
    form.lead = lead;
    form.people = personIds.stream().map(String::valueOf).collect(Collectors.toList());
    return form;
  }

  /** The ids; a value that is not a number becomes 0, which no person has. */
  Set<Long> personIds() {
    return people.stream()
        .map(String::strip)
        .map(v -> v.matches("\\d{1,18}") ? Long.parseLong(v) : 0L)
        .collect(Collectors.toSet());
  }

  public String getLead() {
    return lead;
  }

  public void setLead(String lead) {
    this.lead = lead == null ? "" : lead;
  }

  public List<String> getPeople() {
    return people;
  }

  public void setPeople(List<String> people) {
    this.people = people == null ? new ArrayList<>() : people;
  }
}
