package org.ccrhub.plans.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who updates an action: the account ids checked, as text. */
class UpdatersForm {

  private List<String> updaters = new ArrayList<>();

  static UpdatersForm of(Set<Long> accountIds) {
    UpdatersForm form = new UpdatersForm();
    form.updaters = accountIds.stream().map(String::valueOf).collect(Collectors.toList());
    return form;
  }

  /** The ids; a value that is not a number becomes 0, which no account has. */
  Set<Long> accountIds() {
    return updaters.stream()
        .map(String::strip)
        .map(v -> v.matches("\\d{1,18}") ? Long.parseLong(v) : 0L)
        .collect(Collectors.toSet());
  }

  public List<String> getUpdaters() {
    return updaters;
  }

  public void setUpdaters(List<String> updaters) {
    this.updaters = updaters == null ? new ArrayList<>() : updaters;
  }
}
