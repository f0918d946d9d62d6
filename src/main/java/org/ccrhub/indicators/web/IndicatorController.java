package org.ccrhub.indicators.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.indicators.Change;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Observation;
import org.ccrhub.indicators.Performance;
import org.ccrhub.indicators.Series;
import org.ccrhub.indicators.Total;
import org.ccrhub.indicators.ValueRevision;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A partnership's indicators: the dashboard of tiles, and an indicator's own page. */
@Controller
@RequestMapping("/p/{slug}/indicators")
class IndicatorController {

  private static final String VIEW_DASHBOARD = "indicators/dashboard";
  private static final String VIEW_INDICATOR = "indicators/indicator";

  private final Indicators indicators;
  private final IndicatorTiles tiles;
  private final Clock clock;

  IndicatorController(Indicators indicators, IndicatorTiles tiles, Clock clock) {
    this.indicators = indicators;
    this.tiles = tiles;
    this.clock = clock;
  }

  @ModelAttribute("section")
  String section() {
    return "indicators";
  }

  /** A month to choose in a month list. */
  record MonthOption(String value, String label) {}

  /** A line of a summary list: what, and its value or why there is none. */
  record Fact(String key, String value) {}

  /** The recorded values of one area, latest first. */
  record AreaValues(String name, String id, List<ValueRow> rows) {}

  /** One recorded value as shown. */
  record ValueRow(String period, String value, String numerator, String denominator) {}

  /** A value that was changed: from what to what, by whom and when. */
  record RevisionRow(String period, String area, String from, String to, String by, String when) {}

