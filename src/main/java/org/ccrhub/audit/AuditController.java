package org.ccrhub.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.UkDates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Partnership administrators search their partnership's audit trail. */
@Controller
class AuditController {

  static final ZoneId UK = ZoneId.of("Europe/London");
  private static final int PAGE_SIZE = 50;
  static final List<String> ACTIONS =
      List.of(
          "SIGN_IN",
          "SIGN_IN_FAILED",
          "LOCKED_OUT",
          "UNLOCKED",
          "PASSWORD_CHANGED",
          "ROLE_GRANTED",
          "ROLE_REVOKED",
          "CREATE",
          "UPDATE",
          "DELETE",
          "READ");

  private final AuditTrail audit;

  AuditController(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/p/{slug}/admin/audit")
  String searchAuditTrail(
      Partnership partnership,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String objectType,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    model.addAttribute("section", "audit");
    LocalDate fromDate = date(from, "from", model);
    LocalDate toDate = date(to, "to", model);
    String chosenAction = action != null && ACTIONS.contains(action) ? action : null;
    AuditQuery query =
        new AuditQuery(
            fromDate == null ? null : fromDate.atStartOfDay(UK).toInstant(),
            toDate == null ? null : toDate.plusDays(1).atStartOfDay(UK).toInstant(),
            blankToNull(actor),
            chosenAction,
            blankToNull(objectType),
            page,
            PAGE_SIZE);
    List<AuditRecord> records = audit.search(partnership.id(), query);
    boolean more = records.size() > query.pageSize();
    model.addAttribute("records", more ? records.subList(0, query.pageSize()) : records);
    model.addAttribute("more", more);
    model.addAttribute("page", query.page());
    model.addAttribute("actions", ACTIONS);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("actor", actor);
    model.addAttribute("action", chosenAction);
    model.addAttribute("objectType", objectType);
    model.addAttribute("zone", UK);
    return "audit/audit-trail";
  }

  private static @Nullable LocalDate date(@Nullable String value, String field, Model model) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Optional<LocalDate> day = UkDates.day(value);
    if (day.isEmpty()) {
      model.addAttribute(field + "Error", "Enter a date in the form 2026-11-22");
      model.addAttribute("hasErrors", true);
    }
    return day.orElse(null);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
