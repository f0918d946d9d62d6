package org.ccrhub.plans.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ccrhub.api.Paging;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanOutcome;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.RatingBar;
import org.ccrhub.plans.web.PublicPlanPages;
import org.ccrhub.plans.web.PublicPlanView;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partnership's published plans for anyone, without a token: exactly what the public pages show
 * ({@link PublicPlanView}, the same view): each action's latest rating and the public text a
 * strategic lead approved for it; never a lead's comment, nor who recorded anything. An unknown
 * partnership or an unpublished plan is not found.
 */
@RestController
@RequestMapping(path = "/api/v1/public/{slug}/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Published plans", description = "What the public plan pages show, for any website")
class PublicPlanApiController {

  private final Partnerships partnerships;
  private final DeliveryPlans plans;
  private final PublicPlanPages pages;

  PublicPlanApiController(Partnerships partnerships, DeliveryPlans plans, PublicPlanPages pages) {
    this.partnerships = partnerships;
    this.plans = plans;
    this.pages = pages;
  }

  /**
   * How many of the plan's actions have a rating as their latest, as the page's bar counts them.
   */
  record PublicRatingCount(String rating, String label, int count) {}

  /** What a rating means to the partnership: the page's key to ratings. */
  record PublicRatingMeaning(String rating, String label, String meaning) {}

  /**
   * A published plan as the list of published plans shows it.
   *
   * @param lastUpdated the day (UK time) the newest update was recorded; null when none has been
   * @param ratings the actions' latest ratings, counted; an action not yet reported is Not rated
   */
  record PublicPlanItem(
      long id,
      String name,
      String years,
      @JsonProperty("last_updated") @Nullable LocalDate lastUpdated,
      @JsonProperty("action_count") int actionCount,
      List<PublicRatingCount> ratings) {

    static PublicPlanItem of(PublicPlanView view) {
      RatingBar bar = view.ratings();
      return new PublicPlanItem(
          view.plan().id(),
          view.plan().name(),
          view.plan().years(),
          lastUpdatedOf(view),
          bar.total(),
          bar.segments().stream()
              .map(s -> new PublicRatingCount(s.rating().name(), s.rating().label(), s.count()))
              .toList());
    }
  }

  /**
   * An action as the public page shows it.
   *
   * @param latestRating its latest rating, e.g. {@code GREEN}; null when not yet reported
   * @param latestPeriod the period of that rating, e.g. {@code 2016/17 Q2}
   * @param publicUpdate the approved public text for that period; null for "No public update"
   */
  record PublicAction(
      String ref,
      String text,
      @Nullable String due,
      List<String> leads,
      @JsonProperty("latest_rating") @Nullable String latestRating,
      @JsonProperty("latest_rating_label") @Nullable String latestRatingLabel,
      @JsonProperty("latest_period") @Nullable String latestPeriod,
      @JsonProperty("public_update") @Nullable String publicUpdate) {

    static PublicAction of(PublicPlanView view, PlanAction action) {
      ProgressUpdate latest = view.latestOf(action);
      return new PublicAction(
          action.ref(),
          action.text(),
          PlanApiController.blankToNull(action.due().text()),
          action.leads(),
          latest == null ? null : latest.rating().name(),
          latest == null ? null : latest.rating().label(),
          latest == null ? null : latest.period().toString(),
          view.publicWords(action).orElse(null));
    }
  }

  /** An outcome of a published plan with its actions in ref order. */
  record PublicOutcome(
      @Nullable String ref, String title, String label, List<PublicAction> actions) {}

  /** A published plan as its public page shows it. */
  record PublicPlanDetail(
      long id,
      String name,
      String years,
      @JsonProperty("last_updated") @Nullable LocalDate lastUpdated,
      @JsonProperty("action_count") int actionCount,
      List<PublicRatingCount> ratings,
      List<PublicRatingMeaning> key,
      List<PublicOutcome> outcomes) {}

  @GetMapping
  @Operation(
      summary = "The partnership's published plans, by name, each with its ratings at a glance",
      description = "No token needed. Paginated (page, size; Link and X-Total-Count headers).")
  ResponseEntity<List<PublicPlanItem>> publishedPlans(
      @PathVariable String slug,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      HttpServletRequest request) {
    Paging paging = Paging.of(page, size);
    List<PublicPlanView> views = pages.published(partnership(slug));
    return ResponseEntity.ok()
        .headers(paging.headers(views.size(), request))
        .body(paging.of(views).stream().map(PublicPlanItem::of).toList());
  }

  @GetMapping("/{planId}")
  @Operation(
      summary = "A published plan as its public page shows it",
      description =
          "No token needed. Each action's latest rating and the approved public text of that"
              + " rating's period; an unpublished plan is not found.")
  PublicPlanDetail publishedPlan(@PathVariable String slug, @PathVariable long planId) {
    Partnership partnership = partnership(slug);
    DeliveryPlan plan = plans.find(partnership, planId);
    if (!plan.isPublished()) {
      throw new NotFoundException("Delivery plan");
    }
    PublicPlanView view = pages.view(partnership, plan);
    PublicPlanItem item = PublicPlanItem.of(view);
    List<PublicRatingMeaning> key = new ArrayList<>();
    view.scheme()
        .allowed()
        .forEach(
            r ->
                key.add(
                    new PublicRatingMeaning(
                        r.name(),
                        r.label(),
                        view.definitions().getOrDefault(r, view.scheme().defaultDefinition(r)))));
    List<PublicOutcome> outcomes = new ArrayList<>();
    for (PlanOutcome outcome : view.snapshot().outcomes()) {
      List<PlanAction> actions = view.snapshot().actionsOf(outcome);
      if (!actions.isEmpty()) {
        outcomes.add(
            new PublicOutcome(
                outcome.ref().orElse(null),
                outcome.title(),
                outcome.label(),
                actions.stream().map(a -> PublicAction.of(view, a)).toList()));
      }
    }
    return new PublicPlanDetail(
        item.id(),
        item.name(),
        item.years(),
        item.lastUpdated(),
        item.actionCount(),
        item.ratings(),
        List.copyOf(key),
        List.copyOf(outcomes));
  }

  /** The day the newest update was recorded, as the page's "Last updated" gives it. */
  private static @Nullable LocalDate lastUpdatedOf(PublicPlanView view) {
    return view.latest().values().stream()
        .map(ProgressUpdate::recordedAt)
        .max(Comparator.naturalOrder())
        .map(at -> at.atZone(Dates.UK).toLocalDate())
        .orElse(null);
  }

  private Partnership partnership(String slug) {
    return partnerships.findBySlug(slug).orElseThrow(() -> new NotFoundException("Partnership"));
  }
}
