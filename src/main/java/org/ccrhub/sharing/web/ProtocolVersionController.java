package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.ProtocolRegister;
import org.ccrhub.sharing.ProtocolRegisterChanges;
import org.ccrhub.sharing.ProtocolRegisterRejectedException;
import org.ccrhub.sharing.Protocols;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Document control: the keepers record each version of a protocol as approved, with its signed PDF
 * (checked by its first bytes, at most 20 MB), and add a signed PDF to a version recorded before it
 * was signed. Nothing recorded here is ever changed or deleted.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/protocols/{id}/versions")
class ProtocolVersionController {

  private static final String VIEW_VERSION = "sharing/protocol-version-form";
  private static final String VIEW_DOCUMENT = "sharing/protocol-document-form";

  private final Protocols protocols;
  private final Clock clock;

  ProtocolVersionController(Protocols protocols, Clock clock) {
    this.protocols = protocols;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return ProtocolPages.SECTION;
  }

  @GetMapping("/new")
  String initVersionForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new ProtocolForms.VersionForm());
    return versionView(partnership, id, model);
  }

  @PostMapping("/new")
  String processVersionForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") ProtocolForms.VersionForm form,
      BindingResult errors,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol = protocol(partnership, id);
    Optional<ProtocolRegisterChanges.NewVersion> version = form.version(errors);
    Optional<ProtocolRegisterChanges.SignedDocument> document =
        ProtocolForms.document(form.getDocument(), false, errors);
    if (errors.hasErrors() || version.isEmpty()) {
      return versionView(partnership, id, model);
    }
    try {
      protocols.recordVersion(partnership, id, version.get(), document, user.displayName());
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(
          errors,
          e.problems(),
          Map.of("approvedOn", form.getApprovedOn(), "reviewOn", form.getReviewOn()));
      return versionView(partnership, id, model);
    }
    flash.addFlashAttribute(
        "message",
        "Version "
            + version.get().label()
            + " of "
            + protocol.title()
            + " recorded"
            + (document.isPresent() ? " with its signed PDF" : ""));
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @GetMapping("/{versionId}/document")
  String initDocumentForm(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long versionId,
      HttpServletRequest request,
      Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new ProtocolForms.DocumentForm());
    return documentView(partnership, id, versionId, model);
  }

  @PostMapping("/{versionId}/document")
  String processDocumentForm(
      Partnership partnership,
      @PathVariable long id,
      @PathVariable long versionId,
      @ModelAttribute("form") ProtocolForms.DocumentForm form,
      BindingResult errors,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    String view = documentView(partnership, id, versionId, model);
    Optional<ProtocolRegisterChanges.SignedDocument> document =
        ProtocolForms.document(form.getDocument(), true, errors);
    if (document.isEmpty()) {
      return view;
    }
    protocols.addDocument(partnership, id, versionId, document.get(), user.displayName());
    flash.addFlashAttribute("message", "Signed PDF uploaded");
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  private ProtocolRegister.Protocol protocol(Partnership partnership, long id) {
    return protocols.protocol(partnership, id, ProtocolPages.today(clock));
  }

  private String versionView(Partnership partnership, long id, Model model) {
    model.addAttribute("protocol", protocol(partnership, id));
    model.addAttribute("fields", ProtocolForms.VersionForm.FIELDS);
    return VIEW_VERSION;
  }

  private String documentView(Partnership partnership, long id, long versionId, Model model) {
    ProtocolRegister.Protocol protocol = protocol(partnership, id);
    model.addAttribute("protocol", protocol);
    model.addAttribute(
        "version", protocol.version(versionId).orElseThrow(() -> new NotFoundException("Version")));
    return VIEW_DOCUMENT;
  }
}
