package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.documents.Documents;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.marac.CaseChanges;
import org.ccrhub.marac.CaseFile;
import org.ccrhub.marac.CaseFiles;
import org.ccrhub.marac.CaseSummary;
import org.ccrhub.marac.DashQuestions;
import org.ccrhub.marac.IdvaOfferOutcome;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.MaracRole;
import org.ccrhub.marac.MaracRoleHolder;
import org.ccrhub.marac.MaracRoles;
import org.ccrhub.marac.Referrals;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case list and the case page of a MARAC, for its role holders only (404 for everyone else),
 * each look recorded in the audit trail; the changes the case page makes (near matches, the IDVA,
 * closure); who looked at a case; and the printout, which asks why it is needed.
 */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}/cases")
class CaseController {

  static final int PAGE_SIZE = 25;
  static final String MARKING = "OFFICIAL-SENSITIVE";
  private static final String PRINT_TEMPLATE = "marac/case-document";

  private final MaracAccess access;
  private final CaseFiles files;
  private final CaseChanges changes;
  private final MaracRoles roles;
  private final Referrals referrals;
  private final Documents documents;
  private final Exports exports;
  private final Clock clock;

  CaseController(
      MaracAccess access,
      CaseFiles files,
      CaseChanges changes,
      MaracRoles roles,
      Referrals referrals,
      Documents documents,
      Exports exports,
      Clock clock) {
    this.access = access;
    this.files = files;
    this.changes = changes;
    this.roles = roles;
    this.referrals = referrals;
    this.documents = documents;
    this.exports = exports;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  private MaracReader reader(Partnership partnership, long maracId, SignedInUser user) {
    return access.reader(partnership, maracId, user.accountId(), user.actorName());
  }

  @GetMapping
  String showCases(
      Partnership partnership,
      @PathVariable long maracId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "") String review,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = reader(partnership, maracId, user);
    boolean pendingOnly = "matches".equals(review) && reader.seesEveryCase();
    CaseFiles.Page cases = files.page(reader, page, PAGE_SIZE, pendingOnly);
    access.readList(
        reader,
        (pendingOnly ? "Listed the cases with near matches to review" : "Listed the cases")
            + ", page "
            + cases.number(),
        cases.cases().stream().map(CaseSummary::id).toList());
    MaracPages.noStore(response);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("page", cases);
    model.addAttribute("pendingOnly", pendingOnly);
    return "marac/cases";
  }

  @GetMapping("/{caseId}")
  String showCase(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = reader(partnership, maracId, user);
    access.read(reader, caseId, "Opened the case");
    return caseView(reader, caseId, response, model);
  }

  private String caseView(
      MaracReader reader, long caseId, HttpServletResponse response, Model model) {
    MaracPages.noStore(response);
    CaseFile file = files.get(reader, caseId);
    caseModel(reader, file, model);
    List<MaracRoleHolder> idvas =
        roles.holders(reader.marac()).stream().filter(h -> h.role() == MaracRole.IDVA).toList();
    model.addAttribute("idvas", idvas);
    model.addAttribute(
        "mayRecordIdva",
        reader.coordinates()
            || (reader.has(MaracRole.IDVA)
                && file.idvaAccountId().equals(Optional.of(reader.accountId()))));
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (IdvaOfferOutcome o : IdvaOfferOutcome.values()) {
      outcomes.put(o.name(), o.label());
    }
    model.addAttribute("idvaOutcomes", outcomes);
    model.asMap().putIfAbsent("caseErrors", Map.of());
    model.asMap().putIfAbsent("closedOn", DateInput.of(Dates.today(clock)));
    model.asMap().putIfAbsent("offeredOn", DateInput.of(file.idvaOfferedOn()));
    return "marac/case";
  }

  /** What the case page and the printout both show. */
  private void caseModel(MaracReader reader, CaseFile file, Model model) {
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    model.addAttribute("file", file);
    model.addAttribute("assessment", file.assess(reader.marac().settings()));
    model.addAttribute("unsupported", file.unsupportedClaims(reader.marac().settings()));
    model.addAttribute("repeat", files.isRepeat(reader, file.id()));
    model.addAttribute("others", files.otherReferrals(reader, file));
    model.addAttribute("matches", files.matches(reader, file.id()));
    model.addAttribute("questions", DashQuestions.all());
    model.addAttribute("marking", MARKING);
  }

