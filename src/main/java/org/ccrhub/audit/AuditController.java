package org.ccrhub.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Partnership administrators search their partnership's audit trail. Each record says what happened
 * in words, links the record it touched by its name while that record exists, and shows the address
 * it came from as people write it.
 */
@Controller
class AuditController {

  private static final int PAGE_SIZE = 50;

  /** The events the search can choose, with their words. */
  static final Map<String, String> ACTIONS = actions();

  private final AuditTrail audit;
  private final List<AuditedRecords> records;

  AuditController(AuditTrail audit, List<AuditedRecords> records) {
    this.audit = audit;
    this.records = records;
  }

  /** A record as the page shows it. */
  record Row(
      AuditRecord record,
      String event,
      String kind,
      Optional<AuditedRecords.Link> link,
      boolean gone,
      String address) {}

  /** Only the filter's own fields: a value of another shape (from=2026-11-01) is left out. */
  @InitBinder("filter")
  void onlyTheFilter(WebDataBinder binder) {
    binder.setAllowedFields(
        "from.day",
        "from.month",
        "from.year",
        "to.day",
        "to.month",
        "to.year",
        "actor",
        "action",
        "objectType");
  }

  @GetMapping("/p/{slug}/admin/audit")
  String searchAuditTrail(
      Partnership partnership,
      @ModelAttribute("filter") AuditFilter filter,
      BindingResult result,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    model.addAttribute("section", "audit");
    Optional<LocalDate> from =
        filter.getFrom().read("from", "the date to search from", false, result);
    Optional<LocalDate> to = filter.getTo().read("to", "the date to search to", false, result);
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      filter
          .getTo()
          .reject(
              "to",
              "The date to search to must be the same as or after the date to search from",
              result);
      to = Optional.empty();
    }
    String chosenAction = ACTIONS.containsKey(filter.getAction()) ? filter.getAction() : null;
    AuditQuery query =
        new AuditQuery(
            from.map(d -> d.atStartOfDay(Dates.UK).toInstant()).orElse(null),
            to.map(d -> d.plusDays(1).atStartOfDay(Dates.UK).toInstant()).orElse(null),
            blankToNull(filter.getActor()),
            chosenAction,
            blankToNull(filter.getObjectType()),
            page,
            PAGE_SIZE);
    List<AuditRecord> found = audit.search(partnership.id(), query);
    boolean more = found.size() > query.pageSize();
    List<AuditRecord> shown = more ? found.subList(0, query.pageSize()) : found;
    model.addAttribute("rows", rows(partnership, shown));
    model.addAttribute("more", more);
    model.addAttribute("page", query.page());
    model.addAttribute("actions", ACTIONS);
    model.addAttribute("newer", pageLink(partnership, filter, query.page() - 1));
    model.addAttribute("older", pageLink(partnership, filter, query.page() + 1));
    return "audit/audit-trail";
  }

  private List<Row> rows(Partnership partnership, List<AuditRecord> shown) {
    Map<String, List<String>> idsByKind = new HashMap<>();
    for (AuditRecord r : shown) {
      if (r.objectType() != null && r.objectId() != null) {
        idsByKind.computeIfAbsent(r.objectType(), k -> new ArrayList<>()).add(r.objectId());
      }
    }
    Map<String, AuditedRecords.Link> links = new HashMap<>();
    Map<String, Boolean> named = new HashMap<>();
    idsByKind.forEach(
        (kind, ids) -> {
          for (AuditedRecords module : records) {
            if (module.kinds().contains(kind)) {
              named.put(kind, true);
              find(module, partnership, kind, ids)
                  .forEach((id, link) -> links.put(kind + " " + id, link));
            }
          }
        });
    List<Row> rows = new ArrayList<>();
    for (AuditRecord r : shown) {
      String key = r.objectType() + " " + r.objectId();
      Optional<AuditedRecords.Link> link = Optional.ofNullable(links.get(key));
      boolean gone = link.isEmpty() && r.objectId() != null && named.containsKey(r.objectType());
      rows.add(
          new Row(
              r,
              AuditEvents.describe(r.action(), r.objectType()),
              kind(r),
              link,
              gone,
              SourceAddress.display(r.sourceAddress())));
    }
    return rows;
  }

  private static Map<String, AuditedRecords.Link> find(
      AuditedRecords module, Partnership partnership, String kind, Collection<String> ids) {
    return module.find(partnership, kind, ids.stream().distinct().toList());
  }

  /** The record touched, when it has no link: its kind in words and its id. */
  private static String kind(AuditRecord r) {
    if (r.objectType() == null) {
      return "";
    }
    String words = AuditEvents.kind(r.objectType());
    if (r.objectId() == null) {
      return words;
    }
    String id =
        "Address".equals(r.objectType()) ? SourceAddress.display(r.objectId()) : r.objectId();
    return words + " " + id;
  }

  private static String pageLink(Partnership partnership, AuditFilter filter, int page) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath("/p/{slug}/admin/audit");
    for (String part : DateInput.PARTS) {
      param(link, "from." + part, filter.getFrom().part(part));
      param(link, "to." + part, filter.getTo().part(part));
    }
    param(link, "actor", filter.getActor());
    param(link, "action", filter.getAction());
    param(link, "objectType", filter.getObjectType());
    link.queryParam("page", page);
    return link.encode().buildAndExpand(partnership.slug()).toUriString();
  }

  private static void param(UriComponentsBuilder link, String name, String value) {
    if (value != null && !value.isBlank()) {
      link.queryParam(name, value.strip());
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Map<String, String> actions() {
    Map<String, String> actions = new LinkedHashMap<>();
    actions.put("SIGN_IN", "Signed in");
    actions.put("SIGN_IN_FAILED", "Sign-in failed");
    actions.put("SIGN_IN_THROTTLED", "Sign-ins paused after failed attempts");
    actions.put("PASSWORD_CHANGED", "Password changed");
    actions.put("ROLE_GRANTED", "Role given");
    actions.put("ROLE_REVOKED", "Role taken away");
    actions.put("INVITATION_CREATED", "Invitation made");
    actions.put("CREATE", "Something added (or a rating given)");
    actions.put("UPDATE", "Something changed (or a rating changed)");
    actions.put("DELETE", "Something deleted");
    actions.put("IMPORT", "File imported");
    actions.put("EXPORT", "File downloaded");
    actions.put("READ", "Personal details or email viewed");
    actions.put("OPEN", "Reporting period opened");
    actions.put("CLOSE", "Reporting period closed");
    actions.put("REMIND", "Reminders sent");
    return java.util.Collections.unmodifiableMap(actions);
  }
}
