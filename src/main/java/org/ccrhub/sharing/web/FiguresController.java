package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.SmallNumbers;
import org.ccrhub.shared.UkDates;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.ccrhub.sharing.SharingStatistics;
import org.ccrhub.sharing.SharingStatisticsReports;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register's figures for the board, for every member: requests by agency pair, decision, lawful
 * basis and urgency, days to decide and overdue requests, for a period (the financial year so far
 * unless chosen). Small numbers are suppressed for everyone but the data protection lead, as in
 * every figure about people.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/figures")
class FiguresController {

  private static final java.time.format.DateTimeFormatter SHORT =
      java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy");

  private final SharingAccess access;
  private final SharingStatisticsReports reports;

  FiguresController(SharingAccess access, SharingStatisticsReports reports) {
    this.access = access;
    this.reports = reports;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @GetMapping
  String showFigures(
      Partnership partnership,
      @RequestParam(required = false, defaultValue = "") String from,
      @RequestParam(required = false, defaultValue = "") String to,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    SharingReader reader = access.reader(partnership, user.accountId(), user.actorName());
    LocalDate today = access.today();
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate yearStart =
        LocalDate.of(
            today.getMonthValue() >= Month.APRIL.getValue() ? today.getYear() : today.getYear() - 1,
            4,
            1);
    LocalDate first = day("from", from, yearStart, problems);
    LocalDate last = day("to", to, today, problems);
    if (problems.isEmpty() && last.isBefore(first)) {
      problems.put("to", "The last day must be on or after the first");
    }
    SmallNumbers small = reader.dataProtectionLead() ? SmallNumbers.NONE : SmallNumbers.STANDARD;
    model.addAttribute("from", from.isBlank() ? first.format(SHORT) : from);
    model.addAttribute("to", to.isBlank() ? last.format(SHORT) : to);
    model.addAttribute("problems", problems);
    model.addAttribute("exact", small == SmallNumbers.NONE);
    if (!problems.isEmpty()) {
      model.addAttribute("rows", List.of());
      return "sharing/figures";
    }
    List<List<String>> rows = new ArrayList<>();
    reports.figures(partnership, first, last).forEach(r -> rows.add(r.cells(small)));
    SharingStatistics.Totals totals = reports.totals(partnership, first, last);
    model.addAttribute("first", first);
    model.addAttribute("last", last);
    model.addAttribute("rows", rows);
    model.addAttribute("requests", small.count(totals.requests()));
    List<String> decisions = totals.decisions(small);
    Map<String, String> byDecision = new LinkedHashMap<>();
    int i = 0;
    for (String label : totals.byDecision().keySet()) {
      byDecision.put(label, decisions.get(i++));
    }
    model.addAttribute("byDecision", byDecision);
    Map<String, String> byBasis = new LinkedHashMap<>();
    totals.byBasis().forEach((basis, count) -> byBasis.put(basis, small.count(count)));
    model.addAttribute("byBasis", byBasis);
    List<String> urgency = SharingStatistics.parts(small, List.copyOf(totals.byUrgency().values()));
    Map<String, String> byUrgency = new LinkedHashMap<>();
    i = 0;
    for (String label : totals.byUrgency().keySet()) {
      byUrgency.put(label, urgency.get(i++));
    }
    model.addAttribute("byUrgency", byUrgency);
    return "sharing/figures";
  }

  private static LocalDate day(
      String field, @Nullable String text, LocalDate otherwise, Map<String, String> problems) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    return UkDates.day(text.strip())
        .orElseGet(
            () -> {
              problems.put(field, "Enter a real date, like 1/4/2016");
              return otherwise;
            });
  }
}
