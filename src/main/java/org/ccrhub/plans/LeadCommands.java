package org.ccrhub.plans;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.partnership.PersonAccounts;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lead assign} and {@code lead list}: the people who update the actions of a plan's leads.
 */
@Command(
    name = "lead",
    mixinStandardHelpOptions = true,
    description = "Map the leads of a plan to the people who update their actions.",
    subcommands = {LeadCommands.Assign.class, LeadCommands.ListLeads.class})
public final class LeadCommands implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: lead assign|list");
  }

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description =
          "Add users to the people a lead of a plan is mapped to, so that they update every action"
              + " that names the lead (in this plan and in later plans that name it the same way)."
              + " A user with no person in the directory gets one, from their name and email.")
  static final class Assign implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Mixin PlanOptions which;

    @Option(
        names = "--lead",
        required = true,
        paramLabel = "LEAD",
        description = "A lead as the plan names it, e.g. \"Council\" (spaces and capitals aside).")
    String lead;

    @Option(
        names = "--email",
        required = true,
        paramLabel = "EMAIL",
        description = "A user of the partnership; repeat for several.")
    List<String> emails;

    Assign(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership p = which.partnership(context);
      DeliveryPlan deliveryPlan = which.plan(context, p);
      ActionLeads leads = context.bean(ActionLeads.class);
      Lead found =
          leads
              .lead(deliveryPlan, lead)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "The plan '"
                              + which.planName
                              + "' names no lead '"
                              + lead
                              + "'. Its leads are: "
                              + leads.leads(deliveryPlan).stream()
                                  .map(Lead::text)
                                  .collect(Collectors.joining("; "))));
      List<Member> members = context.bean(Accounts.class).members(p.id());
      List<Member> users = new ArrayList<>();
      for (String email : new LinkedHashSet<>(emails)) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        users.add(
            members.stream()
                .filter(m -> m.email().equals(wanted))
                .findFirst()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "No user of " + which.partnershipSlug + " has the email " + email)));
      }
      PrintWriter out = spec.commandLine().getOut();
      PersonAccounts personAccounts = context.bean(PersonAccounts.class);
      Set<Long> personIds = new LinkedHashSet<>();
      for (Member user : users) {
        boolean had = personAccounts.personOf(p, user.accountId()).isPresent();
        var person =
            personAccounts.personFor(p, user.accountId(), user.displayName(), user.email());
        if (!had) {
          out.printf(
              "%s had no person in the directory: added %s and linked it to their account.%n",
              user.email(), person.name());
        }
        personIds.add(person.personId());
      }
      ActionLeads.Assigned assigned = leads.add(p, deliveryPlan, found.text(), personIds);
      Lead now = assigned.lead();
      List<LeadPerson> added = assigned.added();
      out.printf(
          "Lead \"%s\" of %s: %s.%n",
          now.text(),
          deliveryPlan.name(),
          added.isEmpty()
              ? "already mapped to " + names(added(now, personIds))
              : "added " + names(added));
      out.printf("Now mapped to %s.%n", names(now.people()));
      for (LeadPerson person : now.people()) {
        if (personIds.contains(person.personId())) {
          person
              .whyNotUpdating()
              .ifPresent(why -> out.printf("Warning: %s: %s.%n", person.name(), why));
        }
      }
      out.printf(
          "%d %s naming it %s.%n",
          now.actions(),
          now.actions() == 1 ? "action" : "actions",
          now.mapped()
              ? (now.actions() == 1 ? "has" : "have")
                  + " "
                  + now.accountIds().size()
                  + (now.accountIds().size() == 1 ? " person" : " people")
                  + " to update "
                  + (now.actions() == 1 ? "it" : "them")
              : (now.actions() == 1 ? "has" : "have") + " nobody to update them yet");
      List<Lead> unmapped = leads.unmapped(deliveryPlan);
      out.printf(
          "%s of the plan's leads %s nobody to update their actions.%n",
          unmapped.size(), unmapped.size() == 1 ? "has" : "have");
      return 0;
    }

    private static List<LeadPerson> added(Lead lead, Set<Long> personIds) {
      return lead.people().stream().filter(p -> personIds.contains(p.personId())).toList();
    }

    private static String names(List<LeadPerson> people) {
      return people.isEmpty()
          ? "nobody"
          : people.stream().map(LeadPerson::label).collect(Collectors.joining("; "));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the leads of a plan as CSV: lead, the number of actions that name it, and the"
              + " people it is mapped to (separated by semicolons).")
  static final class ListLeads implements Callable<Integer> {
    private final CommandContext context;
    @Spec CommandSpec spec;

    @Mixin PlanOptions which;

    ListLeads(CommandContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Partnership p = which.partnership(context);
      DeliveryPlan deliveryPlan = which.plan(context, p);
      List<Lead> leads = context.bean(ActionLeads.class).leads(deliveryPlan);
      List<List<String>> rows = new ArrayList<>();
      for (Lead lead : leads) {
        rows.add(
            List.of(
                lead.text(),
                String.valueOf(lead.actions()),
                lead.people().stream().map(LeadPerson::name).collect(Collectors.joining("; "))));
      }
      context
          .bean(AuditTrail.class)
          .record(
              AuditEntry.success(
                  "READ",
                  "Leads",
                  deliveryPlan.id(),
                  p.id(),
                  "Listed the leads of " + deliveryPlan.name() + " (" + leads.size() + ")"));
      PrintWriter out = spec.commandLine().getOut();
      out.print(
          new String(
              TableWriter.csv(List.of("lead", "actions", "people"), rows), StandardCharsets.UTF_8));
      out.flush();
      return 0;
    }
  }
}
