package org.ccrhub.plans.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ccrhub.api.Paging;
import org.ccrhub.plans.DeliveryArea;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.PlanSnapshot;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partnership's delivery plans, a plan with its outcomes, areas and actions, and its actions with
 * their ratings in a period. Whoever may read a plan on screen may read it here: every member of
 * the partnership, whatever their role. Ratings and comments are those of the plan's overview for
 * the period (actions archived before it are left out, as there).
 */
@RestController
@RequestMapping(
    path = "/api/v1/partnerships/{slug}/plans",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans", description = "Delivery plans, their actions, progress and exception reports")
class PlanApiController {

  private final DeliveryPlans plans;
  private final PlanPeriods periods;

  PlanApiController(DeliveryPlans plans, PlanPeriods periods) {
    this.plans = plans;
    this.periods = periods;
  }

  /**
   * A plan as the plans list shows it.
   *
   * @param years the years it runs, as the screens write them, e.g. {@code 2016/17 to 2018/19}
   * @param publishedAt when it was published on its public page; null when it is not public
   */
  record PlanItem(
      long id,
      String name,
      @JsonProperty("first_year") String firstYear,
      @JsonProperty("last_year") String lastYear,
      String years,
      boolean published,
      @JsonProperty("published_at") @Nullable Instant publishedAt) {

    static PlanItem of(DeliveryPlan plan) {
      return new PlanItem(
          plan.id(),
          plan.name(),
          plan.firstYear().toString(),
          plan.lastYear().toString(),
          plan.years(),
          plan.isPublished(),
          plan.publishedAt().orElse(null));
    }
  }

  /** An outcome (strategic priority) of a plan. */
  record OutcomeItem(long id, @Nullable String ref, String title, String label) {

    static OutcomeItem of(PlanOutcome outcome) {
      return new OutcomeItem(
          outcome.id(), outcome.ref().orElse(null), outcome.title(), outcome.label());
    }
  }

  /** An area of delivery, under an outcome. */
  record AreaItem(
      long id,
      @JsonProperty("outcome_id") long outcomeId,
      @Nullable String ref,
      String title,
      String label) {

    static AreaItem of(DeliveryArea area) {
      return new AreaItem(
          area.id(), area.outcomeId(), area.ref().orElse(null), area.title(), area.label());
    }
  }

  /**
   * An action as the plan's pages show it, with its rating in the plan's period.
   *
   * @param due the due date as the plan writes it, e.g. {@code Q3} or {@code Business as usual}
   * @param deadline the last day it is due by, when the due date can be read as one
   * @param overdue past its deadline at the end of the period (or today) and not completed
   * @param rating its rating in the period (e.g. {@code AMBER_RED}); null when not updated in it
   */
  record ActionItem(
      String ref,
      String text,
      @JsonProperty("expected_outcome") @Nullable String expectedOutcome,
      @JsonProperty("outcome_id") long outcomeId,
      @JsonProperty("area_id") @Nullable Long areaId,
      List<String> leads,
      @Nullable String due,
      @Nullable LocalDate deadline,
      boolean overdue,
      @Nullable String links,
      @Nullable String resources,
      @Nullable String impact,
      @Nullable String rating,
      @JsonProperty("rating_label") @Nullable String ratingLabel) {

    static ActionItem of(PlanSnapshot snapshot, PlanAction action) {
      RagRating rating = snapshot.update(action).map(ProgressUpdate::rating).orElse(null);
      return new ActionItem(
          action.ref(),
          action.text(),
          blankToNull(action.expectedOutcome()),
          action.outcomeId(),
          action.areaId().orElse(null),
          action.leads(),
          blankToNull(action.due().text()),
          action.due().deadline().orElse(null),
          snapshot.isOverdue(action),
          blankToNull(action.links()),
          blankToNull(action.resources()),
          blankToNull(action.impact()),
          rating == null ? null : rating.name(),
          rating == null ? null : rating.label());
    }
  }

  /**
   * A plan with its outcomes, areas and actions (in ref order) as they stood in a period, each
   * action with its rating then.
   *
   * @param period the period the actions and ratings are for, e.g. {@code 2016/17 Q2}
   */
  record PlanDetail(
      long id,
      String name,
      @JsonProperty("first_year") String firstYear,
      @JsonProperty("last_year") String lastYear,
      String years,
      boolean published,
      @JsonProperty("published_at") @Nullable Instant publishedAt,
      String period,
      List<OutcomeItem> outcomes,
      List<AreaItem> areas,
      List<ActionItem> actions) {}

  /**
   * An action with its progress in a period.
   *
   * @param rating the rating recorded for the period, e.g. {@code AMBER_RED}; null when none was
   * @param comment the comment of that update; null when there is none
   * @param updateId the id of that update: send it as {@code replaces_update_id} to correct it
   */
  record ActionProgressItem(
      String ref,
      String text,
      List<String> leads,
      @Nullable String due,
      @Nullable LocalDate deadline,
      boolean overdue,
      String period,
      @Nullable String rating,
      @JsonProperty("rating_label") @Nullable String ratingLabel,
      @Nullable String comment,
      @JsonProperty("update_id") @Nullable Long updateId,
      @JsonProperty("recorded_at") @Nullable Instant recordedAt) {

    static ActionProgressItem of(PlanSnapshot snapshot, PlanAction action) {
      ProgressUpdate update = snapshot.update(action).orElse(null);
      return new ActionProgressItem(
          action.ref(),
          action.text(),
          action.leads(),
          blankToNull(action.due().text()),
          action.due().deadline().orElse(null),
          snapshot.isOverdue(action),
          snapshot.period().toString(),
          update == null ? null : update.rating().name(),
          update == null ? null : update.rating().label(),
          update == null ? null : blankToNull(update.comment()),
          update == null ? null : update.id(),
          update == null ? null : update.recordedAt());
    }
  }

  @GetMapping
  @Operation(
      summary = "The partnership's delivery plans, by name",
      description = "Paginated (page, size; Link and X-Total-Count headers).")
  ResponseEntity<List<PlanItem>> plans(
      @PathVariable String slug,
      Partnership partnership,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      HttpServletRequest request) {
    List<DeliveryPlan> all = plans.findAll(partnership);
    Paging paging = Paging.of(page, size);
    return ResponseEntity.ok()
        .headers(paging.headers(all.size(), request))
        .body(paging.of(all).stream().map(PlanItem::of).toList());
  }

  @GetMapping("/{planId}")
  @Operation(
      summary = "A plan with its outcomes, areas and actions, and each action's rating in a period",
      description =
          "The period defaults to the one the plan's overview opens on (the period collecting"
              + " updates, else the plan's latest); the answer's period and the X-Reporting-Period"
              + " header say which.")
  ResponseEntity<PlanDetail> plan(
      @PathVariable String slug,
      @PathVariable long planId,
      Partnership partnership,
      @Parameter(description = "A period as the screens write it, e.g. 2016/17 Q2")
          @RequestParam(required = false)
          @Nullable String period) {
    DeliveryPlan plan = plans.find(partnership, planId);
    ReportingPeriod reportingPeriod = periods.of(period, plan);
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, reportingPeriod);
    PlanItem item = PlanItem.of(plan);
    PlanDetail detail =
        new PlanDetail(
            item.id(),
            item.name(),
            item.firstYear(),
            item.lastYear(),
            item.years(),
            item.published(),
            item.publishedAt(),
            reportingPeriod.toString(),
            snapshot.outcomes().stream().map(OutcomeItem::of).toList(),
            snapshot.areas().stream().map(AreaItem::of).toList(),
            snapshot.actionsInRefOrder().stream().map(a -> ActionItem.of(snapshot, a)).toList());
    return ResponseEntity.ok().header(PlanPeriods.HEADER, reportingPeriod.toString()).body(detail);
  }

  @GetMapping("/{planId}/actions")
  @Operation(
      summary = "A plan's actions in ref order, each with its rating and comment in a period",
      description =
          "Paginated (page, size up to 500; Link and X-Total-Count headers). Refs in their natural"
              + " order: 1.2 before 1.10. The period defaults to the one the plan's overview opens"
              + " on; each action and the X-Reporting-Period header say which. Rating and comment"
              + " are null for an action not updated in the period.")
  ResponseEntity<List<ActionProgressItem>> actions(
      @PathVariable String slug,
      @PathVariable long planId,
      Partnership partnership,
      @Parameter(description = "A period as the screens write it, e.g. 2016/17 Q2")
          @RequestParam(required = false)
          @Nullable String period,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      HttpServletRequest request) {
    Paging paging = Paging.of(page, size);
    DeliveryPlan plan = plans.find(partnership, planId);
    ReportingPeriod reportingPeriod = periods.of(period, plan);
    PlanSnapshot snapshot = plans.snapshot(partnership, plan, reportingPeriod);
    List<PlanAction> actions = snapshot.actionsInRefOrder();
    return ResponseEntity.ok()
        .headers(paging.headers(actions.size(), request))
        .header(PlanPeriods.HEADER, reportingPeriod.toString())
        .body(paging.of(actions).stream().map(a -> ActionProgressItem.of(snapshot, a)).toList());
  }

  static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
