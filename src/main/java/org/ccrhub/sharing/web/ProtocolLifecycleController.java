package org.ccrhub.sharing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.ProtocolEnding;
import org.ccrhub.sharing.ProtocolRegister;
import org.ccrhub.sharing.ProtocolRegisterChanges;
import org.ccrhub.sharing.ProtocolRegisterRejectedException;
import org.ccrhub.sharing.Protocols;
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
 * A protocol's time in force, as its keepers record it: the day it comes into force (only with an
 * approved version and two parties), the start of a review, and its end (expired, or withdrawn with
 * the reason), which can be removed again.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/protocols/{id}")
class ProtocolLifecycleController {

  private static final String VIEW_IN_FORCE = "sharing/protocol-in-force";
  private static final String VIEW_END = "sharing/protocol-end";

  private final Protocols protocols;
  private final Clock clock;

  ProtocolLifecycleController(Protocols protocols, Clock clock) {
    this.protocols = protocols;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return ProtocolPages.SECTION;
  }

  @GetMapping("/in-force")
  String initInForceForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", new ProtocolForms.InForceForm());
    inForceModel(partnership, id, model);
    return VIEW_IN_FORCE;
  }

  @PostMapping("/in-force")
  String processInForceForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") ProtocolForms.InForceForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol = inForceModel(partnership, id, model);
    Optional<LocalDate> from =
        form.getInForceFrom().read("inForceFrom", "the date it comes into force", true, errors);
    if (from.isEmpty()) {
      return VIEW_IN_FORCE;
    }
    try {
      protocols.putInForce(partnership, id, from.get(), ProtocolPages.today(clock));
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of("inForceFrom", form.getInForceFrom()));
      return VIEW_IN_FORCE;
    }
    flash.addFlashAttribute(
        "message",
        protocol.title()
            + (from.get().isAfter(ProtocolPages.today(clock))
                ? " comes into force on "
                : " is in force from ")
            + Dates.date(from.get()));
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @PostMapping("/review")
  String startReview(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    LocalDate today = ProtocolPages.today(clock);
    ProtocolRegister.Protocol protocol = protocols.protocol(partnership, id, today);
    try {
      protocols.startReview(partnership, id, today);
      flash.addFlashAttribute(
          "message", protocol.title() + " is under review until its next version is recorded");
    } catch (ProtocolRegisterRejectedException e) {
      flash.addFlashAttribute("refusal", e.getMessage());
    }
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @GetMapping("/end")
  String initEndForm(
      Partnership partnership, @PathVariable long id, HttpServletRequest request, Model model) {
    ProtocolPages.requireKeeper(request);
    model.addAttribute("form", ProtocolForms.EndForm.of(endModel(partnership, id, model)));
    return VIEW_END;
  }

  @PostMapping("/end")
  String processEndForm(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("form") ProtocolForms.EndForm form,
      BindingResult errors,
      HttpServletRequest request,
      Model model,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol = endModel(partnership, id, model);
    Optional<ProtocolRegisterChanges.Ending> ending = form.ending(errors);
    if (ending.isEmpty()) {
      return VIEW_END;
    }
    try {
      protocols.end(partnership, id, ending.get());
    } catch (ProtocolRegisterRejectedException e) {
      ProtocolPages.reject(errors, e.problems(), Map.of("lastDay", form.getLastDay()));
      return VIEW_END;
    }
    flash.addFlashAttribute(
        "message",
        protocol.title()
            + (ending.get().ending() == ProtocolEnding.WITHDRAWN ? " is withdrawn" : " expires")
            + " after "
            + Dates.date(ending.get().lastDay()));
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  @PostMapping("/end/remove")
  String removeEnd(
      Partnership partnership,
      @PathVariable long id,
      HttpServletRequest request,
      RedirectAttributes flash) {
    ProtocolPages.requireKeeper(request);
    ProtocolRegister.Protocol protocol =
        protocols.protocol(partnership, id, ProtocolPages.today(clock));
    try {
      protocols.removeEnd(partnership, id);
      flash.addFlashAttribute("message", "The end of " + protocol.title() + " is removed");
    } catch (ProtocolRegisterRejectedException e) {
      flash.addFlashAttribute("refusal", e.getMessage());
    }
    return ProtocolController.REDIRECT_PROTOCOL;
  }

  private ProtocolRegister.Protocol inForceModel(Partnership partnership, long id, Model model) {
    LocalDate today = ProtocolPages.today(clock);
    ProtocolRegister.Protocol protocol = protocols.protocol(partnership, id, today);
    model.addAttribute("protocol", protocol);
    model.addAttribute("notReady", protocol.whyNotInForceOn(today));
    model.addAttribute("fields", ProtocolForms.InForceForm.FIELDS);
    return protocol;
  }

  private ProtocolRegister.Protocol endModel(Partnership partnership, long id, Model model) {
    ProtocolRegister.Protocol protocol =
        protocols.protocol(partnership, id, ProtocolPages.today(clock));
    model.addAttribute("protocol", protocol);
    model.addAttribute("fields", ProtocolForms.EndForm.FIELDS);
    Map<String, String> endings = new java.util.LinkedHashMap<>();
    endings.put(ProtocolEnding.EXPIRED.name(), "It expires: its term is over");
    endings.put(ProtocolEnding.WITHDRAWN.name(), "It is withdrawn by the partners");
    model.addAttribute("endings", endings);
    return protocol;
  }
}
