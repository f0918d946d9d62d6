package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.SharingImport;
import org.ccrhub.sharing.SharingImportRejectedException;
import org.ccrhub.sharing.SharingImportResult;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ImportsBusyException;
import org.ccrhub.tabular.PendingUploads;
import org.ccrhub.tabular.ProblemList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Importing an existing decision log in two steps, as `sharing import` does on the command line:
 * upload, which shows every problem or exactly what the import would do (the same import, rolled
 * back), then confirm, which imports the same bytes all or nothing. Partnership administrators and
 * the data protection lead import: a log names agencies and officers, never a data subject.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/import")
class SharingImportController {

  private static final String VIEW_FORM = "sharing/import-form";
  private static final String VIEW_PREVIEW = "sharing/import-preview";

  /** The file waiting for confirmation, kept in the session with its bytes in PendingUploads. */
  record Pending(long partnershipId, String fileName) implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
  }

  /** What the import found: the result it would have, or every problem. */
  record Outcome(
      @Nullable SharingImportResult result,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {

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

  private final SharingImport imports;
  private final PendingUploads uploads;

  SharingImportController(SharingImport imports, PendingUploads uploads) {
    this.imports = imports;
    this.uploads = uploads;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @GetMapping
  String showForm(
      @RequestParam(required = false) @Nullable String tooLarge,
      @RequestParam(required = false) @Nullable String expired,
      HttpServletRequest request,
      Model model) {
    ProtocolPages.requireKeeper(request);
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
      @RequestParam(required = false) @Nullable MultipartFile file,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model)
      throws IOException {
    ProtocolPages.requireKeeper(request);
    if (file == null || file.isEmpty()) {
      model.addAttribute("fileError", "Select a CSV, XLSX or ODS file to import");
      return VIEW_FORM;
    }
    String name = file.getOriginalFilename() == null ? "the file" : file.getOriginalFilename();
    Pending pending = new Pending(partnership.id(), name);
    byte[] content = file.getBytes();
    Outcome outcome;
    try {
      outcome = outcome(() -> imports.previewLog(partnership, content, name, user.actorName()));
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
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    HttpSession session = request.getSession();
    Optional<PendingUploads.Pending<Pending>> upload =
        uploads.find(session, Pending.class, partnership.id(), key);
    if (upload.isEmpty()) {
      return "redirect:/p/{slug}/sharing/import?expired=true";
    }
    Pending pending = upload.get().details();
    Outcome outcome;
    try {
      outcome =
          outcome(
              () ->
                  imports.importLog(
                      partnership, upload.get().content(), pending.fileName(), user.actorName()));
    } catch (ImportsBusyException e) {
      model.addAttribute("fileError", e.getMessage());
      return VIEW_FORM;
    }
    if (outcome.hasErrors()) {
      model.addAttribute("key", key);
      return preview(pending, outcome, model);
    }
    uploads.discard(session, Pending.class, key);
    SharingImportResult result = outcome.result();
    flash.addFlashAttribute("imported", "Imported " + pending.fileName() + ". " + result.summary());
    flash.addFlashAttribute("created", new java.util.ArrayList<>(result.created(Dates::date)));
    return "redirect:/p/{slug}/sharing/import";
  }

  private static Outcome outcome(java.util.function.Supplier<SharingImportResult> run) {
    try {
      SharingImportResult result = run.get();
      return new Outcome(result, List.of(), result.warnings());
    } catch (SharingImportRejectedException e) {
      return new Outcome(null, e.errors(), e.warnings());
    }
  }

  private static String preview(Pending pending, Outcome outcome, Model model) {
    model.addAttribute("pending", pending);
    model.addAttribute("outcome", outcome);
    model.addAttribute(
        "created", outcome.result() == null ? List.of() : outcome.result().created(Dates::date));
    return VIEW_PREVIEW;
  }
}
