package org.ccrhub.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.exports.Exports;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.reports.BoardPack;
import org.ccrhub.reports.BoardPacks;
import org.ccrhub.reports.IssuedBoardPack;
import org.ccrhub.reports.IssuedBoardPacks;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issuing a board pack, and the packs issued. The board pack form's "Issue board pack" button asks
 * here with the form's choices; this page shows what will be issued and asks to confirm, and the
 * confirmation keeps the pack ({@link IssuedBoardPacks}). Administrators and strategic leads issue
 * packs; everyone in the partnership sees and downloads the issued ones, as they were issued.
 */
@Controller
@RequestMapping("/p/{slug}/board-pack")
class IssuedBoardPackController {

  static final String VIEW_CONFIRM = "reports/issue-board-pack";

  private final BoardPacks packs;
  private final IssuedBoardPacks issued;
  private final DeliveryPlans plans;
  private final Exports exports;
  private final Clock clock;

  IssuedBoardPackController(
      BoardPacks packs,
      IssuedBoardPacks issued,
      DeliveryPlans plans,
      Exports exports,
      Clock clock) {
    this.packs = packs;
    this.issued = issued;
    this.plans = plans;
    this.exports = exports;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "reports";
  }

  /** Whether the people with these roles may issue board packs. */
  static boolean issues(HttpServletRequest request) {
    return request.getAttribute(CurrentRoles.REQUEST_ATTRIBUTE) instanceof CurrentRoles roles
        && (roles.isAdmin() || roles.has(Role.STRATEGIC_LEAD));
  }

  /**
   * What will be issued, to confirm. A choice that is wrong goes to the form's own download, which
   * shows the form again with the problem, as the "Download" button would.
   */
  @GetMapping("/issue")
  String initIssueForm(
      Partnership partnership,
      @ModelAttribute("form") BoardPackForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model) {
    requireIssuer(request);
    Optional<BoardPack> pack = assemble(partnership, form, errors);
    if (pack.isEmpty()) {
      return "forward:/p/" + partnership.slug() + "/board-pack/download";
    }
    model.addAttribute("pack", pack.get());
    model.addAttribute("choices", choices(request));
    return VIEW_CONFIRM;
  }

  @PostMapping("/issue")
  String processIssueForm(
      Partnership partnership,
      @ModelAttribute("form") BoardPackForm form,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes flash) {
    requireIssuer(request);
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    // the choices come from the confirmation page's hidden fields: wrong ones were changed by hand
    BoardPack pack =
        assemble(partnership, form, errors)
            .orElseThrow(() -> new InvalidInputException("Board pack choices"));
    IssuedBoardPack kept = issued.issue(pack, user.displayName());
    flash.addFlashAttribute(
        "message", "Board pack for " + kept.period() + " issued: it is kept below as it is now");
    return "redirect:/p/{slug}/board-pack#issued";
  }

  /** An issued pack's PDF, exactly as it was issued; recorded as it leaves. */
  @GetMapping("/issued/{id}.pdf")
  ResponseEntity<Resource> downloadIssued(Partnership partnership, @PathVariable long id) {
    IssuedBoardPack pack = issued.find(partnership, id);
    return exports.download(
        issued.file(partnership, pack),
        () -> issued.pdf(partnership, id),
        ReportFormat.PDF.mediaType(),
        pack.fileName());
  }

  /** The pack the form's choices describe, as the download checks them, or the errors. */
  private Optional<BoardPack> assemble(
      Partnership partnership, BoardPackForm form, BindingResult errors) {
    Optional<ReportingPeriod> period = form.period(errors);
    Optional<LocalDate> date = form.meetingDate(errors, LocalDate.now(clock));
    Optional<YearMonth> chosenMonth = form.dataMonth(errors);
    boolean boardOk = form.board(errors);
    Map<String, DeliveryPlan> byId = new LinkedHashMap<>();
    plans.findAll(partnership).forEach(p -> byId.put(Long.toString(p.id()), p));
    boolean plansOk = form.getPlans().stream().allMatch(byId::containsKey);
    if (period.isEmpty() || date.isEmpty() || !boardOk || !plansOk || errors.hasErrors()) {
      return Optional.empty();
    }
    DataMonth dataMonth = packs.dataMonth(partnership, period.get(), chosenMonth.orElse(null));
    if (!dataMonth.complete() && !form.getWithoutMissing().equals(dataMonth.month().toString())) {
      return Optional.empty(); // the form says which figures the pack would leave out, as a draft's
    }
    List<String> names = form.getPlans().stream().map(id -> byId.get(id).name()).toList();
    return Optional.of(
        packs.assemble(
            partnership, period.get(), names, form.getBoard(), date.get(), dataMonth.month()));
  }

  /**
   * The form's choices as the confirmation's hidden fields: every field the form sent, so that the
   * pack issued is the one confirmed, but the format (an issued pack is a PDF) and the button.
   */
  private static List<Map.Entry<String, String>> choices(HttpServletRequest request) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("format") && !name.equals("_csrf")) {
                for (String value : values) {
                  fields.add(Map.entry(name, value));
                }
              }
            });
    return fields;
  }

  private static void requireIssuer(HttpServletRequest request) {
    if (!issues(request)) {
      throw new AccessDeniedException("Only administrators and strategic leads issue board packs");
    }
  }
}
