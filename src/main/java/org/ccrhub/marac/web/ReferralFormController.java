package org.ccrhub.marac.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ccrhub.marac.Answer;
import org.ccrhub.marac.CriteriaAssessment;
import org.ccrhub.marac.Criterion;
import org.ccrhub.marac.DaraGrade;
import org.ccrhub.marac.DashQuestions;
import org.ccrhub.marac.EthnicCategory;
import org.ccrhub.marac.EthnicGroup;
import org.ccrhub.marac.Gender;
import org.ccrhub.marac.IdvaOfferOutcome;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.NewReferral;
import org.ccrhub.marac.Referrals;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The referral form, for the MARAC's coordinator only (everyone else gets 404). Every problem is
 * shown at once, with everything typed kept; a criterion the referrer claims that the answers do
 * not support is shown as a warning on the case, not refused. Saved, it goes to the case page.
 */
@Controller
@RequestMapping("/p/{slug}/marac/{maracId}/cases/new")
class ReferralFormController {

  private static final String VIEW = "marac/referral-form";

  private final MaracAccess access;
  private final Agencies agencies;
  private final Referrals referrals;
  private final Clock clock;

  ReferralFormController(MaracAccess access, Agencies agencies, Referrals referrals, Clock clock) {
    this.access = access;
    this.agencies = agencies;
    this.referrals = referrals;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "marac";
  }

  private MaracReader coordinator(Partnership partnership, long maracId, SignedInUser user) {
    MaracReader reader = access.reader(partnership, maracId, user.accountId(), user.actorName());
    if (!reader.coordinates()) {
      throw new NotFoundException("No such page");
    }
    return reader;
  }

  @GetMapping
  String initReferralForm(
      Partnership partnership,
      @PathVariable long maracId,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletResponse response,
      Model model) {
    MaracReader reader = coordinator(partnership, maracId, user);
    model.addAttribute("form", new ReferralForm());
    return view(partnership, reader, response, model);
  }

  @PostMapping
  String processReferralForm(
      Partnership partnership,
      @PathVariable long maracId,
      @ModelAttribute("form") ReferralForm form,
      BindingResult errors,
      @RequestParam(required = false) String add,
      @AuthenticationPrincipal SignedInUser user,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    MaracReader reader = coordinator(partnership, maracId, user);
    if ("perpetrator".equals(add)) {
      form.addPerpetrator();
      model.addAttribute("focus", "perpetrators");
      return view(partnership, reader, response, model);
    }
    if ("child".equals(add)) {
      form.addChild();
      model.addAttribute("focus", "children");
      return view(partnership, reader, response, model);
    }
    Set<Long> agencyIds =
        agencies.findAll(partnership).stream().map(Agency::id).collect(Collectors.toSet());
    LocalDate today = Dates.today(clock);
    Optional<NewReferral> referral = form.read(agencyIds, today, errors);
    if (referral.isPresent()) {
      CriteriaAssessment assessment = referral.get().criteria().assess(reader.marac().settings());
      if (assessment.met().isEmpty()) {
        errors.rejectValue("criteria", "none", assessment.problems().get(0));
      }
    }
    if (referral.isEmpty() || errors.hasErrors()) {
      return view(partnership, reader, response, model);
    }
    Optional<UUID> token = form.token();
    Referrals.Submitted submitted =
        token.isPresent()
            ? referrals.recordOnce(
                reader.marac(), referral.get(), token.get(), contentOf(request.getParameterMap()))
            : new Referrals.Submitted(
                referrals.record(reader.marac(), referral.get(), Optional.empty()).id(),
                Referrals.Sending.NEW);
    if (submitted.sending() == Referrals.Sending.CHANGED_SINCE) {
      // the form was recorded before and changed since: shown back, with a new token, to check
      form.setToken(UUID.randomUUID().toString());
      model.addAttribute("sentBefore", submitted.id());
      return view(partnership, reader, response, model);
    }
    flash.addFlashAttribute(
        "message",
        submitted.sending() == Referrals.Sending.SENT_BEFORE
            ? "This referral was already recorded as case "
                + submitted.id()
                + ": it was sent twice, and recorded once"
            : "Referral recorded as case " + submitted.id());
    return "redirect:/p/{slug}/marac/{maracId}/cases/" + submitted.id();
  }

  /** A SHA-256 hash of what the form sent, but its tokens, in a fixed order: no personal data. */
  static String contentOf(Map<String, String[]> parameters) {
    StringBuilder content = new StringBuilder();
    new java.util.TreeMap<>(parameters)
        .forEach(
            (name, values) -> {
              if (!name.equals("_csrf") && !name.equals("token")) {
                content.append(name).append('=').append(String.join("\u0000", values)).append('\n');
              }
            });
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String view(
      Partnership partnership, MaracReader reader, HttpServletResponse response, Model model) {
    MaracPages.noStore(response);
    model.addAttribute("marac", reader.marac());
    model.addAttribute("reader", reader);
    Map<String, String> agencyOptions = new LinkedHashMap<>();
    for (Agency a : agencies.findAll(partnership)) {
      agencyOptions.put(Long.toString(a.id()), a.name() + " (" + a.type().label() + ")");
    }
    model.addAttribute("agencies", agencyOptions);
    model.addAttribute("answers", labels(List.of(Answer.values()), Answer::label));
    model.addAttribute("genders", labels(List.of(Gender.values()), Gender::label));
    model.addAttribute("criteriaOptions", labels(List.of(Criterion.values()), Criterion::label));
    model.addAttribute("daraGrades", labels(List.of(DaraGrade.values()), DaraGrade::label));
    model.addAttribute(
        "idvaOutcomes", labels(List.of(IdvaOfferOutcome.values()), IdvaOfferOutcome::label));
    model.addAttribute("ethnicities", ethnicities());
    model.addAttribute("questions", DashQuestions.all());
    Map<String, String> risk = new LinkedHashMap<>();
    risk.put(ReferralForm.DASH, "DASH risk checklist");
    risk.put(ReferralForm.DARA, "DARA grade (police referrals)");
    risk.put(ReferralForm.NO_ASSESSMENT, "No risk assessment");
    model.addAttribute("riskOptions", risk);
    Map<String, String> consent = new LinkedHashMap<>();
    consent.put("GIVEN", "Yes, the victim consented");
    consent.put("NOT_GIVEN", "No, it is shared without consent");
    model.addAttribute("consentOptions", consent);
    return VIEW;
  }

  /** The ONS 2021 categories in their groups, then each group alone, then not known. */
  static Map<String, Map<String, String>> ethnicities() {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    for (EthnicGroup group : EthnicGroup.values()) {
      if (group == EthnicGroup.NOT_KNOWN) {
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (EthnicCategory c : EthnicCategory.values()) {
        if (c.group() == group) {
          options.put(c.name(), c.fullLabel());
        }
      }
      options.put(ReferralForm.GROUP + group.name(), group.label() + " (category not known)");
      groups.put(group.label(), options);
    }
    groups.put(
        "Not known",
        Map.of(ReferralForm.GROUP + EthnicGroup.NOT_KNOWN.name(), EthnicGroup.NOT_KNOWN.label()));
    return groups;
  }

  private static <T> Map<String, String> labels(
      List<T> values, java.util.function.Function<T, String> label) {
    Map<String, String> map = new LinkedHashMap<>();
    for (T v : values) {
      map.put(((Enum<?>) v).name(), label.apply(v));
    }
    return map;
  }
}
