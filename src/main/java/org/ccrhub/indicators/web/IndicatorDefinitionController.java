package org.ccrhub.indicators.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorDefinitions;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Polarity;
import org.ccrhub.indicators.Unit;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding an indicator, or changing one's definition, in a form checked by the rules of the
 * definitions import. Administrators, strategic leads and analysts keep indicators.
 */
@Controller
@RequestMapping("/p/{slug}/indicators")
class IndicatorDefinitionController {

  static final String VIEW_FORM = "indicators/definition-form";

  /** The form's fields in the order of the page, for the error summary. */
  static final List<String> FIELDS = List.copyOf(IndicatorForm.FIELD_OF_COLUMN.values());

  private final Indicators indicators;
  private final IndicatorDefinitions definitions;

  IndicatorDefinitionController(Indicators indicators, IndicatorDefinitions definitions) {
    this.indicators = indicators;
    this.definitions = definitions;
  }

  @ModelAttribute("section")
  String section() {
    return "indicators";
  }

  @GetMapping("/new")
  String initCreationForm(HttpServletRequest request, Model model) {
    IndicatorPages.requireImporter(request);
    model.addAttribute("form", new IndicatorForm());
    return formView(null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @ModelAttribute("form") IndicatorForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    IndicatorPages.requireImporter(request);
    return save(partnership, null, form, result, model, flash);
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    IndicatorPages.requireImporter(request);
    Indicator indicator = indicators.find(partnership, id);
    model.addAttribute("form", IndicatorForm.of(indicator));
    return formView(indicator, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") IndicatorForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    IndicatorPages.requireImporter(request);
    return save(partnership, id, form, result, model, flash);
  }

  private String save(
      Partnership partnership,
      @Nullable Long id,
      IndicatorForm form,
      BindingResult result,
      Model model,
      RedirectAttributes flash) {
    Indicator before = id == null ? null : indicators.find(partnership, id);
    if (result.hasErrors()) { // a value that could not be read, e.g. the box sent as "maybe"
      return formView(before, model);
    }
    IndicatorDefinitions.Outcome outcome =
        definitions.save(partnership, id, form.fields(), form.seenVersion());
    Indicator theirs = outcome.theirs();
    if (theirs != null) {
      form.setVersion(String.valueOf(theirs.version()));
      result.reject(
          "conflict",
          "Someone else changed "
              + theirs.ref()
              + " since you opened this page. Compare their definition with yours below; save"
              + " yours to replace theirs, or leave this page to keep theirs");
      model.addAttribute("theirs", theirs);
      model.addAttribute("errorAnchor", "their-version");
      return formView(theirs, model);
    }
    if (outcome.saved() == null) {
      Map<String, String> messages = new LinkedHashMap<>();
      for (IndicatorDefinitions.Problem problem : outcome.problems()) {
        // one message a field, as GOV.UK forms show them: several problems are joined
        messages.merge(
            IndicatorForm.FIELD_OF_COLUMN.getOrDefault(problem.field(), "ref"),
            problem.message(),
            (a, b) -> a + "; " + b);
      }
      messages.forEach((field, message) -> result.rejectValue(field, "invalid", message));
      return formView(before, model);
    }
    Indicator saved = outcome.saved();
    flash.addFlashAttribute(
        "message",
        (before == null
            ? "The indicator " + saved.ref() + " has been added"
            : "The indicator " + saved.ref() + " has been saved"));
    return "redirect:/p/{slug}/indicators/" + saved.id();
  }

  private static String formView(@Nullable Indicator indicator, Model model) {
    Map<String, String> units = new LinkedHashMap<>();
    for (Unit unit : Unit.values()) {
      units.put(unit.name(), capitalised(unit.label()));
    }
    Map<String, String> polarities = new LinkedHashMap<>();
    for (Polarity polarity : Polarity.values()) {
      polarities.put(polarity.name(), capitalised(polarity.label()));
    }
    Map<String, String> frequencies = new LinkedHashMap<>();
    for (Frequency frequency : Frequency.values()) {
      frequencies.put(frequency.name(), capitalised(frequency.label()));
    }
    model.addAttribute("indicator", indicator);
    model.addAttribute("fields", FIELDS);
    model.addAttribute("unitOptions", units);
    model.addAttribute("polarityOptions", polarities);
    model.addAttribute("frequencyOptions", frequencies);
    return VIEW_FORM;
  }

  private static String capitalised(String label) {
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
