package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.UkDates;
import org.ccrhub.sharing.DecisionLog;
import org.ccrhub.sharing.DecisionOutcome;
import org.ccrhub.sharing.LawfulBases;
import org.ccrhub.sharing.LogFilter;
import org.ccrhub.sharing.Protocols;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.ccrhub.sharing.SubjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The decision log, for the SPOCs, deputies and delegates of an agency (the entries where their
 * agency asked or was asked) and the data protection lead (every entry): searched by agency,
 * protocol, decision, lawful basis, decision dates and data subject role, each search recorded;
 * taken as CSV, XLSX or PDF with the reason asked and recorded. Entries never name a subject.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/log")
class LogController {

  private static final String VIEW_LOG = "sharing/log";

  private final SharingAccess access;
  private final DecisionLog log;
  private final Agencies agencies;
  private final Protocols protocols;
  private final LawfulBases lawfulBases;
  private final Exports exports;

  LogController(
      SharingAccess access,
      DecisionLog log,
      Agencies agencies,
      Protocols protocols,
      LawfulBases lawfulBases,
      Exports exports) {
    this.access = access;
    this.log = log;
    this.agencies = agencies;
    this.protocols = protocols;
    this.lawfulBases = lawfulBases;
    this.exports = exports;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  /** The search as typed: every field optional, kept as text to show again. */
  public static class Search {
    private String agency = "";
    private String protocol = "";
    private String decision = "";
    private String basis = "";
    private String from = "";
    private String to = "";
    private String role = "";
    private String format = "";
    private String reason = "";

    /** The filter, with what could not be read listed by field. */
    LogFilter filter(Map<String, String> problems) {
      LocalDate first = date("from", from, problems);
      LocalDate last = date("to", to, problems);
      if (first != null && last != null && last.isBefore(first)) {
        problems.put("to", "The last date must be on or after the first");
      }
      return new LogFilter(
          number(agency),
          number(protocol),
          decision.isBlank() ? null : enumOf(DecisionOutcome.class, decision),
          number(basis),
          first,
          last,
          role.isBlank() ? null : enumOf(SubjectRole.class, role));
    }

    private static @Nullable LocalDate date(
        String field, String text, Map<String, String> problems) {
      if (text.isBlank()) {
        return null;
      }
      var day = UkDates.day(text.strip());
      if (day.isEmpty()) {
        problems.put(field, "Enter a real date, like 1/4/2016");
        return null;
      }
      return day.get();
    }

    private static @Nullable Long number(String text) {
      try {
        return text.isBlank() ? null : Long.valueOf(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String name) {
      try {
        return Enum.valueOf(type, name.strip());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    public String getAgency() {
      return agency;
    }

    public void setAgency(String agency) {
      this.agency = agency;
    }

    public String getProtocol() {
      return protocol;
    }

    public void setProtocol(String protocol) {
      this.protocol = protocol;
    }

    public String getDecision() {
      return decision;
    }

    public void setDecision(String decision) {
      this.decision = decision;
    }

    public String getBasis() {
      return basis;
    }

    public void setBasis(String basis) {
      this.basis = basis;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public String getTo() {
      return to;
    }

    public void setTo(String to) {
      this.to = to;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public String getFormat() {
      return format;
    }

    public void setFormat(String format) {
      this.format = format;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  @GetMapping
  String showLog(@ModelAttribute("search") Search search, SharingReader reader, Model model) {
    Map<String, String> problems = new LinkedHashMap<>();
    LogFilter filter = search.filter(problems);
    return page(reader, filter, problems, model);
  }

  @PostMapping("/export")
  Object export(
      Partnership partnership,
      @ModelAttribute("search") Search search,
      SharingReader reader,
      @AuthenticationPrincipal SignedInUser user,
      Model model) {
    if (!reader.readsLog()) {
      throw new NotFoundException("No decision log");
    }
    Map<String, String> problems = new LinkedHashMap<>();
    LogFilter filter = search.filter(problems);
    String format = search.getFormat().strip().toLowerCase(Locale.ROOT);
    if (!List.of("csv", "xlsx", "pdf").contains(format)) {
      problems.put("format", "Select the kind of file: CSV, XLSX or PDF");
    }
    String reason = "";
    try {
      reason = SharingAccess.checkReason(search.getReason());
    } catch (InvalidInputException e) {
      problems.put("reason", e.getMessage());
    }
    if (!problems.isEmpty()) {
      return page(reader, filter, problems, model);
    }
    List<DecisionLog.Entry> entries = log.search(reader, filter);
    LocalDate today = access.today();
    String period =
        (filter.from() == null ? "the start" : Dates.date(filter.from()))
            + " to "
            + (filter.to() == null ? Dates.date(today) : Dates.date(filter.to()));
    String why = reason;
    String exportedBy = user.displayName();
    String media =
        switch (format) {
          case "csv" -> "text/csv";
          case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
          default -> "application/pdf";
        };
    return exports.download(
        FileExport.of(
                partnership,
                "DecisionLog",
                partnership.id(),
                "the decision log (" + entries.size() + " entries; " + filter.describe() + ")",
                format)
            .because(why),
        () ->
            switch (format) {
              case "csv" -> DecisionLog.csv(entries);
              case "xlsx" -> DecisionLog.xlsx(partnership, entries, period, exportedBy, why, today);
              default -> log.pdf(partnership, entries, period, exportedBy, why, today);
            },
        media,
        DecisionLog.MARKING + " decision log " + today + "." + format);
  }

  private String page(
      SharingReader reader, LogFilter filter, Map<String, String> problems, Model model) {
    if (!reader.readsLog()) {
      throw new NotFoundException("No decision log");
    }
    // a problem with the copy (its kind, its reason) still shows the search's entries
    boolean searched = !problems.containsKey("from") && !problems.containsKey("to");
    List<DecisionLog.Entry> entries = searched ? log.search(reader, filter) : List.of();
    if (searched) {
      access.readList(
          reader,
          "DecisionLog",
          "Searched the decision log (" + filter.describe() + "): " + entries.size() + " entries");
    }
    Partnership partnership = reader.partnership();
    Map<String, String> agencyOptions = new LinkedHashMap<>();
    agencies.findAll(partnership).forEach(a -> agencyOptions.put(Long.toString(a.id()), a.name()));
    Map<String, String> protocolOptions = new LinkedHashMap<>();
    protocols
        .covers(partnership)
        .forEach(p -> protocolOptions.put(Long.toString(p.id()), p.title()));
    Map<String, String> decisions = new LinkedHashMap<>();
    for (DecisionOutcome o : DecisionOutcome.values()) {
      decisions.put(o.name(), o.label());
    }
    Map<String, String> bases = new LinkedHashMap<>();
    lawfulBases.of(partnership).forEach(b -> bases.put(Long.toString(b.id()), b.code()));
    Map<String, String> roles = new LinkedHashMap<>();
    for (SubjectRole r : SubjectRole.values()) {
      roles.put(r.name(), r.label());
    }
    model.addAttribute("reader", reader);
    model.addAttribute("entries", entries);
    model.addAttribute("problems", problems);
    model.addAttribute("agencies", agencyOptions);
    model.addAttribute("protocols", protocolOptions);
    model.addAttribute("decisions", decisions);
    model.addAttribute("bases", bases);
    model.addAttribute("roles", roles);
    return VIEW_LOG;
  }
}