  @PostMapping("/{caseId}/matches/{matchId}")
  String decideMatch(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @PathVariable long matchId,
      @RequestParam(defaultValue = "") String decision,
      @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes flash) {
    MaracReader reader = reader(partnership, maracId, user);
    if (!reader.coordinates() || !files.caseOfMatch(reader, matchId).equals(Optional.of(caseId))) {
      throw new NotFoundException("No such near match");
    }
    switch (decision) {
      case "confirm" -> {
        referrals.confirmMatch(reader.marac(), matchId, reader.actorName());
        flash.addFlashAttribute("message", "Near match confirmed: the same victim");
      }
      case "reject" -> {
        referrals.rejectMatch(reader.marac(), matchId, reader.actorName());
        flash.addFlashAttribute("message", "Near match rejected: not the same victim");
      }
      default -> throw new InvalidInputException("Confirm or reject the near match");
    }
    return "redirect:/p/{slug}/marac/{maracId}/cases/{caseId}";
  }

  @PostMapping("/{caseId}/idva/allocate")
  String allocateIdva(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @RequestParam(defaultValue = "") String idva,
      @RequestParam(defaultValue = "-1") int version,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = reader(partnership, maracId, user);
    if (!idva.matches("\\d{1,18}")) {
      return caseError(reader, caseId, "idva", "Select an IDVA", response, model);
    }
    try {
      changes.allocateIdva(reader, caseId, Long.parseLong(idva), version);
    } catch (InvalidInputException e) {
      return caseError(reader, caseId, "idva", e.getMessage(), response, model);
    } catch (ConcurrentChangeException e) {
      return caseError(reader, caseId, "idva", changed(), response, model);
    }
    flash.addFlashAttribute("message", "IDVA allocated");
    return "redirect:/p/{slug}/marac/{maracId}/cases/{caseId}#idva-details";
  }

