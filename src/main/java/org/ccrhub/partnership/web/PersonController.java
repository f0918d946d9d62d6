package org.ccrhub.partnership.web;

import jakarta.validation.Valid;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.DetailsRejectedException;
import org.ccrhub.partnership.Group;
import org.ccrhub.partnership.Groups;
import org.ccrhub.partnership.People;
import org.ccrhub.partnership.Person;
import org.ccrhub.partnership.PersonAccounts;
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

/**
 * Listing, adding, changing and deleting a partnership's people and their group memberships. Every
 * page that shows people's details (the list, a person's form, the deletion check) is recorded in
 * the audit trail as a read.
 */
@Controller
@RequestMapping("/p/{slug}/admin/people")
class PersonController {

  private static final String VIEW_LIST = "partnership/person-list";
  private static final String VIEW_FORM = "partnership/person-form";
  private static final String VIEW_DELETE = "partnership/confirm-delete";
  private static final String REDIRECT_LIST = "redirect:/p/{slug}/admin/people";

  private final People people;
  private final Agencies agencies;
  private final Groups groups;
  private final PersonAccounts personAccounts;

  PersonController(People people, Agencies agencies, Groups groups, PersonAccounts personAccounts) {
    this.people = people;
    this.agencies = agencies;
    this.groups = groups;
    this.personAccounts = personAccounts;
  }

  @InitBinder
  void trimInput(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(false));
  }

  @ModelAttribute("section")
  String section() {
    return "people";
  }

  @GetMapping
  String showPeople(Partnership partnership, Model model) {
    model.addAttribute("people", people.openList(partnership));
    model.addAttribute("withAccounts", personAccounts.accountsOfPeople(partnership).keySet());
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreationForm(Partnership partnership, Model model) {
    model.addAttribute("form", new PersonForm());
    return formView(partnership, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @Valid @ModelAttribute("form") PersonForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    if (result.hasErrors()) {
      return formView(partnership, null, model);
    }
    try {
      Person person = people.create(partnership, form.details());
      flash.addFlashAttribute("message", person.name() + " has been added");
    } catch (DetailsRejectedException e) {
      FormErrors.reject(result, e);
      return formView(partnership, null, model);
    }
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(Partnership partnership, @PathVariable long id, Model model) {
    Person person = people.open(partnership, id);
    model.addAttribute("form", PersonForm.of(person));
    return formView(partnership, person, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @Valid @ModelAttribute("form") PersonForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    Person before = people.find(partnership, id);
    if (result.hasErrors()) {
      return formView(partnership, before, model);
    }
    try {
      Person person = people.update(partnership, id, form.expectedVersion(), form.details());
      flash.addFlashAttribute("message", person.name() + " has been changed");
    } catch (DetailsRejectedException e) {
      FormErrors.reject(result, e);
      return formView(partnership, before, model);
    } catch (ConcurrentChangeException e) {
      Person saved = people.find(partnership, id);
      form.setVersion(String.valueOf(saved.version()));
      FormErrors.rejectChangedMeanwhile(result, model, "this person's details");
      return formView(partnership, saved, model);
    }
    return REDIRECT_LIST;
  }

  @GetMapping("/{id}/delete")
  String initDeleteForm(Partnership partnership, @PathVariable long id, Model model) {
    model.addAttribute("deletion", confirmation(partnership, people.open(partnership, id)));
    return VIEW_DELETE;
  }

  @PostMapping("/{id}/delete")
  String processDeleteForm(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String version,
      Model model,
      RedirectAttributes flash) {
    Person person = people.find(partnership, id);
    try {
      people.delete(partnership, id, FormValues.version(version));
    } catch (ConcurrentChangeException e) {
      model.addAttribute(
          "deletion",
          confirmation(partnership, people.find(partnership, id)).withChangedMeanwhile());
      return VIEW_DELETE;
    }
    flash.addFlashAttribute("message", person.name() + " has been deleted");
    return REDIRECT_LIST;
  }

  /** The form, with the partnership's agencies and groups to choose from. */
  private String formView(Partnership partnership, @Nullable Person person, Model model) {
    model.addAttribute("person", person);
    model.addAttribute(
        "agencyOptions",
        FormValues.options(agencies.findAll(partnership), Agency::id, Agency::name));
    model.addAttribute(
        "groupOptions",
        FormValues.options(groups.structure(partnership).byName(), Group::id, Group::name));
    if (person != null) {
      model.addAttribute(
          "savedAgency",
          person.details().agencyId().flatMap(a -> agencies.findById(partnership, a)).orElse(null));
    }
    return VIEW_FORM;
  }

  private DeleteConfirmation confirmation(Partnership partnership, Person person) {
    String agency =
        person
            .details()
            .agencyId()
            .flatMap(a -> agencies.findById(partnership, a))
            .map(Agency::name)
            .orElse("None");
    int memberships = person.details().groupIds().size();
    return new DeleteConfirmation(
        "person",
        person.id(),
        person.name(),
        person.version(),
        DeleteConfirmation.details(
            "Name", person.name(),
            "Job title", person.details().jobTitle().orElse("Not recorded"),
            "Agency", agency),
        null,
        memberships == 0
            ? null
            : "Deleting them also takes them off the "
                + (memberships == 1 ? "group" : memberships + " groups")
                + " they are a member of.",
        false);
  }
}
