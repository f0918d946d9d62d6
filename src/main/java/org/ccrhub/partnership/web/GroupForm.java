package org.ccrhub.partnership.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.ccrhub.partnership.Group;
import org.ccrhub.partnership.GroupType;

/** The add and change group form. {@code parent} is the id of the group it reports to, or blank. */
class GroupForm {

  @NotBlank(message = "Enter the group name")
  @Size(max = 200, message = "Group name must be 200 characters or fewer")
  private String name = "";

  @Choice(of = GroupType.class, message = "Select the type of group")
  private String type = "";

  private String parent = "";

  private String version = "0";

  static GroupForm of(Group group) {
    GroupForm form = new GroupForm();
    form.name = group.name();
    form.type = group.type().name();
    form.parent = group.parentId().map(String::valueOf).orElse("");
    form.version = String.valueOf(group.version());
    return form;
  }

  GroupType groupType() {
    return GroupType.valueOf(type);
  }

  Optional<Long> parentId() {
    return FormValues.optionalId(parent);
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

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }
}
