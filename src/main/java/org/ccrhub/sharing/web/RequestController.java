package org.ccrhub.sharing.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.Attachments;
import org.ccrhub.sharing.Consent;
import org.ccrhub.sharing.InformationCategory;
import org.ccrhub.sharing.LawfulBases;
import org.ccrhub.sharing.NewRequest;
import org.ccrhub.sharing.ProtocolCover;
import org.ccrhub.sharing.Protocols;
import org.ccrhub.sharing.Requests;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.ccrhub.sharing.SharingRequest;
import org.ccrhub.sharing.SubjectRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Requests for information between the partnership's agencies: the list of a person's agency's
 * requests, the request form (Part A) and a request's page. Only the gate decides who sees what: a
 * request someone may not see is not found. Every page here needs two-factor sign-in first, before
 * any request is looked up.
 */
@Controller
@RequestMapping("/p/{slug}/sharing/requests")
class RequestController {

  private static final String VIEW_LIST = "sharing/requests";
  private static final String VIEW_FORM = "sharing/request-form";
  private static final String VIEW_REQUEST = "sharing/request";

  private final SharingAccess access;
  private final Requests requests;
  private final Protocols protocols;
  private final LawfulBases lawfulBases;
  private final Agencies agencies;
  private final org.ccrhub.sharing.Consents consents;
  private final Attachments attachments;

  RequestController(
      SharingAccess access,
      Requests requests,
      Protocols protocols,
      LawfulBases lawfulBases,
      Agencies agencies,
      org.ccrhub.sharing.Consents consents,
      Attachments attachments) {
    this.access = access;
    this.requests = requests;
    this.protocols = protocols;
    this.lawfulBases = lawfulBases;
    this.agencies = agencies;
    this.consents = consents;
    this.attachments = attachments;
  }

  @ModelAttribute("section")
  String section() {
    return "sharing";
  }

  @InitBinder("form")
  void limitRows(WebDataBinder binder) {
    binder.setAutoGrowCollectionLimit(RequestForm.MOST_SUBJECTS);
  }

  @GetMapping
  String showList(SharingReader reader, Model model) {
    if (!reader.seesRequests()) {
      throw new NotFoundException("No requests");
    }
    model.addAttribute("reader", reader);
    model.addAttribute("requests", requests.list(reader));
    model.addAttribute("today", access.today());
    return VIEW_LIST;
  }

  @GetMapping("/new")
  String initCreateForm(SharingReader reader, Model model) {
    model.addAttribute("form", new RequestForm());
    return form(reader, model);
  }

  @PostMapping("/new")
  String processCreateForm(
      Partnership partnership,
      @ModelAttribute("form") RequestForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      SharingReader reader,
      Model model,
      RedirectAttributes flash) {
    if (!reader.canRequest()) {
      return form(reader, model);
    }
    if ("subject".equals(add)) {
      form.addSubject();
      model.addAttribute("focus", "subjects[" + (form.getSubjects().size() - 1) + "]-role");
      return form(reader, model);
    }
    Set<Long> agencies = otherAgencies(reader).stream().map(Agency::id).collect(Collectors.toSet());
    Set<Long> offered =
        offeredProtocols(reader).stream()
            .map(ProtocolCover.Protocol::id)
            .collect(Collectors.toSet());
    Optional<NewRequest> request =
        form.read(agencies, offered, lawfulBases.of(partnership), access.today(), errors);
    Optional<UUID> token = form.token();
    if (request.isEmpty() || token.isEmpty() || errors.hasErrors()) {
      if (token.isEmpty()) {
        form.setToken(UUID.randomUUID().toString());
      }
      return form(reader, model);
    }
    java.util.Set<Long> usable =
        consents.usable(reader, request.get().askedAgencyId()).stream()
            .map(org.ccrhub.sharing.ConsentRecord::id)
            .collect(Collectors.toSet());
    for (int i = 0; i < request.get().subjects().size(); i++) {
      Long record = request.get().subjects().get(i).consentId();
      if (record != null && !usable.contains(record)) {
        errors.rejectValue(
            "subjects[" + i + "].consentRecord",
            "consent",
            "This consent record cannot be relied on: it must name the agency you are asking,"
                + " and be given and not withdrawn");
      }
    }
    if (errors.hasErrors()) {
      return form(reader, model);
    }
    Requests.Raised raised;
    try {
      raised = requests.raise(reader, request.get(), token.get());
    } catch (InvalidInputException e) {
      errors.rejectValue("protocol", "cover", e.getMessage());
      return form(reader, model);
    }
    flash.addFlashAttribute(
        "flash",
        raised.now()
            ? "Request "
                + raised.number()
                + " sent. It is due by "
                + Dates.date(raised.dueOn())
                + "."
            : "Request " + raised.number() + " was already sent: the form was sent twice.");
    return "redirect:/p/" + partnership.slug() + "/sharing/requests/" + raised.number();
  }

