package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccrhub.exports.Exports;
import org.ccrhub.plans.ActionLeads;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.ExceptionReportDocuments;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanExport;
import org.ccrhub.plans.PlanFiles;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.PlanSnapshot;
import org.ccrhub.plans.PublicTexts;
import org.ccrhub.plans.RagDefinitions;
import org.ccrhub.plans.RatingBar;
import org.ccrhub.plans.ReportFormat;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.tabular.TableFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partnership's plans: the list, a plan's overview for a period with its filters, publishing, the
 * exception report and the export.
 */
@Controller
@RequestMapping("/p/{slug}/plans")
class PlanController {

  /** Actions listed per page of the overview; filters and search narrow the list. */
  private static final int PAGE_SIZE = 50;

  private static final String VIEW_LIST = "plans/plan-list";
  private static final String VIEW_OVERVIEW = "plans/plan-overview";
  private static final String VIEW_EXCEPTIONS = "plans/plan-exceptions";
  private static final String VIEW_PUBLISH_PREVIEW = "plans/publish-preview";

  private final DeliveryPlans plans;
  private final ReportingPeriods periods;
  private final ExceptionReportDocuments documents;
  private final RagDefinitions definitions;
  private final Exports exports;
  private final ActionLeads leads;
  private final PublicPlanPages publicPages;

