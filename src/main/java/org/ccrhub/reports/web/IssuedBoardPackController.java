package org.ccrhub.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ccrhub.exports.Exports;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.reports.BoardPack;
import org.ccrhub.reports.IssuedBoardPack;
import org.ccrhub.reports.IssuedBoardPacks;
import org.ccrhub.security.CurrentRoles;
import org.ccrhub.security.Role;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.DateInput;
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

  private final BoardPackChoices choices;
  private final IssuedBoardPacks issued;
  private final Exports exports;

  IssuedBoardPackController(BoardPackChoices choices, IssuedBoardPacks issued, Exports exports) {
    this.choices = choices;
    this.issued = issued;
    this.exports = exports;
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
    BoardPack pack = choices.check(partnership, form, errors).pack();
    if (pack == null) {
      return "forward:/p/" + partnership.slug() + "/board-pack/download";
    }
    model.addAttribute("pack", pack);
    model.addAttribute("choices", confirmed(pack));
    // the back button fetches this page again, with a new token: say when it was issued already
    model.addAttribute(
        "sameIssued",
        issued.list(partnership).stream().filter(p -> same(p, pack)).findFirst().orElse(null));
    return VIEW_CONFIRM;
  }

  @PostMapping("/issue")
  String processIssueForm(
      Partnership partnership,
      @ModelAttribute("form") BoardPackForm form,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      RedirectAttributes again) {
    requireIssuer(request);
    UUID token = token(form.getIssueToken());
    Optional<IssuedBoardPack> earlier = issued.findByToken(partnership, token);
    if (earlier.isPresent()) { // the confirmation sent again: the pack is issued once
      again.addFlashAttribute(
          "message", "Board pack for " + earlier.get().period() + " was already issued");
      return "redirect:/p/{slug}/board-pack#issued";
    }
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    BoardPackChoices.Checked checked = choices.check(partnership, form, errors);
    if (errors.hasErrors()) {
      throw new InvalidInputException("Board pack confirmation"); // changed by hand
    }
    BoardPack pack = checked.pack();
    if (pack == null) {
      // other figures are missing than the confirmation showed: the choices go back through the
      // check, which names them (as query parameters, which the redirect encodes)
      again.addAttribute("period", form.getPeriod());
      again.addAttribute("plans", String.join(",", form.getPlans()));
      again.addAttribute("board", form.getBoard());
      again.addAttribute("dataMonth", form.getDataMonth());
      for (String part : DateInput.PARTS) {
        again.addAttribute("meetingDate." + part, form.getMeetingDate().part(part));
      }
      return "redirect:/p/{slug}/board-pack/issue";
    }
    IssuedBoardPack kept = issued.issue(pack, user.displayName(), token);
    again.addFlashAttribute(
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

  /**
   * The confirmation's hidden fields: the choices as the pack shown resolved them (the plans it
   * holds, the day of the meeting and the data month shown, not worked out again when confirmed,
   * and which figures it goes without), and a one-time token.
   */
  private static List<Map.Entry<String, String>> confirmed(BoardPack pack) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("period", pack.period().toString()));
    planIds(pack).forEach(id -> fields.add(Map.entry("plans", String.valueOf(id))));
    fields.add(Map.entry("board", pack.board()));
    LocalDate meeting = pack.meetingDate();
    fields.add(Map.entry("meetingDate.day", String.valueOf(meeting.getDayOfMonth())));
    fields.add(Map.entry("meetingDate.month", String.valueOf(meeting.getMonthValue())));
    fields.add(Map.entry("meetingDate.year", String.valueOf(meeting.getYear())));
    YearMonth month = pack.performance().month();
    fields.add(Map.entry("dataMonth", month.toString()));
    if (!pack.performance().missing().isEmpty()) {
      fields.add(
          Map.entry("withoutMissing", DataMonth.agreement(month, pack.performance().missing())));
    }
    fields.add(Map.entry("issueToken", UUID.randomUUID().toString()));
    return fields;
  }

  /** Whether an issued pack was issued with the same choices as the pack. */
  private static boolean same(IssuedBoardPack issued, BoardPack pack) {
    return issued.period().equals(pack.period())
        && issued.dataMonth().equals(Optional.of(pack.performance().month()))
        && issued.planIds().equals(planIds(pack))
        && issued.board().equals(pack.board())
        && issued.meetingDate().equals(pack.meetingDate());
  }

  private static List<Long> planIds(BoardPack pack) {
    return pack.plans().stream().map(r -> r.snapshot().plan().id()).toList();
  }

  private static UUID token(String text) {
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Board pack confirmation"); // changed by hand
    }
  }

  private static void requireIssuer(HttpServletRequest request) {
    if (!issues(request)) {
      throw new AccessDeniedException("Only administrators and strategic leads issue board packs");
    }
  }
}
