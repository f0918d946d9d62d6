package org.ccrhub.plans.web;

import org.ccrhub.plans.DeliveryArea;
import org.ccrhub.plans.HeadingChange;
import org.ccrhub.plans.PlanOutcome;

/**
 * The form that adds or changes an outcome or an area of delivery: an optional ref and a title, and
 * the version the person saw when they opened it.
 */
public class HeadingForm {

  private String ref = "";
  private String title = "";
  private String version = "";

  static HeadingForm of(PlanOutcome outcome) {
    return of(outcome.ref().orElse(""), outcome.title(), outcome.version());
  }

  static HeadingForm of(DeliveryArea area) {
    return of(area.ref().orElse(""), area.title(), area.version());
  }

  private static HeadingForm of(String ref, String title, int version) {
    HeadingForm form = new HeadingForm();
    form.ref = ref;
    form.title = title;
    form.version = String.valueOf(version);
    return form;
  }

  HeadingChange change() {
    return new HeadingChange(ref, title);
  }

  /** The version seen; a value that is not a number matches no version, so it is a conflict. */
  int seenVersion() {
    return version.strip().matches("\\d{1,9}") ? Integer.parseInt(version.strip()) : -1;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref == null ? "" : ref;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? "" : title;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version == null ? "" : version;
  }
}
