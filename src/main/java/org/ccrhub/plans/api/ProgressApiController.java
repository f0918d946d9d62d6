package org.ccrhub.plans.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.api.ApiCaller;
import org.ccrhub.api.ApiForbiddenException;
import org.ccrhub.api.ContentRejectedException;
import org.ccrhub.api.ContentRejectedException.Problem;
import org.ccrhub.plans.ActionProgress;
import org.ccrhub.plans.ActionProgress.Reporter;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.ProgressConflictException;
import org.ccrhub.plans.ProgressRejectedException;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.plans.ReportingPeriods;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.PlainText;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Progress on an action through the API, by the rules of the update form ({@link
 * ActionProgress#record}): an action lead updates the actions they update on screen, strategic
 * leads and administrators any action; an Amber or Red rating needs a comment; only an open period
 * takes updates. Recorded as the person's, sent through the API, and audited with the token's name.
 */
@RestController
@RequestMapping(
    path = "/api/v1/partnerships/{slug}/plans/{planId}/actions/{ref}/progress",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans")
class ProgressApiController {

  private final DeliveryPlans plans;
  private final ActionProgress progress;
  private final ReportingPeriods periods;
  private final PlanPeriods planPeriods;

  ProgressApiController(
      DeliveryPlans plans,
      ActionProgress progress,
      ReportingPeriods periods,
      PlanPeriods planPeriods) {
    this.plans = plans;
    this.progress = progress;
    this.periods = periods;
    this.planPeriods = planPeriods;
  }

  /**
   * What a progress update sends.
   *
   * @param period the period, as the screens write it, e.g. {@code 2016/17 Q2}; it must be open
   * @param rating a rating of the partnership's scheme, e.g. {@code AMBER_RED} or {@code Amber/Red}
   * @param comment why: needed for an Amber or Red rating
   * @param replacesUpdateId the id of the period's current update when correcting it (from the
   *     actions list); a correction without it, or with another, is a conflict (409)
   */
  @Schema(requiredProperties = {"period", "rating"})
  record ProgressRequest(
      String period,
      String rating,
      @Nullable String comment,
      @JsonProperty("replaces_update_id") @Nullable Long replacesUpdateId) {}

  /** The update as recorded. */
  record RecordedProgress(
      @JsonProperty("update_id") long updateId,
      String ref,
      String period,
      String rating,
      @JsonProperty("rating_label") String ratingLabel,
      @Nullable String comment,
      @JsonProperty("recorded_by") String recordedBy,
      @JsonProperty("recorded_at") Instant recordedAt) {

    static RecordedProgress of(PlanAction action, ProgressUpdate update) {
      return new RecordedProgress(
          update.id(),
          action.ref(),
          update.period().toString(),
          update.rating().name(),
          update.rating().label(),
          PlanApiController.blankToNull(update.comment()),
          update.recordedBy(),
          update.recordedAt());
    }
  }

  /** The request's values once each has been read; a problem for each that cannot be. */
  private record Read(
      @Nullable ReportingPeriod period,
      @Nullable RagRating rating,
      String comment,
      Optional<Long> replaces,
      List<Problem> problems) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Records progress on an action for a period, by the rules of the update form",
      description =
          "201 with the update. 403 for someone who may not update this action; 422 listing every"
              + " problem by field (period, rating, comment); 409 when the period already has an"
              + " update and replaces_update_id does not name it (someone else updated it).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ProgressRequest.class))))
  ResponseEntity<RecordedProgress> recordProgress(
      @PathVariable String slug,
      @PathVariable long planId,
      @PathVariable String ref,
      Partnership partnership,
      ApiCaller caller,
      @RequestBody JsonNode body) {
    DeliveryPlan plan = plans.find(partnership, planId);
    PlanAction action = progress.action(plan, ref);
    Reporter reporter = new Reporter(caller.accountId(), caller.importLabel(), caller.roles());
    if (!progress.mayUpdate(reporter, action)) {
      throw new ApiForbiddenException(
          "Only the people who update action "
              + action.ref()
              + ", strategic leads and administrators may update it");
    }
    Read read = read(body, plan, plans.scheme(partnership));
    if (!read.problems().isEmpty()) {
      throw new ContentRejectedException(read.problems());
    }
    ReportingPeriod period = java.util.Objects.requireNonNull(read.period());
    // with no update saved there is nothing to conflict with, as on the form
    Optional<Long> seen =
        plans.updatesIn(plan, period).containsKey(action.id()) ? read.replaces() : Optional.empty();
    ProgressUpdate recorded;
    try {
      recorded =
          progress.record(
              partnership,
              plan,
              action,
              period,
              java.util.Objects.requireNonNull(read.rating()),
              read.comment(),
              seen,
              reporter);
    } catch (ProgressRejectedException e) {
      String field = periods.isOpen(plan, period) ? e.field() : "period";
      String value =
          switch (field) {
            case "period" -> period.toString();
            case "comment" -> read.comment();
            default -> read.rating() == null ? null : read.rating().name();
          };
      throw new ContentRejectedException(List.of(Problem.ofField(field, value, e.getMessage())));
    } catch (ProgressConflictException e) {
      throw new ConcurrentChangeException("Progress on action " + action.ref() + " for " + period);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(RecordedProgress.of(action, recorded));
  }

  /** Reads every field, noting each problem; wrong types are problems, not failures. */
  private Read read(JsonNode body, DeliveryPlan plan, RagScheme scheme) {
    List<Problem> problems = new ArrayList<>();
    if (!body.isObject()) {
      problems.add(
          new Problem(
              null, null, body.toString(), "Send a JSON object with period, rating and comment"));
      return new Read(null, null, "", Optional.empty(), problems);
    }
    ReportingPeriod period = null;
    String periodText = text(body, "period", problems, "Give the period, like 2016/17 Q2");
    if (periodText != null) {
      try {
        period = ReportingPeriod.parse(periodText);
        if (!planPeriods.isOfPlan(period, plan)) {
          problems.add(Problem.ofField("period", periodText, PlanPeriods.notOfPlan(period, plan)));
          period = null;
        } else {
          Optional<String> refusal = periods.refusal(plan, period);
          if (refusal.isPresent()) {
            problems.add(Problem.ofField("period", periodText, refusal.get()));
          }
        }
      } catch (InvalidInputException e) {
        problems.add(Problem.ofField("period", periodText, e.getMessage()));
      }
    }
    RagRating rating = null;
    String ratingText = text(body, "rating", problems, "Select a rating");
    if (ratingText != null) {
      try {
        rating = scheme.parseRating(ratingText).orElse(null);
        if (rating == null) {
          problems.add(Problem.ofField("rating", ratingText, "Select a rating"));
        }
      } catch (InvalidInputException e) {
        problems.add(Problem.ofField("rating", ratingText, e.getMessage()));
      }
    }
    String comment = "";
    JsonNode commentNode = body.get("comment");
    if (commentNode != null && !commentNode.isNull()) {
      if (commentNode.isString()) {
        // cleaned as the form's text is (InputCleaning): PostgreSQL cannot keep a NUL
        comment = PlainText.clean(commentNode.stringValue()).strip();
      } else {
        problems.add(
            Problem.ofField("comment", commentNode.toString(), "The comment must be text"));
      }
    }
    boolean commentIsText = commentNode == null || commentNode.isNull() || commentNode.isString();
    if (rating != null && commentIsText) {
      String written = comment;
      ActionProgress.commentProblem(rating, comment)
          .ifPresent(problem -> problems.add(Problem.ofField("comment", written, problem)));
    }
    Optional<Long> replaces = Optional.empty();
    JsonNode replacesNode = body.get("replaces_update_id");
    if (replacesNode != null && !replacesNode.isNull()) {
      if (replacesNode.isIntegralNumber() && replacesNode.canConvertToLong()) {
        replaces = Optional.of(replacesNode.longValue());
      } else {
        problems.add(
            Problem.ofField(
                "replaces_update_id",
                replacesNode.toString(),
                "Give the id of the update being corrected, a whole number"));
      }
    }
    return new Read(period, rating, comment, replaces, problems);
  }

  /** A field that must be text: null (with a problem) when missing, null or of another type. */
  private static @Nullable String text(
      JsonNode body, String field, List<Problem> problems, String whenMissing) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      problems.add(Problem.ofField(field, null, whenMissing));
      return null;
    }
    if (!node.isString()) {
      problems.add(
          Problem.ofField(
              field, node.toString(), "The " + field + " must be text, like the screens write it"));
      return null;
    }
    if (node.stringValue().isBlank()) {
      problems.add(Problem.ofField(field, node.stringValue(), whenMissing));
      return null;
    }
    return node.stringValue();
  }
}
