package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Attachments;
import org.ccrhub.sharing.ConsentRecord;
import org.ccrhub.sharing.Consents;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
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
 * Consent records: an agency's list, the form to record one, a record's page with its withdrawal.
 * Only the gate decides who sees what; a record someone may not see is not found, and nothing is
 * looked up without two-factor sign-in.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/consents")
class ConsentController {

  private final SharingAccess access;
  private final Consents consents;
  private final Agencies agencies;
  private final Attachments attachments;

  ConsentController(
      SharingAccess access, Consents consents, Agencies agencies, Attachments attachments) {
    this.access = access;
    this.consents = consents;
    this.agencies = agencies;
    this.attachments = attachments;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  /** The withdrawal form. */
  public static class WithdrawalForm {
    private DateInput withdrawnOn = new DateInput();
    private String note = "";

    public DateInput getWithdrawnOn() {
      return withdrawnOn;
    }

    public void setWithdrawnOn(DateInput withdrawnOn) {
      this.withdrawnOn = withdrawnOn;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }
  }

  @GetMapping
  String showList(SharingReader reader, Model model) {
    if (!reader.seesRequests()) {
      throw new NotFoundException("No consent records");
    }
    model.addAttribute("reader", reader);
    model.addAttribute("records", consents.list(reader));
    return "sharing/consents";
  }

  @GetMapping("/new")
  String initCreateForm(SharingReader reader, Model model) {
    model.addAttribute("form", new ConsentForm());
    return form(reader, model);
  }

  @PostMapping("/new")
  String processCreateForm(
      Partnership partnership,
      @ModelAttribute("form") ConsentForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    if (!reader.canRequest()) {
      return form(reader, model);
    }
    Set<Long> ids =
        agencies.findAll(partnership).stream().map(Agency::id).collect(Collectors.toSet());
    Optional<Consents.NewConsent> consent = form.read(ids, access.today(), errors);
    if (consent.isEmpty()) {
      return form(reader, model);
    }
    long id;
    try {
      id = consents.record(reader, consent.get());
    } catch (InvalidInputException e) {
      errors.reject("consent", e.getMessage());
      return form(reader, model);
    }
    flash.addFlashAttribute("flash", "Consent record " + id + " saved.");
    return "redirect:/p/" + partnership.slug() + "/sharing/consents/" + id;
  }

  @GetMapping("/{id}")
  String showRecord(@PathVariable long id, SharingReader reader, Model model) {
    ConsentRecord record = consents.open(reader, id);
    WithdrawalForm form = new WithdrawalForm();
    form.setWithdrawnOn(DateInput.of(access.today()));
    model.addAttribute("withdrawal", form);
    return page(reader, record, model);
  }

  @PostMapping("/{id}/withdraw")
  String processWithdrawal(
      Partnership partnership,
      @PathVariable long id,
      @ModelAttribute("withdrawal") WithdrawalForm form,
      BindingResult errors,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    ConsentRecord record = consents.read(reader, id);
    Optional<LocalDate> on =
        form.getWithdrawnOn().read("withdrawnOn", "the date of withdrawal", true, errors);
    String note = form.getNote() == null ? "" : form.getNote().strip();
    if (note.length() > 2000) {
      errors.rejectValue("note", "long", "Enter 2000 characters or fewer");
    }
    if (on.isPresent() && !errors.hasErrors()) {
      try {
        consents.withdraw(reader, id, on.get(), note);
        flash.addFlashAttribute("flash", "The withdrawal is recorded.");
        return "redirect:/p/" + partnership.slug() + "/sharing/consents/" + id;
      } catch (InvalidInputException e) {
        form.getWithdrawnOn().reject("withdrawnOn", e.getMessage(), errors);
      }
    }
    return page(reader, record, model);
  }

  private String page(SharingReader reader, ConsentRecord record, Model model) {
    model.addAttribute("reader", reader);
    model.addAttribute("record", record);
    model.addAttribute(
        "canWithdraw",
        record.given()
            && record.withdrawnOn() == null
            && reader.agencyId() != null
            && reader.agencyId() == record.agencyId());
    model.addAttribute("files", attachments.ofConsent(reader, record));
    model.addAttribute("keeps", Attachments.keeps(reader, record));
    model.addAttribute(
        "removesFiles", Attachments.keeps(reader, record) || reader.dataProtectionLead());
    return "sharing/consent";
  }

  private String form(SharingReader reader, Model model) {
    model.addAttribute("reader", reader);
    Map<String, String> by = new LinkedHashMap<>();
    for (ConsentRecord.GivenBy g : ConsentRecord.GivenBy.values()) {
      by.put(g.name(), g.label());
    }
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("GIVEN", "Given");
    answers.put("REFUSED", "Refused");
    Map<String, String> agencyOptions = new LinkedHashMap<>();
    agencies.findAll(reader.partnership()).stream()
        .filter(a -> reader.agencyId() == null || a.id() != reader.agencyId())
        .forEach(a -> agencyOptions.put(Long.toString(a.id()), a.name()));
    model.addAttribute("givenBy", by);
    model.addAttribute("answers", answers);
    model.addAttribute("agencies", agencyOptions);
    model.addAttribute("yesNo", RequestController.yesNo());
    return "sharing/consent-form";
  }
}
