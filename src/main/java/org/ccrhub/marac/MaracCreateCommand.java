package org.ccrhub.marac;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ccrhub.cli.CommandContext;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marac create}: a new MARAC of a partnership with its settings. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Create a MARAC of a partnership. Settings left out take the SafeLives defaults; all can be"
            + " changed later on the MARAC's settings page.")
final class MaracCreateCommand implements Callable<Integer> {
  private final CommandContext context;
  @Spec CommandSpec spec;

  @Option(names = "--partnership", required = true, paramLabel = "SLUG")
  String partnershipSlug;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "e.g. \"Haringey MARAC\"")
  String name;

  @Option(
      names = "--adult-female-population",
      required = true,
      paramLabel = "N",
      description = "Women and girls aged 16 and over in the MARAC's area, e.g. 112350.")
  long population;

  @Option(
      names = "--dash-threshold",
      paramLabel = "N",
      description = "DASH score for visible high risk (default 14).")
  int dashThreshold = MaracSettings.DEFAULT_DASH_THRESHOLD;

  @Option(
      names = "--escalation-incidents",
      paramLabel = "N",
      description = "Police-reported incidents in 12 months for potential escalation (default 3).")
  int escalationIncidents = MaracSettings.DEFAULT_ESCALATION_INCIDENTS;

  @Option(
      names = "--meets",
      paramLabel = "FREQUENCY",
      description = "weekly, fortnightly or monthly (default monthly).")
  String meets = "monthly";

  MaracCreateCommand(CommandContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Partnership partnership = context.bean(Partnerships.class).named(partnershipSlug);
    MaracSettings settings =
        new MaracSettings(
            dashThreshold,
            escalationIncidents,
            MaracSettings.DEFAULT_ESCALATION_WINDOW_MONTHS,
            MaracSettings.DEFAULT_REPEAT_WINDOW_MONTHS,
            MaracSettings.DEFAULT_RESEARCH_RELEASE_DAYS,
            MaracSettings.DEFAULT_RETENTION_YEARS,
            population,
            MaracSettings.DEFAULT_AUDIT_SAMPLE_SIZE,
            MaracSettings.DEFAULT_AUDIT_INTERVAL_MONTHS);
    Marac marac = context.bean(Maracs.class).create(partnership, name, settings, frequency(meets));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Created %s in %s: DASH threshold %d, potential escalation at %d police-reported"
            + " incidents in %d months, adult female population %d.%n",
        marac.name(),
        partnership.slug(),
        settings.dashThreshold(),
        settings.escalationIncidents(),
        settings.escalationWindowMonths(),
        settings.adultFemalePopulation());
    out.println(
        "Next: give it a coordinator with marac role grant --role MARAC_COORDINATOR --email ...");
    return 0;
  }

  static MeetingFrequency frequency(String text) {
    try {
      return MeetingFrequency.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "How often the MARAC meets must be weekly, fortnightly or monthly, not " + text.strip());
    }
  }
}
