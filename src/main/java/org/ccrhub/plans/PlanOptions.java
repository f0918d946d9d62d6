package org.ccrhub.plans;

import org.ccrhub.cli.CommandContext;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Option;

/** The options of commands about one plan: the partnership and the plan's name. */
class PlanOptions {

  @Option(names = "--partnership", required = true, paramLabel = "SLUG")
  String partnershipSlug;

  @Option(names = "--plan", required = true, paramLabel = "NAME")
  String planName;

  /** The partnership named; an unknown one is refused with a plain message. */
  Partnership partnership(CommandContext context) {
    return PlanCommands.partnership(context, partnershipSlug);
  }

  /** The plan named, in that partnership; an unknown one is refused with a plain message. */
  DeliveryPlan plan(CommandContext context, Partnership partnership) {
    return context.bean(DeliveryPlans.class).named(partnership, planName);
  }
}
