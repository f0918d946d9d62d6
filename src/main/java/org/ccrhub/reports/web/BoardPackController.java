package org.ccrhub.reports.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ccrhub.exports.Exports;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.reports.BoardPack;
import org.ccrhub.reports.BoardPacks;
import org.ccrhub.reports.IssuedBoardPacks;
import org.ccrhub.shared.Partnership;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The board pack page. Choosing and downloading change nothing, so both are GET: the form's choices
 * are the download's query, and a choice that is wrong shows the form again with the problem. A
 * pack whose data month lacks some indicators' figures is not produced at once: the form comes back
 * naming them, and produces it when the person ticks that it may go without them.
 */
@Controller
@RequestMapping("/p/{slug}/board-pack")
class BoardPackController {

  static final String VIEW = "reports/board-pack";

  private final BoardPacks packs;
  private final BoardPackChoices choices;
  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final Exports exports;
  private final IssuedBoardPacks issued;

  BoardPackController(
      BoardPacks packs,
      BoardPackChoices choices,
      DeliveryPlans plans,
      ReportingPeriods periods,
      Exports exports,
      IssuedBoardPacks issued) {
    this.packs = packs;
    this.choices = choices;
    this.plans = plans;
    this.periods = periods;
    this.exports = exports;
    this.issued = issued;
  }

  @ModelAttribute("section")
  String section() {
    return "reports";
  }

  @GetMapping
  String show(Partnership partnership, Model model) {
    BoardPackForm form = new BoardPackForm();
    form.setPeriod(periods.collecting(partnership).toString());
    model.addAttribute("form", form);
    return view(partnership, model);
  }

  @GetMapping("/download")
  Object download(
      Partnership partnership,
      @ModelAttribute("form") BoardPackForm form,
      BindingResult errors,
      Model model) {
    form.format(errors);
    BoardPackChoices.Checked checked = choices.check(partnership, form, errors);
    if (errors.hasErrors()) {
      ModelAndView page = new ModelAndView(view(partnership, model), model.asMap());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
    if (checked.pack() == null) {
      // the pack would leave figures out: say which, and produce it only when asked again
      model.addAttribute("missingFor", checked.missingFor());
      model.addAttribute("latest", checked.latest());
      return view(partnership, model);
    }
    BoardPack pack = checked.pack();
    ReportFormat format = ReportFormat.parse(form.getFormat());
    String name = "board-pack-" + pack.period().toString().replace('/', '-').replace(' ', '-');
    return exports.download(
        packs.file(pack, format),
        () -> packs.render(pack, format),
        format.mediaType(),
        name.toLowerCase() + "." + format.extension());
  }

  private String view(Partnership partnership, Model model) {
    Map<String, String> planOptions = new LinkedHashMap<>();
    for (DeliveryPlan plan : plans.findAll(partnership)) {
      planOptions.put(Long.toString(plan.id()), plan.name() + " (" + plan.years() + ")");
    }
    model.addAttribute("planOptions", planOptions);
    model.addAttribute("formatOptions", Map.of("pdf", "PDF", "html", "Web page (HTML)"));
    model.addAttribute("issuedPacks", IssuedPackRow.of(issued.list(partnership)));
    return VIEW;
  }
}
