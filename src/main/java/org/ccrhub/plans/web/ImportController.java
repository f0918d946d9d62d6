package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.FinancialYear;
import org.ccrhub.plans.ImportRejectedException;
import org.ccrhub.plans.ImportResult;
import org.ccrhub.plans.PlanImport;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportsBusyException;
import org.ccrhub.tabular.PendingUploads;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a plan from a file in two steps: upload, which shows a preview of every problem and of
 * what would change, then confirm, which imports the same bytes all or nothing.
 */
@Controller
@RequestMapping("/p/{slug}/plans/import")
class ImportController {

  static final String VIEW_FORM = "plans/import-form";
  private static final String VIEW_PREVIEW = "plans/import-preview";

  private final PlanImport imports;
  private final DeliveryPlans plans;
  private final PendingUploads uploads;

  private final Clock clock;

  ImportController(PlanImport imports, DeliveryPlans plans, PendingUploads uploads, Clock clock) {
    this.imports = imports;
    this.plans = plans;
    this.uploads = uploads;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  @GetMapping
  String initImportForm(
      Partnership partnership,
      @RequestParam(required = false) @Nullable String tooLarge,
      @RequestParam(required = false) @Nullable String expired,
      HttpServletRequest request,
      Model model) {
    PlanPages.requireManager(request);
    ImportForm form = new ImportForm();
    model.addAttribute("form", form);
    BindingResult result =
        new org.springframework.validation.BeanPropertyBindingResult(form, "form");
    if (tooLarge != null) {
      result.rejectValue("file", "tooLarge", "The selected file must be smaller than 25MB");
    }
    if (expired != null) {
      result.reject(
          "expired", "The file you uploaded is no longer held: upload it again to import it");
    }
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
    return formView(partnership, model);
  }

  @PostMapping
  String processUpload(
      Partnership partnership,
      @Valid @ModelAttribute("form") ImportForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model)
      throws IOException {
    PlanPages.requireManager(request);
    boolean newPlan =
        form.getPlanName().isBlank() || plans.findByName(partnership, form.getPlanName()).isEmpty();
    ReportingPeriod now = ReportingPeriod.containing(Dates.today(clock));
    check(
        result, "year", form.getYear(), FinancialYear::parse, "Enter the year like " + now.year());
    if (newPlan && form.getYear().isBlank() && !form.getPlanName().isBlank()) {
      result.rejectValue("year", "required", "Enter the year of the new plan");
    }
    check(
        result, "period", form.getPeriod(), ReportingPeriod::parse, "Enter the period like " + now);
    MultipartFile file = form.getFile();
    if (file == null || file.isEmpty()) {
      result.rejectValue("file", "required", "Select a CSV, XLSX or ODS file to import");
    }
    if (result.hasErrors() || file == null) {
      return formView(partnership, model);
    }
    PendingImport pending =
        new PendingImport(
            partnership.id(),
            form.getPlanName(),
            blankToNull(form.getYear()),
            blankToNull(form.getPeriod()),
            blankToNull(form.getStrategy()),
            file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename());
    byte[] content = file.getBytes();
    ImportResult preview;
    try {
      preview = imports.preview(partnership, pending.request(content));
    } catch (ImportsBusyException e) {
      result.rejectValue("file", "busy", e.getMessage());
      return formView(partnership, model);
    }
    if (preview.hasErrors()) {
      uploads.forget(request.getSession(), PendingImport.class);
    } else {
      model.addAttribute(
          "key", uploads.keep(request.getSession(), partnership.id(), pending, content));
    }
    return previewView(pending, preview, model);
  }

  @PostMapping("/confirm")
  String confirmImport(
      Partnership partnership,
      @RequestParam(defaultValue = "") String key,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    PlanPages.requireManager(request);
    HttpSession session = request.getSession();
    Optional<PendingUploads.Pending<PendingImport>> upload =
        uploads.find(session, PendingImport.class, partnership.id(), key);
    if (upload.isEmpty()) {
      return "redirect:/p/{slug}/plans/import?expired=true";
    }
    PendingImport pending = upload.get().details();
    ImportResult result;
    try {
      result = imports.run(partnership, pending.request(upload.get().content()));
    } catch (ImportRejectedException e) {
      model.addAttribute("key", key);
      return previewView(pending, e.result(), model);
    } catch (ImportsBusyException e) {
      ImportForm form = new ImportForm();
      form.setPlanName(pending.planName());
      model.addAttribute("form", form);
      BindingResult busy =
          new org.springframework.validation.BeanPropertyBindingResult(form, "form");
      busy.reject("busy", e.getMessage());
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", busy);
      return formView(partnership, model);
    }
    uploads.discard(session, PendingImport.class, key);
    DeliveryPlan plan = plans.named(partnership, pending.planName());
    flash.addFlashAttribute(
        "message",
        (result.planCreated() ? "Created " : "Imported into ")
            + plan.name()
            + ". "
            + result.summary());
    return "redirect:/p/{slug}/plans/" + plan.id();
  }

  private String formView(Partnership partnership, Model model) {
    model.addAttribute(
        "planNames", plans.findAll(partnership).stream().map(DeliveryPlan::name).toList());
    return VIEW_FORM;
  }

  private static String previewView(PendingImport pending, ImportResult result, Model model) {
    model.addAttribute("pending", pending);
    model.addAttribute("result", result);
    return VIEW_PREVIEW;
  }

  private static void check(
      BindingResult result,
      String field,
      String value,
      java.util.function.Function<String, ?> parser,
      String message) {
    if (value.isBlank()) {
      return;
    }
    try {
      parser.apply(value);
    } catch (InvalidInputException e) {
      result.rejectValue(field, "invalid", message);
    }
  }

  private static @Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value;
  }
}
