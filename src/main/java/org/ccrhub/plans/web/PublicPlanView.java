package org.ccrhub.plans.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.PlanSnapshot;
import org.ccrhub.plans.ProgressUpdate;
import org.ccrhub.plans.PublicText;
import org.ccrhub.plans.RatingBar;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.ccrhub.shared.RagScheme;
import org.jspecify.annotations.Nullable;

/**
 * What a plan's public page shows, the same on the page itself and in the preview before
 * publishing: each action's latest rating and, beside it, the approved public text of that rating's
 * period, or "No public update". Never a lead's comment, nor who recorded anything.
 *
 * @param latest each action's latest update, by action id
 * @param texts the public text of each latest update's period, approved or not, by action id
 * @param definitions what each rating means to the partnership (the key)
 * @param lastUpdated when the newest update was recorded, as a date, if any was
 */
public record PublicPlanView(
    Partnership partnership,
    DeliveryPlan plan,
    PlanSnapshot snapshot,
    Map<Long, ProgressUpdate> latest,
    Map<Long, PublicText> texts,
    RagScheme scheme,
    Map<RagRating, String> definitions,
    @Nullable String lastUpdated) {

  /** What residents read about the action: its approved public text, if it has one. */
  public Optional<String> publicWords(PlanAction action) {
    return Optional.ofNullable(texts.get(action.id())).flatMap(PublicText::shownPublicly);
  }

  /** The latest update of the action, or null when it has none (for the template). */
  public @Nullable ProgressUpdate latestOf(PlanAction action) {
    return latest.get(action.id());
  }

  /** How many public texts are written but not approved, so the page shows none for them. */
  public long waiting() {
    return texts.values().stream().filter(PublicText::isWaiting).count();
  }

  /** The periods whose public texts are waiting for approval, oldest first. */
  public SortedSet<ReportingPeriod> waitingPeriods() {
    return new java.util.TreeSet<>(
        texts.values().stream().filter(PublicText::isWaiting).map(PublicText::period).toList());
  }

  /** How many actions the public page shows with an approved public text. */
  public long withPublicText() {
    return snapshot.actionsInRefOrder().stream().filter(a -> publicWords(a).isPresent()).count();
  }

  /** The actions' latest ratings as counts; an action not yet reported counts as Not rated. */
  public RatingBar ratings() {
    Map<RagRating, Integer> counts = new java.util.EnumMap<>(RagRating.class);
    for (PlanAction action : snapshot.actionsInRefOrder()) {
      ProgressUpdate u = latest.get(action.id());
      counts.merge(u == null ? RagRating.NOT_RATED : u.rating(), 1, Integer::sum);
    }
    List<RagRating> ratings = scheme.allowed();
    return RatingBar.of(plan.name(), ratings, counts);
  }
}
