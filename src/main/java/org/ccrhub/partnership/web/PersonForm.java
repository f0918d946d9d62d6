package org.ccrhub.partnership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.partnership.Person;
import org.ccrhub.partnership.PersonDetails;

/**
 * The add and change person form. {@code agency} is the id of their agency or blank; {@code groups}
 * the ids of the groups they are a member of.
 */
class PersonForm {

  @NotBlank(message = "Enter the full name")
  @Size(max = 200, message = "Name must be 200 characters or fewer")
  private String name = "";

  @Size(max = 200, message = "Job title must be 200 characters or fewer")
  private String jobTitle = "";

  private String agency = "";

  @Size(max = 254, message = "Email address must be 254 characters or fewer")
  @Pattern(
      regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
      message = "Enter an email address in the correct format, like name@example.org")
  private String email = "";

  private List<String> groups = new ArrayList<>();

  private String version = "0";

  static PersonForm of(Person person) {
    PersonDetails details = person.details();
    PersonForm form = new PersonForm();
    form.name = details.name();
    form.jobTitle = details.jobTitle().orElse("");
    form.agency = details.agencyId().map(String::valueOf).orElse("");
    form.email = details.email().orElse("");
    form.groups = new ArrayList<>(details.groupIds().stream().map(String::valueOf).toList());
    form.version = String.valueOf(person.version());
    return form;
  }

  PersonDetails details() {
    return new PersonDetails(
        name,
        Optional.of(jobTitle),
        FormValues.optionalId(agency),
        Optional.of(email),
        FormValues.ids(groups));
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

  public String getJobTitle() {
    return jobTitle;
  }

  public void setJobTitle(String jobTitle) {
    this.jobTitle = jobTitle;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
