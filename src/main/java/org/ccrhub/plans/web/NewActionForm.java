package org.ccrhub.plans.web;

import java.util.Optional;
import org.ccrhub.plans.NewAction;

/**
 * The form that adds an action to an outcome: its area (optional), ref and due date, with the
 * words, expected outcome, leads (separated by semicolons, as in an imported file, or one a line),
 * strategic links, resources and impact that the form changing an action has. The version it
 * inherits is not used: a new action has none yet.
 */
public class NewActionForm extends ActionForm {

  private String area = "";
  private String ref = "";
  private String due = "";

  NewAction action() {
    return new NewAction(
        ref,
        area.strip().matches("\\d{1,18}")
            ? Optional.of(Long.parseLong(area.strip()))
            : Optional.empty(),
        due,
        change());
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

  public String getDue() {
    return due;
  }

  public void setDue(String due) {
    this.due = due == null ? "" : due;
  }
}
