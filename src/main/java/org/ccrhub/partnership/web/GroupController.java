package org.ccrhub.partnership.web;

import jakarta.validation.Valid;
import java.util.Map;
import org.ccrhub.partnership.DeletionRefusedException;
import org.ccrhub.partnership.DetailsRejectedException;
import org.ccrhub.partnership.Group;
import org.ccrhub.partnership.GroupStructure;
import org.ccrhub.partnership.GroupType;
import org.ccrhub.partnership.Groups;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Listing, adding, changing and deleting a partnership's groups and their reporting lines. */
@Controller
@RequestMapping("/p/{slug}/admin/groups")
class GroupController {

  private static final String VIEW_LIST = "partnership/group-list";
  private static final String VIEW_FORM = "partnership/group-form";
  private static final String VIEW_DELETE = "partnership/confirm-delete";
  private static final String REDIRECT_LIST = "redirect:/p/{slug}/admin/groups";

  private final Groups groups;

  GroupController(Groups groups) {
    this.groups = groups;
  }

  @InitBinder
  void trimInput(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
  }

  @ModelAttribute("section")
  String section() {
    return "groups";
  }

  @ModelAttribute("types")
  Map<String, String> types() {
    return FormValues.options(GroupType.values(), GroupType::label);
  }

  @GetMapping
  String showGroups(Partnership partnership, Model model) {
    model.addAttribute("structure", groups.structure(partnership).places());
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreationForm(Partnership partnership, Model model) {
    model.addAttribute("form", new GroupForm());
    return formView(partnership, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @Valid @ModelAttribute("form") GroupForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    if (result.hasErrors()) {
      return formView(partnership, null, model);
    }
    try {
      Group group = groups.create(partnership, form.getName(), form.groupType(), form.parentId());
      flash.addFlashAttribute("message", group.name() + " has been added");
    } catch (DetailsRejectedException e) {
      FormErrors.reject(result, e);
      return formView(partnership, null, model);
    }
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(Partnership partnership, @PathVariable long id, Model model) {
    Group group = groups.find(partnership, id);
    model.addAttribute("form", GroupForm.of(group));
    return formView(partnership, group, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @Valid @ModelAttribute("form") GroupForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    Group before = groups.find(partnership, id);
    if (result.hasErrors()) {
      return formView(partnership, before, model);
    }
    try {
      Group group =
          groups.update(
              partnership,
              id,
              form.expectedVersion(),
              form.getName(),
              form.groupType(),
              form.parentId());
      flash.addFlashAttribute("message", group.name() + " has been changed");
    } catch (DetailsRejectedException e) {
      FormErrors.reject(result, e);
      return formView(partnership, before, model);
    } catch (ConcurrentChangeException e) {
      Group saved = groups.find(partnership, id);
      form.setVersion(String.valueOf(saved.version()));
      FormErrors.rejectChangedMeanwhile(result, model, "this group");
      return formView(partnership, saved, model);
    }
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/delete")
  String initDeleteForm(Partnership partnership, @PathVariable long id, Model model) {
    DeleteConfirmation deletion = confirmation(partnership, groups.find(partnership, id));
    model.addAttribute(
        "deletion",
        groups.whyNotDeletable(partnership, id).map(deletion::withRefusal).orElse(deletion));
    return VIEW_DELETE;
  }

  @PostMapping("/{id}/delete")
  String processDeleteForm(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String version,
      Model model,
      RedirectAttributes flash) {
    Group group = groups.find(partnership, id);
    try {
      groups.delete(partnership, id, FormValues.version(version));
    } catch (DeletionRefusedException e) {
      model.addAttribute("deletion", confirmation(partnership, group).withRefusal(e.getMessage()));
      return VIEW_DELETE;
    } catch (ConcurrentChangeException e) {
      model.addAttribute(
          "deletion",
          confirmation(partnership, groups.find(partnership, id)).withChangedMeanwhile());
      return VIEW_DELETE;
    }
    flash.addFlashAttribute("message", group.name() + " has been deleted");
    return REDIRECT_LIST;
  }

  /**
   * The form, with the groups this one may report to: all but itself and those that report to it,
   * which would make a loop.
   */
  private String formView(Partnership partnership, @Nullable Group group, Model model) {
    GroupStructure structure = groups.structure(partnership);
    model.addAttribute("group", group);
    model.addAttribute(
        "parents",
        FormValues.options(
            group == null ? structure.byName() : structure.possibleParentsOf(group.id()),
            Group::id,
            Group::name));
    return VIEW_FORM;
  }

  private DeleteConfirmation confirmation(Partnership partnership, Group group) {
    long members = groups.memberCount(partnership, group.id());
    return new DeleteConfirmation(
        "group",
        group.id(),
        group.name(),
        group.version(),
        DeleteConfirmation.details("Name", group.name(), "Type", group.type().label()),
        null,
        members == 0
            ? null
            : (members == 1 ? "1 person is a member" : members + " people are members")
                + " of this group. Deleting the group takes them off it; it does not delete them.",
        false);
  }
}
