package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.ccrhub.marac.LapsedWindows;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly list of cases whose repeat window has just lapsed: a new referral of these victims
 * after the day shown is not a repeat. For the MARAC's roles; each list seen is audited.
 */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}/lapsed")
class LapsedController {

  private final MaracAccess access;
  private final LapsedWindows lapsed;
  private final Clock clock;

  LapsedController(MaracAccess access, LapsedWindows lapsed, Clock clock) {
    this.access = access;
    this.lapsed = lapsed;
    this.clock = clock;
  }

  @GetMapping
  String show(
      Partnership partnership,
      @PathVariable long maracId,
      @RequestParam(required = false) String month,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = access.reader(partnership, maracId, user.accountId(), user.actorName());
    YearMonth shown = month(month, Dates.thisMonth(clock));
    model.addAttribute("marac", reader.marac());
    model.addAttribute("month", shown);
    // the title is a fragment's parameter, where templates may not call beans
    model.addAttribute("monthName", Dates.month(shown.atDay(1)));
    model.addAttribute("previous", shown.minusMonths(1));
    model.addAttribute("next", shown.plusMonths(1));
    model.addAttribute("cases", lapsed.in(reader, shown));
    MaracPages.noStore(response);
    return "marac/lapsed";
  }

  /** The month asked for, like 2026-11; a month that is not one is not found. */
  static YearMonth month(String text, YearMonth thisMonth) {
    if (text == null || text.isBlank()) {
      return thisMonth;
    }
    try {
      YearMonth month = YearMonth.parse(text.strip());
      if (month.getYear() < 1990 || month.getYear() > 2100) {
        throw new NotFoundException("No such month");
      }
      return month;
    } catch (DateTimeParseException e) {
      throw new NotFoundException("No such month");
    }
  }
}