  PlanController(
      DeliveryPlans plans,
      ReportingPeriods periods,
      ExceptionReportDocuments documents,
      RagDefinitions definitions,
      Exports exports,
      ActionLeads leads,
      PublicPlanPages publicPages) {
    this.plans = plans;
    this.periods = periods;
    this.documents = documents;
    this.definitions = definitions;
    this.exports = exports;
    this.leads = leads;
    this.publicPages = publicPages;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  @GetMapping
  String showPlans(Partnership partnership, HttpServletRequest request, Model model) {
    model.addAttribute("plans", plans.findAll(partnership));
    model.addAttribute("managesPlans", PlanPages.managesPlans(PlanPages.roles(request)));
    return VIEW_LIST;
  }

  @GetMapping("/{planId}")
  String showPlan(
      Partnership partnership,
      @PathVariable long planId,
      @ModelAttribute("filter") PlanFilter filter,
      BindingResult ignored,
      @RequestParam(defaultValue = "1") String page,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    ReportingPeriod period =
        PlanPages.period(filter.getPeriod(), periods, partnership, plans, plan);
    filter.setPeriod(period.toString());
    ExceptionReport report = plans.exceptionReport(partnership, plan, period);
    PlanSnapshot snapshot = report.snapshot();
    List<RagRating> ratings = snapshot.scheme().allowed();
    List<PlanAction> shown =
        snapshot.actionsInRefOrder().stream().filter(a -> filter.matches(snapshot, a)).toList();

    model.addAttribute("plan", plan);
    model.addAttribute("period", period);
    model.addAttribute("periodOptions", PlanPages.periodOptions(plan, periods.all(plan), period));
    model.addAttribute("periodClosed", periods.isClosed(plan, period));
    model.addAttribute("snapshot", snapshot);
    model.addAttribute("planBar", RatingBar.of("Whole plan", ratings, report.totals()));
    model.addAttribute(
        "outcomeBars",
        report.countsByOutcome().entrySet().stream()
            .map(e -> RatingBar.of(e.getKey().label(), ratings, e.getValue()))
            .toList());
    int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current =
        page.matches("\\d{1,6}") ? Math.min(Math.max(1, Integer.parseInt(page)), pages) : 1;
    model.addAttribute(
        "actions",
        shown.subList((current - 1) * PAGE_SIZE, Math.min(shown.size(), current * PAGE_SIZE)));
    model.addAttribute("matching", shown.size());
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    // the update form goes back to this page, with its filters, after saving
    model.addAttribute("returnHere", pageLink(request, current));
    if (current > 1) {
      model.addAttribute("previousPage", pageLink(request, current - 1));
    }
    if (current < pages) {
      model.addAttribute("nextPage", pageLink(request, current + 1));
    }
    model.addAttribute("filterActive", filter.isActive());
    model.addAttribute("outcomeOptions", outcomeOptions(snapshot.outcomes()));
    model.addAttribute("ratingOptions", ratingOptions(ratings));
    boolean managesPlans = PlanPages.managesPlans(PlanPages.roles(request));
    model.addAttribute("managesPlans", managesPlans);
    model.addAttribute("archivedActions", managesPlans ? plans.archivedActions(plan) : List.of());
    if (managesPlans) {
      model.addAttribute("unmappedLeads", leads.unmapped(snapshot).size());
    }
    model.addAttribute("approvesTexts", PublicTexts.approves(PlanPages.roles(request).roles()));
    return VIEW_OVERVIEW;
  }

  /** The same address with another page number, keeping the filters. */
  private static String pageLink(HttpServletRequest request, int page) {
    var link = org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI());
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("page")) {
                link.queryParam(name, (Object[]) values);
              }
            });
    return link.queryParam("page", page).encode().build().toUriString();
  }

  /**
   * The preview before publishing: exactly what the public page will show (the same fragment), with
   * the public texts still waiting for approval, and the button that publishes.
   */
  @GetMapping("/{planId}/publish")
  String showPublishPreview(
      Partnership partnership, @PathVariable long planId, HttpServletRequest request, Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    PublicPlanView view = publicPages.view(partnership, plan);
    model.addAttribute("plan", plan);
    model.addAttribute("view", view);
    model.addAttribute("approves", PublicTexts.approves(PlanPages.roles(request).roles()));
    model.addAttribute(
        "waitingPeriod", view.waitingPeriods().isEmpty() ? null : view.waitingPeriods().last());
    return VIEW_PUBLISH_PREVIEW;
  }

  /**
   * Takes the plan off its public page at once; publishes it only when confirmed from the preview
   * (without {@code confirm}, the preview is shown instead).
   */
  @PostMapping("/{planId}/publish")
  String publish(
      Partnership partnership,
      @PathVariable long planId,
      @RequestParam(defaultValue = "false") boolean published,
      @RequestParam(defaultValue = "false") boolean confirm,
      HttpServletRequest request,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    if (published && !confirm) {
      return "redirect:/p/{slug}/plans/{planId}/publish";
    }
    plans.publish(partnership, plan.id(), published);
    flash.addFlashAttribute(
        "message",
        plan.name() + (published ? " is published on its public page" : " is no longer public"));
    return "redirect:/p/{slug}/plans/{planId}";
  }

  @GetMapping("/{planId}/export.{format}")
  ResponseEntity<Resource> export(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String format,
      @RequestParam(required = false) @Nullable String period) {
    DeliveryPlan plan = plans.find(partnership, planId);
    TableFormat tableFormat = tableFormat(format);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, partnership, plans, plan);
    return exports.download(
        PlanFiles.plan(partnership, plan, reportingPeriod, tableFormat.extension()),
        out ->
            PlanExport.write(plans.snapshot(partnership, plan, reportingPeriod), tableFormat, out),
        tableFormat.mediaType(),
        fileName(plan, reportingPeriod, "", tableFormat.extension()));
  }

  @GetMapping("/{planId}/exceptions")
  String showExceptions(
      Partnership partnership,
      @PathVariable long planId,
      @RequestParam(required = false) @Nullable String period,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, partnership, plans, plan);
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, reportingPeriod);
    model.addAttribute("plan", plan);
    model.addAttribute("period", reportingPeriod);
    model.addAttribute(
        "periodOptions", PlanPages.periodOptions(plan, periods.all(plan), reportingPeriod));
    model.addAttribute("report", plans.exceptionReport(partnership, plan, reportingPeriod));
    model.addAttribute("definitions", definitions.definitions(partnership));
    return VIEW_EXCEPTIONS;
  }

  @GetMapping("/{planId}/exceptions.{format}")
  ResponseEntity<Resource> downloadExceptions(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String format,
      @RequestParam(required = false) @Nullable String period) {
    DeliveryPlan plan = plans.find(partnership, planId);
    ReportFormat reportFormat = reportFormat(format);
    ReportingPeriod reportingPeriod = PlanPages.period(period, periods, partnership, plans, plan);
    return exports.download(
        PlanFiles.exceptionReport(partnership, plan, reportingPeriod, reportFormat.extension()),
        out ->
            documents.write(
                partnership,
                plans.exceptionReport(partnership, plan, reportingPeriod),
                reportFormat,
                out),
        reportFormat.mediaType(),
        fileName(plan, reportingPeriod, "exceptions-", reportFormat.extension()));
  }

  private static TableFormat tableFormat(String extension) {
    for (TableFormat format : TableFormat.values()) {
      if (format.extension().equals(extension)) {
        return format;
      }
    }
    throw new NotFoundException("Export format");
  }

  private static ReportFormat reportFormat(String extension) {
    for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.PDF)) {
      if (format.extension().equals(extension)) {
        return format;
      }
    }
    throw new NotFoundException("Report format");
  }

  /** E.g. {@code exceptions-vawg-delivery-plan-2016-17-q2.csv}. */
  static String fileName(DeliveryPlan plan, ReportingPeriod period, String prefix, String ext) {
    String name =
        (plan.name() + " " + period)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    return prefix + (name.isEmpty() ? "plan" : name) + "." + ext;
  }

  private static Map<String, String> outcomeOptions(List<PlanOutcome> outcomes) {
    Map<String, String> options = new LinkedHashMap<>();
    outcomes.forEach(o -> options.put(String.valueOf(o.id()), o.label()));
    return options;
  }

  static Map<String, String> ratingOptions(List<RagRating> ratings) {
    Map<String, String> options = new LinkedHashMap<>();
    ratings.forEach(r -> options.put(r.name(), r.label()));
    return options;
  }
}
