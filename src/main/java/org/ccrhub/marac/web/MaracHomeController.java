package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.marac.CaseFiles;
import org.ccrhub.marac.DataReturns;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.marac.QuarterFigures;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.SmallNumbers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The MARACs of a partnership. Everyone in the partnership sees each MARAC's name, its settings and
 * how many cases it heard, small counts shown as {@code <5}; those holding a role in it also get
 * the way to its cases. A partnership administrator creates MARACs and changes their settings,
 * never seeing a case.
 */
@Controller
@RequestMapping("/p/{slug}/marac")
class MaracHomeController {

  private static final String VIEW_HOME = "marac/home";
  private static final String VIEW_SETTINGS = "marac/settings";

  private final Maracs maracs;
  private final MaracRoles roles;
  private final MaracAccess access;
  private final CaseFiles cases;
  private final DataReturns returns;
  private final Clock clock;

  MaracHomeController(
      Maracs maracs,
      MaracRoles roles,
      MaracAccess access,
      CaseFiles cases,
      DataReturns returns,
      Clock clock) {
    this.maracs = maracs;
    this.roles = roles;
    this.access = access;
    this.cases = cases;
    this.returns = returns;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  /** A MARAC on the home page: counts for everyone, and what a role holder may open. */
  record MaracRow(
      Marac marac, List<QuarterRow> quarters, Optional<MaracReader> reader, int pendingMatches) {}

  record QuarterRow(String quarter, String cases, String repeats) {}

  @GetMapping
  String showHome(
      Partnership partnership,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model) {
    Set<Long> mine = roles.maracsOf(partnership, user.accountId());
    LocalDate today = Dates.today(clock);
    List<MaracRow> rows = new ArrayList<>();
    for (Marac marac : maracs.all(partnership)) {
      Optional<MaracReader> reader = Optional.empty();
      if (mine.contains(marac.id())) {
        try {
          reader =
              Optional.of(
                  access.reader(partnership, marac.id(), user.accountId(), user.actorName()));
        } catch (NotFoundException e) {
          reader = Optional.empty();
        }
      }
      SmallNumbers small = reader.isPresent() ? SmallNumbers.NONE : SmallNumbers.STANDARD;
      ReportingPeriod quarter = ReportingPeriod.containing(today);
      List<QuarterRow> quarters = new ArrayList<>();
      // newest first: this quarter so far, then the last
      List<QuarterFigures> figures =
          new ArrayList<>(returns.count(marac, quarter.previous(), quarter).quarters());
      java.util.Collections.reverse(figures);
      for (QuarterFigures heard : figures) {
        quarters.add(
            new QuarterRow(
                (heard.period().equals(quarter) ? "This quarter, " : "Last quarter, ")
                    + heard.period(),
                small.count(heard.cases()),
                small.hides(heard.cases())
                    ? SmallNumbers.DERIVED
                    : small.count(heard.repeatCases())));
      }
      rows.add(new MaracRow(marac, quarters, reader, reader.map(cases::pendingMatches).orElse(0)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("admin", MaracPages.isAdmin(request));
    return VIEW_HOME;
  }

  @GetMapping("/new")
  String initCreateForm(HttpServletRequest request, Model model) {
    requireAdmin(request);
    model.addAttribute("form", new MaracSettingsForm());
    return settingsView(null, model);
  }

  @PostMapping("/new")
  String processCreateForm(
      Partnership partnership,
      @ModelAttribute("form") MaracSettingsForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    requireAdmin(request);
    Optional<MaracSettings> settings = form.settings(errors);
    if (settings.isEmpty()) {
      return settingsView(null, model);
    }
    try {
      Marac created =
          maracs.create(
              partnership, form.getName(), settings.get(), form.frequency().orElseThrow());
      flash.addFlashAttribute("message", created.name() + " created");
      return "redirect:/p/{slug}/marac";
    } catch (InvalidInputException e) {
      errors.rejectValue("name", "name", e.getMessage());
      return settingsView(null, model);
    }
  }

  @GetMapping("/{maracId}/settings")
  String initSettingsForm(
      Partnership partnership,
      @PathVariable long maracId,
      HttpServletRequest request,
      Model model) {
    requireAdmin(request);
    Marac marac = maracs.get(partnership, maracId);
    model.addAttribute("form", MaracSettingsForm.of(marac));
    return settingsView(marac, model);
  }

  @PostMapping("/{maracId}/settings")
  String processSettingsForm(
      Partnership partnership,
      @PathVariable long maracId,
      @ModelAttribute("form") MaracSettingsForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    requireAdmin(request);
    Marac marac = maracs.get(partnership, maracId);
    Optional<MaracSettings> settings = form.settings(errors);
    if (settings.isEmpty()) {
      return settingsView(marac, model);
    }
    try {
      Marac saved =
          maracs.update(
              partnership,
              maracId,
              form.getName(),
              settings.get(),
              form.frequency().orElse(MeetingFrequency.MONTHLY),
              form.getVersion());
      flash.addFlashAttribute("message", "Settings of " + saved.name() + " saved");
      return "redirect:/p/{slug}/marac";
    } catch (ConcurrentChangeException e) {
      errors.reject(
          "conflict",
          "Someone else changed these settings since you opened this page. Open the settings"
              + " again to see theirs, then make your change");
      return settingsView(marac, model);
    } catch (InvalidInputException e) {
      errors.rejectValue("name", "name", e.getMessage());
      return settingsView(marac, model);
    }
  }

  private String settingsView(@org.jspecify.annotations.Nullable Marac marac, Model model) {
    model.addAttribute("marac", marac);
    model.addAttribute("fields", MaracSettingsForm.FIELDS);
    java.util.Map<String, String> frequencies = new java.util.LinkedHashMap<>();
    for (MeetingFrequency f : MeetingFrequency.values()) {
      frequencies.put(f.name(), f.label());
    }
    model.addAttribute("frequencies", frequencies);
    return VIEW_SETTINGS;
  }

  private static void requireAdmin(HttpServletRequest request) {
    if (!MaracPages.isAdmin(request)) {
      throw new NotFoundException("No such page");
    }
  }
}
