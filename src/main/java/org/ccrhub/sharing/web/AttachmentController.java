package org.ccrhub.sharing.web;

import java.io.IOException;
import java.util.Optional;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Attachments;
import org.ccrhub.sharing.ConsentRecord;
import org.ccrhub.sharing.Consents;
import org.ccrhub.sharing.Requests;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.ccrhub.sharing.SharingRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Files kept with a decision to share (where its protocol allows it) and scans of signed consent
 * forms: the form to add one, its download and its removal. Only the gate decides who sees what: a
 * file someone may not see is not found. Downloads leave through {@link Exports}, which records
 * them under the request or record, so "who looked" shows them.
 */
@Controller
class AttachmentController {

  private static final String VIEW_FORM = "sharing/attachment-form";

  private final Requests requests;
  private final Consents consents;
  private final Attachments attachments;
  private final Exports exports;

  AttachmentController(
      Requests requests, Consents consents, Attachments attachments, Exports exports) {
    this.requests = requests;
    this.consents = consents;
    this.attachments = attachments;
    this.exports = exports;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  /** The file chosen. */
  public static class FileForm {
    private @Nullable MultipartFile file;

    public @Nullable MultipartFile getFile() {
      return file;
    }

    public void setFile(@Nullable MultipartFile file) {
      this.file = file;
    }

    /** The upload, or empty with the problem on the {@code file} field. */
    Optional<Attachments.Upload> read(BindingResult errors) {
      if (file == null
          || (file.isEmpty()
              && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
        errors.rejectValue("file", "required", "Select a file");
        return Optional.empty();
      }
      String problem = Attachments.Upload.problem(file.getSize());
      if (problem != null) {
        errors.rejectValue("file", "size", problem);
        return Optional.empty();
      }
      try {
        return Optional.of(new Attachments.Upload(file.getOriginalFilename(), file.getBytes()));
      } catch (IOException e) {
        errors.rejectValue("file", "unreadable", "The selected file could not be read");
        return Optional.empty();
      }
    }
  }

  // --- a decision's files ---

  @GetMapping("/p/{slug}/sharing/requests/{number}/files/new")
  String initRequestFileForm(
      @PathVariable int number,
      @RequestParam(required = false) @Nullable String tooLarge,
      SharingReader reader,
      Model model) {
    emptyForm(tooLarge != null, model);
    return requestForm(reader, requests.read(reader, number), model);
  }

  @PostMapping("/p/{slug}/sharing/requests/{number}/files/new")
  String processRequestFileForm(
      Partnership partnership,
      @PathVariable int number,
      @ModelAttribute("form") FileForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    SharingRequest request = requests.read(reader, number);
    Optional<Attachments.Upload> upload = form.read(errors);
    if (upload.isPresent()) {
      try {
        long id = attachments.attachToDecision(reader, number, upload.get());
        flash.addFlashAttribute("flash", "File " + id + " added to the decision.");
        return "redirect:/p/" + partnership.slug() + "/sharing/requests/" + number + "#files";
      } catch (InvalidInputException e) {
        errors.rejectValue("file", "refused", e.getMessage());
      }
    }
    return requestForm(reader, request, model);
  }

  @GetMapping("/p/{slug}/sharing/requests/{number}/files/{id}")
  ResponseEntity<Resource> downloadRequestFile(
      Partnership partnership,
      @PathVariable int number,
      @PathVariable long id,
      SharingReader reader) {
    SharingRequest request = requests.read(reader, number);
    Attachments.Content file = attachments.fileOfRequest(reader, request, id);
    return send(
        FileExport.of(
            partnership,
            SharingAccess.REQUEST,
            request.id(),
            "file " + file.id() + " of the decision of request " + number,
            file.extension()),
        file);
  }

  @PostMapping("/p/{slug}/sharing/requests/{number}/files/{id}/remove")
  String removeRequestFile(
      Partnership partnership,
      @PathVariable int number,
      @PathVariable long id,
      SharingReader reader,
      RedirectAttributes flash) {
    attachments.removeOfRequest(reader, number, id);
    flash.addFlashAttribute("flash", "File " + id + " removed. Its name and size are kept.");
    return "redirect:/p/" + partnership.slug() + "/sharing/requests/" + number + "#files";
  }

  // --- a consent form's scans ---

  @GetMapping("/p/{slug}/sharing/consents/{consentId}/files/new")
  String initConsentFileForm(
      @PathVariable long consentId,
      @RequestParam(required = false) @Nullable String tooLarge,
      SharingReader reader,
      Model model) {
    emptyForm(tooLarge != null, model);
    return consentForm(reader, kept(reader, consentId), model);
  }

  @PostMapping("/p/{slug}/sharing/consents/{consentId}/files/new")
  String processConsentFileForm(
      Partnership partnership,
      @PathVariable long consentId,
      @ModelAttribute("form") FileForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    ConsentRecord record = kept(reader, consentId);
    Optional<Attachments.Upload> upload = form.read(errors);
    if (upload.isPresent()) {
      try {
        long id = attachments.attachToConsent(reader, consentId, upload.get());
        flash.addFlashAttribute("flash", "File " + id + " (the signed form) added.");
        return "redirect:/p/" + partnership.slug() + "/sharing/consents/" + consentId;
      } catch (InvalidInputException e) {
        errors.rejectValue("file", "refused", e.getMessage());
      }
    }
    return consentForm(reader, record, model);
  }

  @GetMapping("/p/{slug}/sharing/consents/{consentId}/files/{id}")
  ResponseEntity<Resource> downloadConsentFile(
      Partnership partnership,
      @PathVariable long consentId,
      @PathVariable long id,
      SharingReader reader) {
    Attachments.Content file = attachments.fileOfConsent(reader, consentId, id);
    return send(
        FileExport.of(
            partnership,
            Consents.CONSENT,
            consentId,
            "file " + file.id() + " (the signed form) of consent record " + consentId,
            file.extension()),
        file);
  }

  @PostMapping("/p/{slug}/sharing/consents/{consentId}/files/{id}/remove")
  String removeConsentFile(
      Partnership partnership,
      @PathVariable long consentId,
      @PathVariable long id,
      SharingReader reader,
      RedirectAttributes flash) {
    attachments.removeOfConsent(reader, consentId, id);
    flash.addFlashAttribute("flash", "File " + id + " removed. Its name and size are kept.");
    return "redirect:/p/" + partnership.slug() + "/sharing/consents/" + consentId;
  }

  /** A new form; when the server refused a file too large to read, with that problem. */
  private static void emptyForm(boolean tooLarge, Model model) {
    FileForm form = new FileForm();
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    if (tooLarge) {
      errors.rejectValue("file", "size", "The selected file must be smaller than 10MB");
    }
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
  }

  /** The record, when the reader keeps it (a user of its agency); otherwise not found. */
  private ConsentRecord kept(SharingReader reader, long consentId) {
    ConsentRecord record = consents.read(reader, consentId);
    if (!Attachments.keeps(reader, record)) {
      throw new NotFoundException("No such consent record");
    }
    return record;
  }

  private String requestForm(SharingReader reader, SharingRequest request, Model model) {
    Attachments.Allowance allowance = attachments.allowance(reader, request);
    if (!request.decides()) {
      throw new NotFoundException("No such request");
    }
    String base = "/p/" + reader.partnership().slug() + "/sharing/requests/" + request.number();
    model.addAttribute("caption", "Request " + request.number());
    model.addAttribute("heading", "Add a file to the decision");
    model.addAttribute("back", base);
    model.addAttribute("action", base + "/files/new");
    model.addAttribute("refused", allowance.allowed() ? "" : allowance.why());
    model.addAttribute(
        "hint",
        "The information you are sharing, smaller than 10MB. It is kept for "
            + allowance.retentionDays()
            + (allowance.retentionDays() == 1 ? " day" : " days")
            + ", then removed; only its name and size stay.");
    return VIEW_FORM;
  }

  private String consentForm(SharingReader reader, ConsentRecord record, Model model) {
    String base = "/p/" + reader.partnership().slug() + "/sharing/consents/" + record.id();
    model.addAttribute("caption", "Consent record " + record.id());
    model.addAttribute("heading", "Add the scan of the signed form");
    model.addAttribute("back", base);
    model.addAttribute("action", base + "/files/new");
    model.addAttribute("refused", "");
    model.addAttribute(
        "hint",
        "A scan or photo of the signed consent form, smaller than 10MB. It is removed with the"
            + " record's details at the end of its retention period.");
    return VIEW_FORM;
  }

  private ResponseEntity<Resource> send(FileExport export, Attachments.Content file) {
    return exports.download(export, file::bytes, "application/octet-stream", file.fileName());
  }
}
