package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccrhub.documents.Documents;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.SmallNumbers;
import org.ccrhub.shared.UkDates;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.ccrhub.sharing.SharingStatisticsReports;
import org.jspecify.annotations.Nullable;
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
  private final Documents documents;
  private final Exports exports;

  FiguresController(
      SharingAccess access,
      SharingStatisticsReports reports,
      Documents documents,
      Exports exports) {
    this.access = access;
    this.reports = reports;
    this.documents = documents;
    this.exports = exports;
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
      SharingReader reader,
      Model model) {
    LocalDate today = access.today();
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate first = day("from", from, yearStart(), problems);
    LocalDate last = day("to", to, today, problems);
    if (problems.isEmpty() && last.isBefore(first)) {
      problems.put("to", "The last day must be on or after the first");
    }
    SmallNumbers small = reader.dataProtectionLead() ? SmallNumbers.NONE : SmallNumbers.STANDARD;
    model.addAttribute("from", from.isBlank() ? first.format(SHORT) : from);
    model.addAttribute("to", to.isBlank() ? last.format(SHORT) : to);
    model.addAttribute("problems", problems);
    if (problems.isEmpty()) {
      model.addAttribute("figures", reports.shown(partnership, first, last, small));
    }
    return "sharing/figures";
  }

  /**
   * The board's figures as an A4 PDF: small numbers always hidden, as the board reads them, whoever
   * takes it. A period that cannot be read is the page again, with the problem.
   */
  @GetMapping(params = "format=pdf")
  Object downloadFigures(
      Partnership partnership,
      @RequestParam(required = false, defaultValue = "") String from,
      @RequestParam(required = false, defaultValue = "") String to,
      SharingReader reader,
      Model model) {
    Map<String, String> problems = new LinkedHashMap<>();
    LocalDate first = day("from", from, yearStart(), problems);
    LocalDate last = day("to", to, access.today(), problems);
    if (!problems.isEmpty() || last.isBefore(first)) {
      return showFigures(partnership, from, to, reader, model);
    }
    SharingStatisticsReports.Shown figures =
        reports.shown(partnership, first, last, SmallNumbers.STANDARD);
    String period = Dates.date(first) + " to " + Dates.date(last);
    return exports.download(
        FileExport.of(
            partnership,
            SharingAccess.REQUESTS,
            partnership.id(),
            "the information sharing figures for requests made " + period,
            "pdf"),
        () ->
            documents.pdf(
                "sharing/figures-document",
                Map.of(
                    "partnership",
                    partnership,
                    "figures",
                    figures,
                    "period",
                    period,
                    "produced",
                    access.today(),
                    "marking",
                    "OFFICIAL",
                    "paperName",
                    "Information sharing figures"),
                "These figures are too long to make as a PDF: choose a shorter period."),
        "application/pdf",
        "information-sharing-figures-" + first + "-to-" + last + ".pdf");
  }

  /** The first of April on or before today: the financial year so far. */
  private LocalDate yearStart() {
    LocalDate today = access.today();
    return LocalDate.of(
        today.getMonthValue() >= Month.APRIL.getValue() ? today.getYear() : today.getYear() - 1,
        4,
        1);
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
