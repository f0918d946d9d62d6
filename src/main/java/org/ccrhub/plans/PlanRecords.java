package org.ccrhub.plans;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.ccrhub.audit.AuditedRecords;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Strategies, plans, their outcomes, areas and actions, and the ratings given to actions, as the
 * audit page links them: each by its name, to its page, while it exists.
 */
@Component
class PlanRecords implements AuditedRecords {

  private final JdbcClient jdbc;

  PlanRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(
        "Strategy",
        "DeliveryPlan",
        "PlanOutcome",
        "DeliveryArea",
        "Action",
        "ProgressUpdate",
        "ExceptionReport");
  }

  @Override
  public Map<String, Link> find(Partnership partnership, String kind, Collection<String> ids) {
    String plans = "/p/" + partnership.slug() + "/plans/";
    String sql =
        switch (kind) {
          case "Strategy" ->
              "select id, name, null as plan_id, null as ref from strategy"
                  + " where partnership_id = :p and id in (:ids)";
          case "DeliveryPlan", "ExceptionReport" ->
              "select id, name, id as plan_id, null as ref from delivery_plan"
                  + " where partnership_id = :p and id in (:ids)";
          case "PlanOutcome" ->
              "select o.id, concat_ws(' ', o.ref, o.title) as name, o.plan_id, null as ref"
                  + " from plan_outcome o join delivery_plan d on d.id = o.plan_id"
                  + " where d.partnership_id = :p and o.id in (:ids)";
          case "DeliveryArea" ->
              "select a.id, concat_ws(' ', a.ref, a.title) as name, o.plan_id, null as ref"
                  + " from delivery_area a join plan_outcome o on o.id = a.outcome_id"
                  + " join delivery_plan d on d.id = o.plan_id"
                  + " where d.partnership_id = :p and a.id in (:ids)";
          case "Action" ->
              "select a.id, a.ref || ' ' || a.text as name, a.plan_id, a.ref"
                  + " from plan_action a join delivery_plan d on d.id = a.plan_id"
                  + " where d.partnership_id = :p and a.id in (:ids)";
          case "ProgressUpdate" ->
              "select u.id, 'Q' || u.quarter || ' rating of ' || a.ref as name, a.plan_id, a.ref"
                  + " from progress_update u join plan_action a on a.id = u.action_id"
                  + " join delivery_plan d on d.id = a.plan_id"
                  + " where d.partnership_id = :p and u.id in (:ids)";
          default -> null;
        };
    if (sql == null) {
      return Map.of();
    }
    return AuditedRecords.select(
        jdbc,
        partnership,
        ids,
        sql,
        (rs, row) -> {
          long id = rs.getLong("id");
          long planId = rs.getLong("plan_id");
          String ref = rs.getString("ref");
          String path =
              switch (kind) {
                case "Strategy" -> "/p/" + partnership.slug() + "/strategies/" + id;
                case "DeliveryPlan", "ExceptionReport" -> plans + id;
                case "PlanOutcome" -> plans + planId + "/outcomes/" + id + "/edit";
                case "DeliveryArea" -> plans + planId + "/areas/" + id + "/edit";
                default ->
                    plans
                        + planId
                        + "/actions/"
                        + UriUtils.encodePathSegment(ref, java.nio.charset.StandardCharsets.UTF_8);
              };
          return new Link(shortName(rs.getString("name")), path);
        });
  }

  /** A name short enough for a table cell: an action's text can be long. */
  private static String shortName(String name) {
    String text = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    return text.length() <= 80 ? text : text.substring(0, 79).strip() + "…";
  }
}
