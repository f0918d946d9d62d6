package org.ccrhub.indicators;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.plans.Refs;
import org.ccrhub.shared.AdvisoryLock;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's indicators and their values, read and recorded. Every query is scoped to the
 * partnership. Values are never overwritten: recording a different value adds a revision, and
 * recording the same value again changes nothing.
 *
 * <p>{@link #data} is kept per partnership while its data version and RAG scheme are unchanged;
 * every change moves the version on, so kept data is never out of date.
 */
@Service
public class Indicators {

  /** What saving a definition did. */
  public enum Saved {
    CREATED,
    CHANGED,
    UNCHANGED
  }

  /** How many values a recording added as new revisions, and how many were already so. */
  public record Recorded(int recorded, int unchanged) {}

  private static final Comparator<Indicator> BY_REF =
      Comparator.comparing(Indicator::ref, Refs.NATURAL_ORDER);

  private final JdbcClient jdbc;

  /**
   * Each partnership's data as of its version, for the partnerships used most recently: a server
   * that hosts hundreds of partnerships keeps the busiest, not all of them.
   */
  private final Map<Long, IndicatorData> kept;

  Indicators(
      JdbcClient jdbc, @Value("${ccr.indicators.kept-partnerships:16}") int keptPartnerships) {
    this.jdbc = jdbc;
    this.kept =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Long, IndicatorData> eldest) {
                return size() > Math.max(1, keptPartnerships);
              }
            });
  }

  /** The partnership's indicators in natural ref order. */
  @Transactional(readOnly = true)
  public List<Indicator> findAll(Partnership partnership) {
    return load(partnership);
  }

  @Transactional(readOnly = true)
  public Indicator find(Partnership partnership, long id) {
    return load(partnership).stream()
        .filter(i -> i.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Indicator"));
  }

  @Transactional(readOnly = true)
  public Optional<Indicator> findByRef(Partnership partnership, String ref) {
    return load(partnership).stream()
        .filter(i -> i.ref().equalsIgnoreCase(ref.strip()))
        .findFirst();
  }

  /** A partnership's indicator data version and RAG scheme: what its data and views are kept by. */
  public record DataVersion(long version, RagScheme scheme) {}

  /**
   * The partnership's data version and RAG scheme now (one small query): a view worked out from the
   * data and kept under them is still right while they are unchanged.
   */
  @Transactional(readOnly = true)
  public DataVersion version(Partnership partnership) {
    return jdbc.sql(
            """
            select coalesce(v.version, 0), p.rag_scheme from partnership p
            left join indicator_data_version v on v.partnership_id = p.id
            where p.id = :p
            """)
        .param("p", partnership.id())
        .query((rs, n) -> new DataVersion(rs.getLong(1), RagScheme.valueOf(rs.getString(2))))
        .single();
  }

  /** The partnership's indicators with their current values, kept until they change. */
  @Transactional(readOnly = true)
  public IndicatorData data(Partnership partnership) {
    DataVersion key = version(partnership);
    long version = key.version();
    RagScheme scheme = key.scheme();
    IndicatorData data = kept.get(partnership.id());
    if (data != null && data.version() == version && data.scheme() == scheme) {
      return data;
    }
    data = loadData(partnership, version, scheme);
    kept.put(partnership.id(), data);
    return data;
  }

  /**
   * The indicators off target at the month pages show by default (the data month), worked out once
   * per data version and month: a home page asks for it at every visit.
   *
   * @param thisMonth the month of today, which no default month is after
   */
  @Transactional(readOnly = true)
  public OffTarget offTarget(Partnership partnership, java.time.YearMonth thisMonth) {
    IndicatorData data = data(partnership);
    java.time.YearMonth month = data.shownMonth(thisMonth);
    OffTargetKey key = new OffTargetKey(partnership.id(), data.version(), data.scheme(), month);
    return offTarget.computeIfAbsent(key, k -> OffTarget.of(data, month));
  }

  private record OffTargetKey(
      long partnership, long version, RagScheme scheme, java.time.YearMonth month) {}

  private final Map<OffTargetKey, OffTarget> offTarget =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<OffTargetKey, OffTarget> eldest) {
              return size() > 16;
            }
          });

  /**
   * Creates the indicator, or updates the one with its ref, keeping the plan outcomes and actions
   * it is linked to. The id and version of {@code definition} are ignored; its {@code sumOf} refs
   * must name indicators that exist.
   */
  @Transactional
  public Saved save(Partnership partnership, Indicator definition) {
    return save(partnership, definition, null);
  }

  /**
   * Creates the indicator, or updates the one with its ref, and links it to these plan outcomes and
   * actions instead of those it had ({@code null} keeps them). Outcomes and actions of other
   * partnerships' plans are left out. A definition and links equal to the indicator's change
   * nothing.
   */
  @Transactional
  public Saved save(Partnership partnership, Indicator definition, @Nullable IndicatorLinks links) {
    AdvisoryLock.INDICATOR_VALUES.lock(jdbc, partnership.id());
    Optional<Indicator> existing = findByRef(partnership, definition.ref());
    if (existing.isPresent()
        && sameDefinition(existing.get(), definition)
        && (links == null || links.equals(storedLinks(partnership, existing.get().id())))) {
      return Saved.UNCHANGED;
    }
    long id;
    var statement =
        jdbc.sql(
                existing.isPresent()
                    ? """
                      update indicator set ref = :ref, name = :name, description = :description,
                        unit = :unit, polarity = :polarity, frequency = :frequency, source = :source,
                        owner = :owner, population = :population,
                        baseline_period = :baselinePeriod, baseline_value = :baselineValue,
                        target_period = :targetPeriod, target_value = :targetValue,
                        target_change_pct = :targetChangePct,
                        target_change_points = :targetChangePoints, tolerance_pct = :tolerance,
                        published = :published, version = version + 1
                      where partnership_id = :p and id = :id returning id
                      """
                    : """
                      insert into indicator (partnership_id, ref, name, description, unit, polarity,
                        frequency, source, owner, population, baseline_period, baseline_value,
                        target_period, target_value, target_change_pct, target_change_points,
                        tolerance_pct, published)
                      values (:p, :ref, :name, :description, :unit, :polarity, :frequency, :source,
                        :owner, :population, :baselinePeriod, :baselineValue, :targetPeriod,
                        :targetValue, :targetChangePct, :targetChangePoints, :tolerance, :published)
                      returning id
                      """)
            .param("p", partnership.id())
            .param("id", existing.map(Indicator::id).orElse(0L))
            .param("ref", definition.ref().strip())
            .param("name", definition.name().strip())
            .param("description", definition.description().strip())
            .param("unit", definition.unit().name())
            .param("polarity", definition.polarity().name())
            .param("frequency", definition.frequency().name())
            .param("source", definition.source().strip())
            .param("owner", definition.owner().strip())
            .param("population", definition.population())
            .param("baselinePeriod", text(definition.baselinePeriod()))
            .param("baselineValue", definition.baselineValue())
            .param("targetPeriod", text(definition.targetPeriod()))
            .param("targetValue", definition.targetValue())
            .param("targetChangePct", definition.targetChangePct())
            .param("targetChangePoints", definition.targetChangePoints())
            .param("tolerance", definition.tolerancePct())
            .param("published", definition.published());
    id = statement.query(Long.class).single();
    jdbc.sql("delete from indicator_part where indicator_id = :id").param("id", id).update();
    for (String part : definition.sumOf()) {
      jdbc.sql(
              """
              insert into indicator_part (indicator_id, part_id)
              select :id, id from indicator where partnership_id = :p and lower(ref) = lower(:ref)
              """)
          .param("id", id)
          .param("p", partnership.id())
          .param("ref", part.strip())
          .update();
    }
    if (links != null) {
      link(partnership, id, links);
    }
    changed(partnership);
    return existing.isPresent() ? Saved.CHANGED : Saved.CREATED;
  }

  /**
   * The plan outcomes and actions the indicator measures, each with its plan: by plan name, then
   * outcomes and actions in natural ref order.
   */
  @Transactional(readOnly = true)
  public List<IndicatorLink> links(Partnership partnership, Indicator indicator) {
    List<IndicatorLink> links =
        new ArrayList<>(
            jdbc.sql(
                    """
                    select d.id as plan_id, d.name as plan_name, false as is_action, o.id,
                      coalesce(o.ref, '') as ref, o.title
                    from indicator_outcome x
                    join indicator i on i.id = x.indicator_id
                    join plan_outcome o on o.id = x.outcome_id
                    join delivery_plan d on d.id = o.plan_id
                    where i.partnership_id = :p and d.partnership_id = :p and i.id = :id
                    union all
                    select d.id, d.name, true, a.id, a.ref, a.text
                    from indicator_action x
                    join indicator i on i.id = x.indicator_id
                    join plan_action a on a.id = x.action_id
                    join delivery_plan d on d.id = a.plan_id
                    where i.partnership_id = :p and d.partnership_id = :p and i.id = :id
                    """)
                .param("p", partnership.id())
                .param("id", indicator.id())
                .query(
                    (rs, n) ->
                        new IndicatorLink(
                            rs.getLong("plan_id"),
                            rs.getString("plan_name"),
                            rs.getBoolean("is_action"),
                            rs.getLong("id"),
                            rs.getString("ref"),
                            rs.getString("title")))
                .list());
    links.sort(
        Comparator.comparing((IndicatorLink l) -> l.planName().toLowerCase(Locale.ROOT))
            .thenComparingLong(IndicatorLink::planId)
            .thenComparing(IndicatorLink::ref, Refs.NATURAL_ORDER)
            .thenComparing(IndicatorLink::action)
            .thenComparing(IndicatorLink::title));
    return links;
  }

  /** The ids of the plan outcomes and actions the partnership's indicator is linked to. */
  private IndicatorLinks storedLinks(Partnership partnership, long indicatorId) {
    Set<Long> outcomes = new HashSet<>();
    Set<Long> actions = new HashSet<>();
    jdbc.sql(
            """
            select false, x.outcome_id from indicator_outcome x
            join indicator i on i.id = x.indicator_id
            where i.partnership_id = :p and i.id = :id
            union all
            select true, x.action_id from indicator_action x
            join indicator i on i.id = x.indicator_id
            where i.partnership_id = :p and i.id = :id
            """)
        .param("p", partnership.id())
        .param("id", indicatorId)
        .query(
            (ResultSet rs) -> {
              (rs.getBoolean(1) ? actions : outcomes).add(rs.getLong(2));
            });
    return new IndicatorLinks(outcomes, actions);
  }

  /**
   * Links the indicator to these outcomes and actions of the partnership's plans, and no others.
   */
  private void link(Partnership partnership, long indicatorId, IndicatorLinks links) {
    jdbc.sql("delete from indicator_outcome where indicator_id = :id")
        .param("id", indicatorId)
        .update();
    jdbc.sql("delete from indicator_action where indicator_id = :id")
        .param("id", indicatorId)
        .update();
    if (!links.outcomeIds().isEmpty()) {
      jdbc.sql(
              """
              insert into indicator_outcome (indicator_id, outcome_id)
              select :id, o.id from plan_outcome o join delivery_plan d on d.id = o.plan_id
              where d.partnership_id = :p and o.id in (:ids)
              """)
          .param("id", indicatorId)
          .param("p", partnership.id())
          .param("ids", List.copyOf(links.outcomeIds()))
          .update();
    }
    if (!links.actionIds().isEmpty()) {
      jdbc.sql(
              """
              insert into indicator_action (indicator_id, action_id)
              select :id, a.id from plan_action a join delivery_plan d on d.id = a.plan_id
              where d.partnership_id = :p and a.id in (:ids)
              """)
          .param("id", indicatorId)
          .param("p", partnership.id())
          .param("ids", List.copyOf(links.actionIds()))
          .update();
    }
  }

  /**
   * Records values: a value that differs from the current one (or is new) is added as a revision;
   * one equal to the current value changes nothing. The indicators must be the partnership's.
   */
  @Transactional
  public Recorded record(Partnership partnership, List<ValueEntry> entries, String recordedBy) {
    Map<String, BigDecimal[]> current = new HashMap<>();
    List<Long> ids = entries.stream().map(ValueEntry::indicatorId).distinct().toList();
    if (ids.isEmpty()) {
      return new Recorded(0, 0);
    }
    // the current values are read under the lock, so two nodes recording the same value add it once
    AdvisoryLock.INDICATOR_VALUES.lock(jdbc, partnership.id());
    jdbc.sql(
            """
            select distinct on (v.indicator_id, v.area, v.period)
              v.indicator_id, v.area, v.period, v.value, v.numerator, v.denominator
            from indicator_value v join indicator i on i.id = v.indicator_id
            where i.partnership_id = :p and v.indicator_id in (:ids)
            order by v.indicator_id, v.area, v.period, v.id desc
            """)
        .param("p", partnership.id())
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              current.put(
                  key(rs.getLong(1), rs.getString(2), rs.getString(3)),
                  new BigDecimal[] {rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)});
            });
    List<Long> own =
        jdbc.sql("select id from indicator where partnership_id = :p and id in (:ids)")
            .param("p", partnership.id())
            .param("ids", ids)
            .query(Long.class)
            .list();
    int recorded = 0;
    int unchanged = 0;
    for (ValueEntry e : entries) {
      if (!own.contains(e.indicatorId())) {
        throw new NotFoundException("Indicator");
      }
      BigDecimal[] was = current.get(key(e.indicatorId(), e.area(), e.period().toString()));
      if (was != null && e.sameAs(was[0], was[1], was[2])) {
        unchanged++;
        continue;
      }
      jdbc.sql(
              """
              insert into indicator_value
                (indicator_id, area, period, value, numerator, denominator, recorded_by)
              values (:i, :area, :period, :value, :numerator, :denominator, :by)
              """)
          .param("i", e.indicatorId())
          .param("area", e.area().strip())
          .param("period", e.period().toString())
          .param("value", e.value())
          .param("numerator", e.numerator())
          .param("denominator", e.denominator())
          .param("by", recordedBy)
          .update();
      current.put(
          key(e.indicatorId(), e.area(), e.period().toString()),
          new BigDecimal[] {e.value(), e.numerator(), e.denominator()});
      recorded++;
    }
    if (recorded > 0) {
      changed(partnership);
    }
    return new Recorded(recorded, unchanged);
  }

  /** Every recorded version of the indicator's values, latest period first, latest first. */
  @Transactional(readOnly = true)
  public List<ValueRevision> revisions(Partnership partnership, Indicator indicator) {
    return jdbc.sql(
            """
            select v.* from indicator_value v join indicator i on i.id = v.indicator_id
            where i.partnership_id = :p and v.indicator_id = :id
            order by v.area, v.period desc, v.id desc
            """)
        .param("p", partnership.id())
        .param("id", indicator.id())
        .query(
            (rs, n) ->
                new ValueRevision(
                    rs.getLong("id"),
                    rs.getString("area"),
                    rs.getString("period"),
                    rs.getBigDecimal("value"),
                    rs.getBigDecimal("numerator"),
                    rs.getBigDecimal("denominator"),
                    rs.getString("recorded_by"),
                    rs.getObject("recorded_at", OffsetDateTime.class)))
        .list();
  }

  /** Moves the partnership's indicator data version on after a change. */
  void changed(Partnership partnership) {
    jdbc.sql(
            """
            insert into indicator_data_version (partnership_id, version) values (:p, 1)
            on conflict (partnership_id)
            do update set version = indicator_data_version.version + 1
            """)
        .param("p", partnership.id())
        .update();
  }

  private List<Indicator> load(Partnership partnership) {
    Map<Long, List<String>> parts = new HashMap<>();
    jdbc.sql(
            """
            select x.indicator_id, p.ref from indicator_part x
            join indicator p on p.id = x.part_id
            where p.partnership_id = :p
            """)
        .param("p", partnership.id())
        .query(
            (ResultSet rs) -> {
              parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    parts.values().forEach(refs -> refs.sort(Refs.NATURAL_ORDER));
    List<Indicator> indicators =
        new ArrayList<>(
            jdbc.sql("select * from indicator where partnership_id = :p")
                .param("p", partnership.id())
                .query((rs, n) -> map(rs, parts.getOrDefault(rs.getLong("id"), List.of())))
                .list());
    indicators.sort(BY_REF);
    return indicators;
  }

  private IndicatorData loadData(Partnership partnership, long version, RagScheme scheme) {
    List<Indicator> indicators = load(partnership);
    Map<Long, Map<String, List<Observation>>> values = new HashMap<>();
    jdbc.sql(
            """
            select distinct on (v.indicator_id, v.area, v.period)
              v.indicator_id, v.area, v.period, v.value, v.numerator, v.denominator
            from indicator_value v join indicator i on i.id = v.indicator_id
            where i.partnership_id = :p
            order by v.indicator_id, v.area, v.period, v.id desc
            """)
        .param("p", partnership.id())
        .query(
            (ResultSet rs) -> {
              values
                  .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                  .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                  .add(
                      new Observation(
                          IndicatorPeriod.parse(rs.getString(3)),
                          rs.getBigDecimal(4),
                          rs.getBigDecimal(5),
                          rs.getBigDecimal(6)));
            });
    Map<Long, Map<String, Series>> series = new HashMap<>();
    Map<String, Indicator> byRef = new LinkedHashMap<>();
    indicators.forEach(i -> byRef.put(i.ref().toLowerCase(java.util.Locale.ROOT), i));
    for (Indicator i : indicators) {
      Map<String, Series> byArea = new HashMap<>();
      values
          .getOrDefault(i.id(), Map.of())
          .forEach((area, obs) -> byArea.put(area, new Series(i.unit(), i.population(), obs)));
      series.put(i.id(), byArea);
    }
    for (Indicator i : indicators) {
      if (i.isComposite()) {
        series.put(i.id(), composite(i, byRef, series, new ArrayList<>()));
      }
    }
    return new IndicatorData(version, scheme, indicators, series);
  }

  /** A composite's series per area: the sum of its parts' (themselves perhaps composites). */
  private static Map<String, Series> composite(
      Indicator indicator,
      Map<String, Indicator> byRef,
      Map<Long, Map<String, Series>> series,
      List<Long> visiting) {
    if (visiting.contains(indicator.id())) {
      return Map.of();
    }
    visiting.add(indicator.id());
    List<Map<String, Series>> parts = new ArrayList<>();
    for (String ref : indicator.sumOf()) {
      Indicator part = byRef.get(ref.toLowerCase(java.util.Locale.ROOT));
      if (part != null) {
        parts.add(
            part.isComposite()
                ? composite(part, byRef, series, visiting)
                : series.getOrDefault(part.id(), Map.of()));
      }
    }
    Map<String, Series> byArea = new HashMap<>();
    if (!parts.isEmpty()) {
      for (String area : parts.get(0).keySet()) {
        List<Series> inArea =
            parts.stream().map(p -> p.get(area)).filter(Objects::nonNull).toList();
        if (inArea.size() == parts.size()) {
          byArea.put(area, Series.sum(indicator.unit(), inArea));
        }
      }
    }
    visiting.remove(indicator.id());
    return byArea;
  }

  private static String key(long indicator, String area, String period) {
    return indicator + "\u0000" + area.strip() + "\u0000" + period;
  }

  private static @Nullable String text(@Nullable IndicatorPeriod period) {
    return period == null ? null : period.toString();
  }

  private static boolean sameDefinition(Indicator a, Indicator b) {
    return a.ref().equals(b.ref().strip())
        && a.name().equals(b.name().strip())
        && a.description().equals(b.description().strip())
        && a.unit() == b.unit()
        && a.polarity() == b.polarity()
        && a.frequency() == b.frequency()
        && a.source().equals(b.source().strip())
        && a.owner().equals(b.owner().strip())
        && same(a.population(), b.population())
        && Objects.equals(a.baselinePeriod(), b.baselinePeriod())
        && same(a.baselineValue(), b.baselineValue())
        && Objects.equals(a.targetPeriod(), b.targetPeriod())
        && same(a.targetValue(), b.targetValue())
        && same(a.targetChangePct(), b.targetChangePct())
        && same(a.targetChangePoints(), b.targetChangePoints())
        && same(a.tolerancePct(), b.tolerancePct())
        && a.published() == b.published()
        && a.sumOf().stream()
            .map(String::toLowerCase)
            .sorted()
            .toList()
            .equals(b.sumOf().stream().map(s -> s.strip().toLowerCase()).sorted().toList());
  }

  private static boolean same(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static Indicator map(ResultSet rs, List<String> parts) throws SQLException {
    String baselinePeriod = rs.getString("baseline_period");
    String targetPeriod = rs.getString("target_period");
    return new Indicator(
        rs.getLong("id"),
        rs.getString("ref"),
        rs.getString("name"),
        rs.getString("description"),
        Unit.valueOf(rs.getString("unit")),
        Polarity.valueOf(rs.getString("polarity")),
        Frequency.valueOf(rs.getString("frequency")),
        rs.getString("source"),
        rs.getString("owner"),
        rs.getBigDecimal("population"),
        baselinePeriod == null ? null : IndicatorPeriod.parse(baselinePeriod),
        rs.getBigDecimal("baseline_value"),
        targetPeriod == null ? null : IndicatorPeriod.parse(targetPeriod),
        rs.getBigDecimal("target_value"),
        rs.getBigDecimal("target_change_pct"),
        rs.getBigDecimal("target_change_points"),
        rs.getBigDecimal("tolerance_pct"),
        List.copyOf(parts),
        rs.getBoolean("published"),
        rs.getInt("version"));
  }
}
