package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ccrhub.plans.ActionLeads;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.Lead;
import org.ccrhub.plans.LeadPerson;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.Refs;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
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
 * The leads of a plan and the people they are mapped to, for administrators and strategic leads:
 * one form per lead maps it for every action that names it. A lead is addressed by its number in
 * the plan's alphabetical list of leads and posted by its text, never put in an address: a lead can
 * be a person's name.
 */
@Controller
@RequestMapping("/p/{slug}/plans/{planId}/leads")
class LeadController {

  private static final String VIEW_LEADS = "plans/plan-leads";
  private static final String VIEW_LEAD_FORM = "plans/lead-form";
  private static final String REDIRECT_LEADS = "redirect:/p/{slug}/plans/{planId}/leads";

  private final DeliveryPlans plans;
  private final ActionLeads leads;

  LeadController(DeliveryPlans plans, ActionLeads leads) {
    this.plans = plans;
    this.leads = leads;
  }

  @ModelAttribute("section")
  String section() {
    return "plans";
  }

  /** A lead as the list shows it, with its number (its place in the alphabetical list). */
  record Row(int number, Lead lead) {}

  /** A person to choose for a lead, and why their account would not update its actions. */
  record Choice(String value, String label, Optional<String> note) {}

  @GetMapping
  String showLeads(
      Partnership partnership, @PathVariable long planId, HttpServletRequest request, Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    List<Lead> all = leads.leads(plan);
    List<Row> rows =
        java.util.stream.IntStream.range(0, all.size())
            .mapToObj(i -> new Row(i + 1, all.get(i)))
            .sorted(Comparator.comparingInt(LeadController::urgency))
            .toList();
    model.addAttribute("plan", plan);
    model.addAttribute("rows", rows);
    model.addAttribute("unmapped", all.stream().filter(l -> !l.mapped()).count());
    return VIEW_LEADS;
  }

  /** Nobody mapped first, then people who cannot update, then the leads that are done. */
  private static int urgency(Row row) {
    return row.lead().people().isEmpty() ? 0 : row.lead().mapped() ? 2 : 1;
  }

  @GetMapping("/{number}")
  String initLeadForm(
      Partnership partnership,
      @PathVariable String number,
      @PathVariable long planId,
      HttpServletRequest request,
      Model model) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    Lead lead = numbered(plan, number);
    model.addAttribute(
        "form",
        LeadForm.of(lead.text(), lead.people().stream().map(LeadPerson::personId).toList()));
    return formView(partnership, plan, number, lead, model);
  }

  @PostMapping("/{number}")
  String processLeadForm(
      Partnership partnership,
      @PathVariable long planId,
      @PathVariable String number,
      @ModelAttribute("form") LeadForm form,
      BindingResult ignored,
      HttpServletRequest request,
      RedirectAttributes flash) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanPages.requireManager(request);
    // the lead posted, which the number only led to: the list may have changed since
    Lead lead = leads.lead(plan, form.getLead()).orElseThrow(() -> new NotFoundException("Lead"));
    Lead saved = leads.assign(partnership, plan, lead.text(), form.personIds()).lead();
    flash.addFlashAttribute("message", message(saved));
    return REDIRECT_LEADS;
  }

  private static String message(Lead lead) {
    String actions = lead.actions() + (lead.actions() == 1 ? " action" : " actions");
    if (lead.people().isEmpty()) {
      return lead.text() + " is not mapped to anyone now";
    }
    String people = lead.people().size() + (lead.people().size() == 1 ? " person" : " people");
    return lead.mapped()
        ? lead.text()
            + " is mapped to "
            + people
            + ": its "
            + actions
            + " have someone to update them"
        : lead.text()
            + " is mapped to "
            + people
            + ", but none of them has an account that updates actions";
  }

  private Lead numbered(DeliveryPlan plan, String number) {
    List<Lead> all = leads.leads(plan);
    if (!number.matches("\\d{1,6}")) {
      throw new NotFoundException("Lead");
    }
    int n = Integer.parseInt(number);
    if (n < 1 || n > all.size()) {
      throw new NotFoundException("Lead");
    }
    return all.get(n - 1);
  }

  private String formView(
      Partnership partnership, DeliveryPlan plan, String number, Lead lead, Model model) {
    List<String> refs =
        plans.actions(plan).stream()
            .filter(a -> a.leads().stream().anyMatch(l -> Lead.keyOf(l).equals(lead.key())))
            .map(PlanAction::ref)
            .sorted(Refs.NATURAL_ORDER)
            .toList();
    List<Choice> choices =
        leads.people(partnership).stream()
            .map(p -> new Choice(String.valueOf(p.personId()), p.label(), p.whyNotUpdating()))
            .toList();
    model.addAttribute("plan", plan);
    model.addAttribute("number", number);
    model.addAttribute("lead", lead);
    model.addAttribute("refs", refs);
    model.addAttribute("choices", choices);
    return VIEW_LEAD_FORM;
  }
}
