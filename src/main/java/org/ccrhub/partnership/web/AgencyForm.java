package org.ccrhub.partnership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;

/** The add and change agency form. */
class AgencyForm {

  @NotBlank(message = "Enter the agency name")
  @Size(max = 200, message = "Agency name must be 200 characters or fewer")
  private String name = "";

  @Choice(of = AgencyType.class, message = "Select the type of agency")
  private String type = "";

  private String version = "0";

  static AgencyForm of(Agency agency) {
    AgencyForm form = new AgencyForm();
    form.name = agency.name();
    form.type = agency.type().name();
    form.version = String.valueOf(agency.version());
    return form;
  }

  AgencyType agencyType() {
    return AgencyType.valueOf(type);
  }

  int expectedVersion() {
    return FormValues.version(version);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
