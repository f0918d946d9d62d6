package org.ccrhub.marac;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MARACs of each partnership and their settings. Nothing here reads a case; a partnership
 * administrator may create a MARAC and change its settings without seeing any.
 */
@Service
public class Maracs {

  static final String COLUMNS =
      "id, partnership_id, name, dash_threshold, escalation_incidents, escalation_window_months,"
          + " repeat_window_months, research_release_days, retention_years,"
          + " adult_female_population, audit_sample_size, audit_interval_months,"
          + " meeting_frequency, version";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Maracs(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Creates a MARAC with these settings.
   *
   * @throws InvalidInputException when the name is empty, too long or already taken in the
   *     partnership
   */
  @Transactional
  public Marac create(
      Partnership partnership, String name, MaracSettings settings, MeetingFrequency frequency) {
    String checked = checkName(name);
    if (find(partnership, checked).isPresent()) {
      throw new InvalidInputException(
          partnership.name() + " already has a MARAC called " + checked + ": choose another name");
    }
    long id =
        jdbc.sql(
                """
                insert into marac (partnership_id, name, dash_threshold, escalation_incidents,
                    escalation_window_months, repeat_window_months, research_release_days,
                    retention_years, adult_female_population, audit_sample_size,
                    audit_interval_months, meeting_frequency)
                values (:p, :name, :dash, :incidents, :window, :repeat, :release, :retention,
                    :population, :sample, :interval, :frequency)
                returning id
                """)
            .param("p", partnership.id())
            .param("name", checked)
            .params(settingsParams(settings))
            .param("frequency", frequency.name())
            .query(Long.class)
            .single();
    audit.record(
        AuditEntry.success(
            "CREATE", "Marac", id, partnership.id(), "Created the MARAC " + checked));
    return get(partnership, id);
  }

  /**
   * Changes the settings of a MARAC.
   *
   * @throws ConcurrentChangeException when someone else changed them since {@code version}
   * @throws InvalidInputException when the name is empty, too long or taken by another MARAC
   */
  @Transactional
  public Marac update(
      Partnership partnership,
      long id,
      String name,
      MaracSettings settings,
      MeetingFrequency frequency,
      int version) {
    Marac before = get(partnership, id);
    String checked = checkName(name);
    find(partnership, checked)
        .filter(other -> other.id() != id)
        .ifPresent(
            other -> {
              throw new InvalidInputException(
                  partnership.name()
                      + " already has a MARAC called "
                      + checked
                      + ": choose another name");
            });
    int changed =
        jdbc.sql(
                """
                update marac set name = :name, dash_threshold = :dash,
                    escalation_incidents = :incidents, escalation_window_months = :window,
                    repeat_window_months = :repeat, research_release_days = :release,
                    retention_years = :retention, adult_female_population = :population,
                    audit_sample_size = :sample, audit_interval_months = :interval,
                    meeting_frequency = :frequency, version = version + 1
                where id = :id and partnership_id = :p and version = :version
                """)
            .param("id", id)
            .param("p", partnership.id())
            .param("version", version)
            .param("name", checked)
            .params(settingsParams(settings))
            .param("frequency", frequency.name())
            .update();
    if (changed == 0) {
      throw new ConcurrentChangeException("The settings of " + before.name());
    }
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "Marac",
            id,
            partnership.id(),
            "Changed the settings of the MARAC "
                + checked
                + ": "
                + changes(before.settings(), settings)));
    return get(partnership, id);
  }

  /** The partnership's MARACs by name. */
  @Transactional(readOnly = true)
  public List<Marac> all(Partnership partnership) {
    return jdbc.sql(
            "select " + COLUMNS + " from marac where partnership_id = :p order by lower(name)")
        .param("p", partnership.id())
        .query(Maracs::marac)
        .list();
  }

  /** Whether the partnership runs any MARAC (one statement, for the menu of every page). */
  public boolean any(Partnership partnership) {
    return jdbc.sql("select exists (select 1 from marac where partnership_id = :p)")
        .param("p", partnership.id())
        .query(Boolean.class)
        .single();
  }

  /** A MARAC of the partnership by id; one of another partnership is not found. */
  @Transactional(readOnly = true)
  public Marac get(Partnership partnership, long id) {
    return jdbc.sql("select " + COLUMNS + " from marac where id = :id and partnership_id = :p")
        .param("id", id)
        .param("p", partnership.id())
        .query(Maracs::marac)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such MARAC"));
  }

  @Transactional(readOnly = true)
  public Optional<Marac> find(Partnership partnership, String name) {
    return jdbc.sql(
            "select " + COLUMNS + " from marac where partnership_id = :p and lower(name) = :name")
        .param("p", partnership.id())
        .param("name", name.strip().toLowerCase(Locale.ROOT))
        .query(Maracs::marac)
        .optional();
  }

  /**
   * The MARAC a command names with {@code --marac}, which may be left out when the partnership has
   * only one.
   *
   * @throws InvalidInputException when it is not found, or left out and there is not exactly one
   */
  @Transactional(readOnly = true)
  public Marac named(Partnership partnership, @Nullable String name) {
    if (name != null && !name.isBlank()) {
      return find(partnership, name)
          .orElseThrow(
              () ->
                  new InvalidInputException(
                      partnership.name() + " has no MARAC called " + name.strip()));
    }
    List<Marac> all = all(partnership);
    if (all.size() == 1) {
      return all.get(0);
    }
    throw new InvalidInputException(
        all.isEmpty()
            ? partnership.name() + " has no MARAC yet: create one with marac create"
            : partnership.name() + " has " + all.size() + " MARACs: say which with --marac NAME");
  }

  static String checkName(@Nullable String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("Enter the MARAC's name");
    }
    String stripped = name.strip();
    if (stripped.length() > 200) {
      throw new InvalidInputException("The MARAC's name must be 200 characters or fewer");
    }
    return stripped;
  }

  private static java.util.Map<String, Object> settingsParams(MaracSettings s) {
    return java.util.Map.of(
        "dash", s.dashThreshold(),
        "incidents", s.escalationIncidents(),
        "window", s.escalationWindowMonths(),
        "repeat", s.repeatWindowMonths(),
        "release", s.researchReleaseDays(),
        "retention", s.retentionYears(),
        "population", s.adultFemalePopulation(),
        "sample", s.auditSampleSize(),
        "interval", s.auditIntervalMonths());
  }

  /** The settings that changed, as "DASH threshold 14 to 12", for the audit trail. */
  static String changes(MaracSettings before, MaracSettings after) {
    StringBuilder text = new StringBuilder();
    change(text, "DASH threshold", before.dashThreshold(), after.dashThreshold());
    change(text, "escalation incidents", before.escalationIncidents(), after.escalationIncidents());
    change(
        text, "escalation months", before.escalationWindowMonths(), after.escalationWindowMonths());
    change(text, "repeat months", before.repeatWindowMonths(), after.repeatWindowMonths());
    change(
        text, "research release days", before.researchReleaseDays(), after.researchReleaseDays());
    change(text, "retention years", before.retentionYears(), after.retentionYears());
    change(
        text,
        "adult female population",
        before.adultFemalePopulation(),
        after.adultFemalePopulation());
    change(text, "audit sample size", before.auditSampleSize(), after.auditSampleSize());
    change(text, "audit months", before.auditIntervalMonths(), after.auditIntervalMonths());
    return text.isEmpty() ? "no setting changed" : text.toString();
  }

  private static void change(StringBuilder text, String name, long before, long after) {
    if (before != after) {
      text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(before);
      text.append(" to ").append(after);
    }
  }

  static Marac marac(ResultSet rs, int row) throws SQLException {
    return new Marac(
        rs.getLong("id"),
        rs.getLong("partnership_id"),
        rs.getString("name"),
        new MaracSettings(
            rs.getInt("dash_threshold"),
            rs.getInt("escalation_incidents"),
            rs.getInt("escalation_window_months"),
            rs.getInt("repeat_window_months"),
            rs.getInt("research_release_days"),
            rs.getInt("retention_years"),
            rs.getLong("adult_female_population"),
            rs.getInt("audit_sample_size"),
            rs.getInt("audit_interval_months")),
        MeetingFrequency.valueOf(rs.getString("meeting_frequency")),
        rs.getInt("version"));
  }
}
