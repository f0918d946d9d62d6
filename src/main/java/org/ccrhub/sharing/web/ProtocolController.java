package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.exports.Exports;
import org.ccrhub.exports.FileExport;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.InformationCategory;
import org.ccrhub.sharing.LawfulBases;
import org.ccrhub.sharing.LawfulBasis;
import org.ccrhub.sharing.ProtocolRegister;
import org.ccrhub.sharing.ProtocolRegisterChanges;
import org.ccrhub.sharing.ProtocolRegisterRejectedException;
import org.ccrhub.sharing.Protocols;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The protocol register: every member reads the list and each protocol (its versions, parties,
 * signatories and SPOCs) and downloads the signed PDFs, each download audited. Administrators and
 * the data protection lead create protocols and change their settings; anyone else gets 403 there.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/protocols")
class ProtocolController {

  static final String REDIRECT_PROTOCOL = "redirect:/p/{slug}/sharing/protocols/{id}";

  private static final String VIEW_REGISTER = "sharing/register";
  private static final String VIEW_PROTOCOL = "sharing/protocol";
  private static final String VIEW_FORM = "sharing/protocol-form";

  private final Protocols protocols;
  private final LawfulBases lawfulBases;
  private final Exports exports;
  private final Clock clock;

  ProtocolController(Protocols protocols, LawfulBases lawfulBases, Exports exports, Clock clock) {
    this.protocols = protocols;
    this.lawfulBases = lawfulBases;
    this.exports = exports;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return ProtocolPages.SECTION;
  }

  @GetMapping
  String showRegister(Partnership partnership, HttpServletRequest request, Model model) {
    model.addAttribute("entries", protocols.register(partnership, ProtocolPages.today(clock)));
    model.addAttribute("keeps", ProtocolPages.keeps(request));
    return VIEW_REGISTER;
  }

  @GetMapping("/{id}")
  String showProtocol(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    LocalDate today = ProtocolPages.today(clock);
    ProtocolRegister.Protocol protocol = protocols.protocol(partnership, id, today);
    model.addAttribute("protocol", protocol);
    model.addAttribute("today", today);
    model.addAttribute("reviewNote", protocol.reviewNote(today).orElse(null));
    model.addAttribute("basesByKind", byKind(protocol.bases()));
    model.addAttribute("keeps", ProtocolPages.keeps(request));
    model.addAttribute("notReady", protocol.whyNotInForceOn(today));
    return VIEW_PROTOCOL;
  }

  @GetMapping("/{id}/documents/{documentId}")
  ResponseEntity<Resource> downloadDocument(
      Partnership partnership, @PathVariable long id, @PathVariable long documentId) {
    Protocols.DocumentFile file = protocols.document(partnership, id, documentId);
    String name = file.fileName();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      name = name + ".pdf";
    }
    return exports.download(
        FileExport.of(
            partnership,
            Protocols.PROTOCOL,
            id,
            "the signed PDF (document "
                + file.id()
                + ") of version "
                + file.versionLabel()
                + " of protocol "
                + id,
            "pdf"),
        file::pdf,
        "application/pdf",
        name);
  }

  @GetMapping("/new")
  String initCreationForm(Partnership partnership, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new ProtocolForm());
    return formView(partnership, null, model);
  }

  @PostMapping("/new")
  String processCreationForm(
      Partnership partnership,
      @ModelAttribute("form") ProtocolForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    Optional<ProtocolRegisterChanges.Settings> settings =
        form.settings(errors, lawfulBases.of(partnership));
    if (settings.isEmpty()) {
      return formView(partnership, null, model);
    }
    try {
      long id = protocols.create(partnership, settings.get());
      flash.addFlashAttribute("message", settings.get().title() + " created");
      return "redirect:/p/{slug}/sharing/protocols/" + id;
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of());
      return formView(partnership, null, model);
    }
  }

  @GetMapping("/{id}/edit")
  String initUpdateForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol =
        protocols.protocol(partnership, id, ProtocolPages.today(clock));
    model.addAttribute("form", ProtocolForm.of(protocol));
    return formView(partnership, protocol, model);
  }

  @PostMapping("/{id}/edit")
  String processUpdateForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") ProtocolForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol =
        protocols.protocol(partnership, id, ProtocolPages.today(clock));
    Optional<ProtocolRegisterChanges.Settings> settings =
        form.settings(errors, lawfulBases.of(partnership));
    if (settings.isEmpty()) {
      return formView(partnership, protocol, model);
    }
    try {
      protocols.update(partnership, id, settings.get(), form.expectedVersion());
      flash.addFlashAttribute("message", "Settings of " + settings.get().title() + " saved");
      return REDIRECT_PROTOCOL;
    } catch (ConcurrentChangeException e) {
      ProtocolPages.rejectChangedMeanwhile(errors, "this protocol");
      return formView(partnership, protocol, model);
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of());
      return formView(partnership, protocol, model);
    }
  }

  private String formView(
      Partnership partnership, ProtocolRegister.@Nullable Protocol protocol, Model model) {
    model.addAttribute("protocol", protocol);
    model.addAttribute("fields", ProtocolForm.FIELDS);
    Map<String, String> categories = new LinkedHashMap<>();
    for (InformationCategory c : InformationCategory.values()) {
      categories.put(c.name(), c.described());
    }
    model.addAttribute("categories", categories);
    model.addAttribute("basesByKind", byKind(lawfulBases.of(partnership)));
    model.addAttribute("today", ProtocolPages.today(clock));
    return VIEW_FORM;
  }

  /** The bases grouped by the part of the law they are, in the law's order. */
  static Map<LawfulBasis.Kind, List<LawfulBasis>> byKind(List<LawfulBasis> bases) {
    Map<LawfulBasis.Kind, List<LawfulBasis>> byKind = new LinkedHashMap<>();
    for (LawfulBasis.Kind kind : LawfulBasis.Kind.values()) {
      List<LawfulBasis> ofKind = bases.stream().filter(b -> b.kind() == kind).toList();
      if (!ofKind.isEmpty()) {
        byKind.put(kind, ofKind);
      }
    }
    return byKind;
  }
}