  @PostMapping("/{caseId}/idva")
  String recordIdva(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @RequestParam(defaultValue = "") String offer,
      @ModelAttribute("offeredOn") DateInput offeredOn,
      @RequestParam(defaultValue = "") String contactOutcome,
      @RequestParam(defaultValue = "-1") int version,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = reader(partnership, maracId, user);
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new Dated(offeredOn), "d");
    Optional<LocalDate> on = offeredOn.read("date", "the date of the IDVA offer", false, errors);
    if (errors.hasErrors()) {
      return caseError(
          reader,
          caseId,
          "offeredOn-day",
          errors.getFieldErrors().get(0).getDefaultMessage(),
          response,
          model);
    }
    Optional<IdvaOfferOutcome> outcome =
        java.util.Arrays.stream(IdvaOfferOutcome.values())
            .filter(o -> o.name().equals(offer))
            .findFirst();
    try {
      changes.recordIdva(
          reader,
          caseId,
          outcome,
          on,
          contactOutcome.isBlank() ? Optional.empty() : Optional.of(contactOutcome.strip()),
          version);
    } catch (InvalidInputException e) {
      return caseError(reader, caseId, "contactOutcome", e.getMessage(), response, model);
    } catch (ConcurrentChangeException e) {
      return caseError(reader, caseId, "offer", changed(), response, model);
    }
    flash.addFlashAttribute("message", "IDVA offer and contact saved");
    return "redirect:/p/{slug}/marac/{maracId}/cases/{caseId}#idva-details";
  }

  /** Holds a DateInput for its read, whose errors name the property {@code date}. */
  public record Dated(DateInput date) {}

  @PostMapping("/{caseId}/close")
  String closeCase(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @ModelAttribute("closedOn") DateInput closedOn,
      @RequestParam(defaultValue = "") String closureReason,
      @RequestParam(defaultValue = "-1") int version,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = reader(partnership, maracId, user);
    if (!reader.coordinates()) {
      throw new NotFoundException("No such case");
    }
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new Dated(closedOn), "d");
    Optional<LocalDate> on = closedOn.read("date", "the date the case closed", true, errors);
    if (errors.hasErrors()) {
      return caseError(
          reader,
          caseId,
          "closedOn-day",
          errors.getFieldErrors().get(0).getDefaultMessage(),
          response,
          model);
    }
    try {
      changes.close(reader, caseId, on.orElseThrow(), closureReason, version);
    } catch (InvalidInputException e) {
      return caseError(reader, caseId, "closureReason", e.getMessage(), response, model);
    } catch (ConcurrentChangeException e) {
      return caseError(reader, caseId, "closureReason", changed(), response, model);
    }
    flash.addFlashAttribute("message", "Case closed");
    return "redirect:/p/{slug}/marac/{maracId}/cases/{caseId}";
  }

  @PostMapping("/{caseId}/reopen")
  String reopenCase(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @RequestParam(defaultValue = "-1") int version,
      @AuthenticationPrincipal SignedInUser user,
      RedirectAttributes flash) {
    MaracReader reader = reader(partnership, maracId, user);
    changes.reopen(reader, caseId, version);
    flash.addFlashAttribute("message", "Case opened again");
    return "redirect:/p/{slug}/marac/{maracId}/cases/{caseId}";
  }

  private String caseError(
      MaracReader reader,
      long caseId,
      String field,
      @Nullable String message,
      HttpServletResponse response,
      Model model) {
    access.read(reader, caseId, "Opened the case");
    Map<String, String> errors = new HashMap<>();
    errors.put(field, message == null ? "Check what you entered" : message);
    model.addAttribute("caseErrors", errors);
    return caseView(reader, caseId, response, model);
  }

  private static String changed() {
    return "Someone else changed this case since you opened it. Check the case below, then make"
        + " your change again";
  }

  @GetMapping("/{caseId}/looked-at")
  String showLookedAt(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = reader(partnership, maracId, user);
    model.addAttribute("records", access.lookedAt(reader, caseId, 500));
    model.addAttribute("marac", reader.marac());
    model.addAttribute("caseId", caseId);
    MaracPages.noStore(response);
    return "marac/looked-at";
  }

  @GetMapping("/{caseId}/print")
  String initPrintForm(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = reader(partnership, maracId, user);
    access.checkVisible(reader, caseId);
    MaracPages.noStore(response);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("caseId", caseId);
    model.asMap().putIfAbsent("reason", "");
    return "marac/print-form";
  }

  @PostMapping("/{caseId}/print")
  Object print(
      Partnership partnership,
      @PathVariable long maracId,
      @PathVariable long caseId,
      @RequestParam(defaultValue = "") String reason,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = reader(partnership, maracId, user);
    access.checkVisible(reader, caseId);
    try {
      MaracAccess.checkReason(reason);
    } catch (InvalidInputException e) {
      model.addAttribute("reasonError", e.getMessage());
      model.addAttribute("reason", reason);
      return initPrintForm(partnership, maracId, caseId, user, response, model);
    }
    CaseFile file = files.get(reader, caseId);
    Map<String, Object> document = new HashMap<>();
    Model printModel = new org.springframework.ui.ExtendedModelMap();
    caseModel(reader, file, printModel);
    document.putAll(printModel.asMap());
    document.put("partnership", partnership);
    document.put("produced", Dates.today(clock));
    document.put("printedBy", user.displayName());
    MaracPages.noStore(response);
    return exports.download(
        FileExport.of(
                partnership,
                MaracAccess.CASE,
                caseId,
                "the printout of MARAC case " + caseId,
                "pdf")
            .because(MaracAccess.checkReason(reason)),
        () ->
            documents.pdf(
                PRINT_TEMPLATE,
                document,
                "This case is too long to print. Ask an administrator to raise the limit on"
                    + " printouts"),
        MediaType.APPLICATION_PDF_VALUE,
        "case-" + caseId + ".pdf");
  }
}