  @GetMapping
  String showDashboard(
      Partnership partnership,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "") String rating,
      HttpServletRequest request,
      Model model) {
    String base = request.getContextPath() + "/p/" + partnership.slug() + "/indicators";
    YearMonth today = Dates.thisMonth(clock);
    // Kept by data version: a dashboard seen before is shown without the partnership's indicator
    // data, which a server hosting hundreds of partnerships keeps for only some of them.
    // Only the months and filters the page links to are kept, so that made-up addresses cannot
    // push other partnerships' dashboards out.
    Indicators.DataVersion version = indicators.version(partnership);
    boolean keepable =
        (to == null || to.isBlank() || to.matches("\\d{4}-\\d{2}"))
            && IndicatorTiles.Filter.parse(rating).value().equals(rating);
    model.addAllAttributes(
        keepable
            ? tiles.dashboard(
                new IndicatorTiles.DashboardKey(partnership.id(), version, to, rating, base, today),
                () -> dashboard(partnership, version, to, rating, base, today))
            : dashboard(partnership, version, to, rating, base, today).view());
    model.addAttribute(
        "recordsValues", IndicatorPages.recordsValues(IndicatorPages.roles(request)));
    return VIEW_DASHBOARD;
  }

  /** What the dashboard shows, from the data; kept only if the data is of the version asked for. */
  private IndicatorTiles.Built dashboard(
      Partnership partnership,
      Indicators.DataVersion version,
      @Nullable String to,
      String rating,
      String base,
      YearMonth today) {
    IndicatorData data = indicators.data(partnership);
    IndicatorPages.MonthChoice choice = IndicatorPages.month(to, data, today);
    IndicatorTiles.Filter filter = IndicatorTiles.Filter.parse(rating);
    IndicatorTiles.Shown shown = tiles.tiles(partnership, data, choice.dataMonth(), filter, base);
    Map<String, Object> view = new java.util.HashMap<>();
    view.put("month", choice.month().toString());
    view.put("monthLabel", IndicatorPages.longMonth(choice.month()));
    view.put("monthError", choice.error());
    view.put("aboutMonth", choice.about());
    view.put("dataMonth", choice.month());
    view.put("missing", choice.dataMonth().missing());
    view.put("withFigures", data.indicators().size() - choice.dataMonth().missing().size());
    view.put("monthOptions", monthOptions(data, choice.month()));
    view.put("rating", filter.value());
    view.put("filterActive", filter.isActive());
    view.put("ratingOptions", ratingOptions(data));
    view.put("tiles", shown.tiles());
    view.put("tilesHtml", shown.html());
    view.put("total", data.indicators().size());
    boolean current = data.version() == version.version() && data.scheme() == version.scheme();
    return new IndicatorTiles.Built(java.util.Collections.unmodifiableMap(view), current);
  }

  @GetMapping("/{id}")
  String showIndicator(
      Partnership partnership,
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String comparator,
      HttpServletRequest request,
      Model model) {
    Indicator indicator = indicators.find(partnership, id);
    IndicatorData data = indicators.data(partnership);
    IndicatorPages.MonthChoice choice = IndicatorPages.month(to, data, Dates.thisMonth(clock));
    YearMonth month = choice.month();
    Performance p = data.performance(indicator, month, comparator);
    String area = p.comparatorArea();

    model.addAttribute("indicator", indicator);
    model.addAttribute("parts", parts(data, indicator));
    model.addAttribute("measures", indicators.links(partnership, indicator));
    model.addAttribute("definition", definition(indicator));
    model.addAttribute("month", month.toString());
    model.addAttribute("monthLabel", IndicatorPages.longMonth(month));
    model.addAttribute("monthError", choice.error());
    model.addAttribute("monthOptions", monthOptions(data, month));
    model.addAttribute("comparator", area);
    model.addAttribute("comparators", data.comparators(indicator));
    model.addAttribute("performance", p);
    model.addAttribute("facts", facts(p));
    model.addAttribute(
        "chart",
        IndicatorChartData.of(data, indicator, partnership.name(), area, p.target(), month));
    model.addAttribute("values", values(data, indicator, partnership));
    model.addAttribute(
        "revisions", revisions(indicators.revisions(partnership, indicator), partnership));
    model.addAttribute(
        "recordsValues",
        IndicatorPages.recordsValues(IndicatorPages.roles(request)) && !indicator.isComposite());
    model.addAttribute(
        "managesIndicators", IndicatorPages.recordsValues(IndicatorPages.roles(request)));
    return VIEW_INDICATOR;
  }

  static List<MonthOption> monthOptions(IndicatorData data, YearMonth shown) {
    return IndicatorPages.monthOptions(data, shown).stream()
        .map(m -> new MonthOption(m.toString(), IndicatorPages.longMonth(m)))
        .toList();
  }

  private static Map<String, String> ratingOptions(IndicatorData data) {
    Map<String, String> options = new LinkedHashMap<>();
    data.scheme().allowed().stream()
        .filter(RagRating::isRating)
        .forEach(r -> options.put(r.name(), r.label()));
    options.put("NOT_RATED", "Not rated");
    return options;
  }

  private static List<Indicator> parts(IndicatorData data, Indicator indicator) {
    return indicator.sumOf().stream().map(data::byRef).flatMap(Optional::stream).toList();
  }

  private static List<Fact> definition(Indicator i) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Description", i.description().isEmpty() ? "None given" : i.description()));
    facts.add(new Fact("Unit", capitalised(i.unit().label())));
    facts.add(new Fact("Which way is better", capitalised(i.polarity().label())));
    facts.add(new Fact("Values arrive", capitalised(i.frequency().label())));
    facts.add(new Fact("Source", i.source().isEmpty() ? "Not recorded" : i.source()));
    facts.add(new Fact("Owner", i.owner().isEmpty() ? "Not recorded" : i.owner()));
    if (i.population() != null) {
      facts.add(new Fact("Population", IndicatorPages.number(i.population())));
    }
    String baseline;
    if (i.baselineValue() != null) {
      baseline =
          IndicatorPages.figure(i.baselineValue(), i.unit())
              + (i.baselinePeriod() == null ? "" : " in " + i.baselinePeriod());
    } else if (i.baselinePeriod() != null) {
      baseline = "The 12 months to the end of " + i.baselinePeriod();
    } else {
      baseline = "None";
    }
    facts.add(new Fact("Baseline", baseline));
    facts.add(new Fact("Target", i.hasTarget() ? i.targetText() : "None"));
    facts.add(
        new Fact(
            "Tolerance",
            IndicatorPages.number(i.tolerancePct()) + "% of the trajectory before Amber"));
    facts.add(new Fact("Published", i.published() ? "Yes, on the public page" : "No"));
    return facts;
  }

  private static List<Fact> facts(Performance p) {
    Indicator i = p.indicator();
    YearMonth m = p.month();
    List<Fact> facts = new ArrayList<>();
    facts.add(
        new Fact(
            "Previous 12 months ("
                + IndicatorPages.shortMonth(m.minusMonths(23))
                + " to "
                + IndicatorPages.shortMonth(m.minusMonths(12))
                + ")",
            figure(p.previous(), i)));
    facts.add(
        new Fact(
            "Current 12 months ("
                + IndicatorPages.shortMonth(m.minusMonths(11))
                + " to "
                + IndicatorPages.shortMonth(m)
                + ")",
            figure(p.current(), i)));
    facts.add(
        new Fact(
            "Change on the previous 12 months",
            p.current().isKnown()
                ? IndicatorTile.trend(p)
                : "No figure for the current 12 months"));
    if (p.baseline() == null) {
      facts.add(new Fact("Baseline", "None"));
    } else {
      facts.add(new Fact("Baseline", figure(p.baseline(), i)));
      facts.add(
          new Fact(
              "Change on the baseline",
              p.changeOnBaseline().isKnown() ? p.changeOnBaseline().words() : "Not defined"));
    }
    YearMonth yearStart = m.minusMonths((m.getMonthValue() + 8) % 12);
    facts.add(
        new Fact(
            "Year to date ("
                + IndicatorPages.shortMonth(yearStart)
                + " to "
                + IndicatorPages.shortMonth(m)
                + ")",
            figure(p.yearToDate(), i)
                + (p.yearToDateLastYear().isKnown()
                    ? "; the same months a year earlier: "
                        + figure(p.yearToDateLastYear(), i)
                        + " ("
                        + change(p.yearToDateChange())
                        + ")"
                    : "")));
    if (p.comparatorArea().isEmpty() || p.comparatorCurrent() == null) {
      facts.add(new Fact("Comparator", "No comparator has values for this indicator"));
    } else {
      facts.add(
          new Fact(
              p.comparatorArea() + ", current 12 months",
              figure(p.comparatorCurrent(), i)
                  + "; "
                  + change(p.comparatorChange())
                  + " on its previous 12 months"));
    }
    facts.add(
        new Fact(
            "Target",
            p.target() == null
                ? (i.hasTarget() ? i.targetText() + " (no baseline to work it out from)" : "None")
                : IndicatorPages.figure(p.target(), i.unit()) + " (" + i.targetText() + ")"));
    facts.add(
        new Fact(
            "Trajectory at " + IndicatorPages.shortMonth(m),
            p.trajectory() == null ? "None" : IndicatorPages.figure(p.trajectory(), i.unit())));
    facts.add(
        new Fact(
            "Behind the trajectory",
            p.behindTrajectoryPct() == null
                ? "Not worked out"
                : p.behindTrajectoryPct().signum() <= 0
                    ? "Not behind: on or ahead of the trajectory"
                    : p.behindTrajectoryPct().toPlainString() + "%"));
    return facts;
  }

  private static String figure(Total total, Indicator i) {
    return total.isKnown()
        ? IndicatorPages.figure(total.ratio(), i.unit())
        : "No figure: " + (total.missing().isEmpty() ? "not defined" : total.missing());
  }

  /**
   * A change in words within a sentence, {@code down 0.5 points (1.6%)} or {@code down 7.2%}, or
   * {@code change not defined}.
   */
  private static String change(Change change) {
    if (!change.isKnown()) {
      return "change not defined";
    }
    String words = change.words();
    return Character.toLowerCase(words.charAt(0)) + words.substring(1);
  }

  private static List<AreaValues> values(
      IndicatorData data, Indicator indicator, Partnership partnership) {
    List<AreaValues> areas = new ArrayList<>();
    List<String> names = new ArrayList<>();
    names.add(IndicatorData.OWN_AREA);
    names.addAll(data.comparators(indicator));
    int n = 0;
    for (String area : names) {
      n++;
      Series series = data.series(indicator, area);
      List<ValueRow> rows = new ArrayList<>();
      List<Observation> observations = series.observations();
      for (int k = observations.size() - 1; k >= 0; k--) {
        Observation o = observations.get(k);
        Total figure = series.figure(o);
        rows.add(
            new ValueRow(
                o.period().label(),
                figure.isKnown() ? IndicatorPages.figure(figure.ratio(), indicator.unit()) : "",
                IndicatorPages.number(o.numerator()),
                IndicatorPages.number(o.denominator())));
      }
      if (!rows.isEmpty() || area.isEmpty()) {
        areas.add(new AreaValues(area.isEmpty() ? partnership.name() : area, "values-" + n, rows));
      }
    }
    return areas;
  }

  /** The changes to values recorded more than once, latest first within each area. */
  static List<RevisionRow> revisions(List<ValueRevision> all, Partnership partnership) {
    List<RevisionRow> rows = new ArrayList<>();
    // ordered by area, period (latest first), revision (latest first)
    for (int k = 0; k + 1 < all.size(); k++) {
      ValueRevision newer = all.get(k);
      ValueRevision older = all.get(k + 1);
      if (newer.area().equals(older.area()) && newer.period().equals(older.period())) {
        rows.add(
            new RevisionRow(
                label(newer.period()),
                newer.area().isEmpty() ? partnership.name() : newer.area(),
                text(older),
                text(newer),
                newer.recordedBy(),
                IndicatorPages.when(newer.recordedAt().toInstant())));
      }
    }
    return rows;
  }

  private static String label(String period) {
    try {
      return org.ccrhub.indicators.IndicatorPeriod.parse(period).label();
    } catch (RuntimeException e) {
      return period;
    }
  }

  private static String text(ValueRevision r) {
    if (r.numerator() != null) {
      return IndicatorPages.number(r.numerator())
          + " out of "
          + (r.denominator() == null ? "the population" : IndicatorPages.number(r.denominator()));
    }
    return IndicatorPages.number(r.value());
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
