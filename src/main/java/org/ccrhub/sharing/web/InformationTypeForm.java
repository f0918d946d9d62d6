package org.ccrhub.sharing.web;

import java.util.List;
import java.util.Optional;
import org.ccrhub.sharing.OwnInformationTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** A type of information of the partnership's own as typed on its form. */
public class InformationTypeForm {

  static final List<String> FIELDS = List.of("name");

  private String name = "";
  private String version = "0";

  static InformationTypeForm of(OwnInformationTypes.Entry entry) {
    InformationTypeForm form = new InformationTypeForm();
    form.name = entry.name();
    form.version = Integer.toString(entry.version());
    return form;
  }

  /** The name typed, or empty with the problem on its field. */
  Optional<String> name(Errors errors) {
    Optional<String> problem = OwnInformationTypes.problem(name);
    problem.ifPresent(p -> errors.rejectValue("name", "refused", p));
    return problem.isPresent() ? Optional.empty() : Optional.of(name.strip());
  }

  int expectedVersion() {
    return version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1;
  }

  public String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name == null ? "" : name;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(@Nullable String version) {
    this.version = version == null ? "" : version;
  }
}
