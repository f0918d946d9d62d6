package org.ccrhub.indicators.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.IndicatorImportRejectedException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ImportsBusyException;
import org.ccrhub.tabular.PendingUploads;
import org.ccrhub.tabular.ProblemList;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing indicator definitions or values from a file in two steps: upload, which shows every
 * problem or what would change, then confirm, which imports the same bytes all or nothing.
 * Administrators, strategic leads and analysts import.
 */
@Controller
@RequestMapping("/p/{slug}/indicators/import")
class IndicatorImportController {

  static final String VIEW_FORM = "indicators/import-form";
  static final String VIEW_PREVIEW = "indicators/import-preview";

  /** What an import found: the same for definitions and values. */
  record Outcome(
      List<ImportProblem> errors,
      List<ImportProblem> warnings,
      int rows,
      String summary,
      boolean changesNothing) {

    public boolean hasErrors() {
      return !errors.isEmpty();
    }

    public int errorCount() {
      return ProblemList.total(errors);
    }

    public int warningCount() {
      return ProblemList.total(warnings);
    }
  }

  /**
   * What an uploaded file is to be imported as, kept in the session (one at a time) with the file
   * in {@link PendingUploads} until the person confirms.
   */
  record Pending(long partnershipId, boolean values, String fileName) implements Serializable {
    @Serial private static final long serialVersionUID = 2L;
  }

  private final IndicatorImport imports;
  private final PendingUploads uploads;

  IndicatorImportController(IndicatorImport imports, PendingUploads uploads) {
    this.imports = imports;
    this.uploads = uploads;
  }

  @ModelAttribute("section")
  String section() {
    return "indicators";
  }

  @GetMapping
  String showForm(
      @RequestParam(required = false) @Nullable String tooLarge,
      @RequestParam(required = false) @Nullable String expired,
      @RequestParam(defaultValue = "values") String kind,
      HttpServletRequest request,
      Model model) {
    IndicatorPages.requireImporter(request);
    model.addAttribute("kind", kind.equals("definitions") ? "definitions" : "values");
    if (tooLarge != null) {
      model.addAttribute("fileError", "The selected file must be smaller than 25MB");
    }
    if (expired != null) {
      model.addAttribute(
          "fileError", "The file you uploaded is no longer held: upload it again to import it");
    }
    return VIEW_FORM;
  }

  @PostMapping
  String upload(
      Partnership partnership,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(required = false) @Nullable MultipartFile file,
      HttpServletRequest request,
      Model model)
      throws IOException {
    IndicatorPages.requireImporter(request);
    boolean values = !kind.equals("definitions");
    model.addAttribute("kind", values ? "values" : "definitions");
    if (!kind.equals("definitions") && !kind.equals("values")) {
      model.addAttribute("kindError", "Select what the file holds");
    }
    if (file == null || file.isEmpty()) {
      model.addAttribute("fileError", "Select a CSV, XLSX or ODS file to import");
    }
    if (model.containsAttribute("kindError") || model.containsAttribute("fileError")) {
      return VIEW_FORM;
    }
    Pending pending =
        new Pending(
            partnership.id(),
            values,
            file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename());
    byte[] content = file.getBytes();
    Outcome outcome;
    try {
      outcome = preview(partnership, pending, content);
    } catch (ImportsBusyException e) {
      model.addAttribute("fileError", e.getMessage());
      return VIEW_FORM;
    }
    if (outcome.hasErrors()) {
      uploads.forget(request.getSession(), Pending.class);
    } else {
      model.addAttribute(
          "key", uploads.keep(request.getSession(), partnership.id(), pending, content));
    }
    return preview(pending, outcome, model);
  }

  @PostMapping("/confirm")
  String confirm(
      Partnership partnership,
      @RequestParam(defaultValue = "") String key,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    IndicatorPages.requireImporter(request);
    HttpSession session = request.getSession();
    Optional<PendingUploads.Pending<Pending>> upload =
        uploads.find(session, Pending.class, partnership.id(), key);
    if (upload.isEmpty()) {
      return "redirect:/p/{slug}/indicators/import?expired=true";
    }
    Pending pending = upload.get().details();
    byte[] content = upload.get().content();
    String summary;
    try {
      summary =
          pending.values()
              ? imports.importValues(partnership, content).summary()
              : imports.importDefinitions(partnership, content).summary();
    } catch (IndicatorImportRejectedException e) {
      model.addAttribute("key", key);
      model.addAttribute("kind", pending.values() ? "values" : "definitions");
      return preview(pending, new Outcome(e.errors(), e.warnings(), 0, "", false), model);
    } catch (ImportsBusyException e) {
      model.addAttribute("kind", pending.values() ? "values" : "definitions");
      model.addAttribute("fileError", e.getMessage());
      return VIEW_FORM;
    }
    uploads.discard(session, Pending.class, key);
    flash.addFlashAttribute("message", "Imported " + pending.fileName() + ". " + summary);
    return "redirect:/p/{slug}/indicators";
  }

  private Outcome preview(Partnership partnership, Pending pending, byte[] content) {
    if (pending.values()) {
      var r = imports.previewValues(partnership, content);
      return new Outcome(r.errors(), r.warnings(), r.rows(), r.summary(), r.changesNothing());
    }
    var r = imports.previewDefinitions(partnership, content);
    return new Outcome(r.errors(), r.warnings(), r.rows(), r.summary(), r.changesNothing());
  }

  private static String preview(Pending pending, Outcome outcome, Model model) {
    model.addAttribute("pending", pending);
    model.addAttribute("result", outcome);
    return VIEW_PREVIEW;
  }
}