  @GetMapping("/{number}")
  String showRequest(@PathVariable int number, SharingReader reader, Model model) {
    SharingRequest request = requests.open(reader, number);
    model.addAttribute("reader", reader);
    model.addAttribute("request", request);
    model.addAttribute("today", access.today());
    model.addAttribute("lookedAt", request.decides() || reader.dataProtectionLead());
    model.addAttribute("corrects", org.ccrhub.sharing.Decisions.corrects(reader, request));
    model.addAttribute("files", attachments.ofRequest(reader, request));
    model.addAttribute("addsFiles", attachments.allowance(reader, request).allowed());
    return VIEW_REQUEST;
  }

  @GetMapping("/{number}/looked-at")
  String showLookedAt(@PathVariable int number, SharingReader reader, Model model) {
    SharingRequest request = requests.read(reader, number);
    model.addAttribute("request", request);
    model.addAttribute("records", access.lookedAt(reader, request.id(), 200));
    return "sharing/looked-at";
  }

  /** Yes, then no, for radios. */
  static Map<String, String> yesNo() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("yes", "Yes");
    answers.put("no", "No");
    return answers;
  }

  /**
   * The protocols the reader's agency is or was a party to, once in force: those that cannot take
   * the request today are refused with the reason (expired, withdrawn, the other agency not a
   * party), which tells the person more than leaving them out would.
   */
  private List<ProtocolCover.Protocol> offeredProtocols(SharingReader reader) {
    Long agency = reader.agencyId();
    return protocols.covers(reader.partnership()).stream()
        .filter(p -> p.inForceFrom() != null)
        .filter(p -> agency != null && p.party(agency).isPresent())
        .toList();
  }

  /** Every agency of the partnership but the reader's, by name. */
  private List<Agency> otherAgencies(SharingReader reader) {
    return agencies.findAll(reader.partnership()).stream()
        .filter(a -> reader.agencyId() == null || a.id() != reader.agencyId())
        .toList();
  }

  private String form(SharingReader reader, Model model) {
    model.addAttribute("reader", reader);
    if (!reader.canRequest()) {
      model.addAttribute("noAgency", Requests.NO_AGENCY);
      return VIEW_FORM;
    }
    Map<String, String> agencies = new LinkedHashMap<>();
    otherAgencies(reader).forEach(a -> agencies.put(Long.toString(a.id()), a.name()));
    LocalDate today = access.today();
    model.addAttribute(
        "askableToday", requests.askable(reader).stream().map(Agency::name).toList());
    Map<String, String> offered = new LinkedHashMap<>();
    offeredProtocols(reader).forEach(p -> offered.put(Long.toString(p.id()), p.title()));
    Map<String, String> categories = new LinkedHashMap<>();
    for (InformationCategory c : InformationCategory.values()) {
      categories.put(c.name(), c.label());
    }
    BasisChoices.offer(
        lawfulBases.of(reader.partnership()),
        b -> b.inUseOn(today),
        model.getAttribute("form") instanceof RequestForm typed ? typed.getBases() : List.of(),
        model);
    Map<String, String> roles = new LinkedHashMap<>();
    for (SubjectRole r : SubjectRole.values()) {
      roles.put(r.name(), r.label());
    }
    Map<String, String> consents = new LinkedHashMap<>();
    consents.put(Consent.GIVEN.name(), "Yes, they consented");
    consents.put(Consent.NOT_SOUGHT.name(), "Consent was not sought");
    consents.put(Consent.REFUSED.name(), "They refused consent");
    model.addAttribute("agencies", agencies);
    model.addAttribute("protocols", offered);
    model.addAttribute("categories", categories);
    model.addAttribute("roles", roles);
    model.addAttribute("consents", consents);
    model.addAttribute("yesNo", yesNo());
    Map<String, String> records = new LinkedHashMap<>();
    this.consents
        .standing(reader)
        .forEach(
            c ->
                records.put(
                    Long.toString(c.id()),
                    "Record " + c.id() + ", given " + Dates.date(c.givenOn())));
    model.addAttribute("consentRecords", records);
    return VIEW_FORM;
  }
}
