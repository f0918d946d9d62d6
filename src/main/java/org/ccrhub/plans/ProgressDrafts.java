package org.ccrhub.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of quarterly updates ({@link ProgressDraft}): one per person, action and period, in the
 * partnership of the action. Saving the update or discarding the draft removes it, and drafts are
 * forgotten {@value #KEPT_DAYS} days after they were last saved. Drafts change nothing anyone else
 * sees, so they are not in the audit trail; the update saved from one is.
 */
@Service
public class ProgressDrafts {

  /** How long a draft is kept after it was last saved. */
  public static final int KEPT_DAYS = 30;

  private final JdbcClient jdbc;
  private final Clock clock;

  ProgressDrafts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The person's draft of the action's update for the period, if they have one. */
  @Transactional(readOnly = true)
  public Optional<ProgressDraft> find(
      Partnership partnership, long accountId, PlanAction action, ReportingPeriod period) {
    return jdbc.sql(
            """
            select * from progress_draft where partnership_id = :p and user_account_id = :account
                and action_id = :a and year = :y and quarter = :q and saved_at > :oldest
            """)
        .param("p", partnership.id())
        .param("account", accountId)
        .param("a", action.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .param("oldest", oldest())
        .query(ProgressDrafts::map)
        .optional();
  }

  /**
   * Keeps what the person has typed so far, replacing their earlier draft; a rating that is not one
   * is kept as none. Drafts older than {@value #KEPT_DAYS} days, anyone's, go at the same time.
   *
   * @throws ProgressRejectedException if the comment is longer than an update's may be
   */
  @Transactional
  public ProgressDraft save(
      Partnership partnership,
      long accountId,
      PlanAction action,
      ReportingPeriod period,
      String rating,
      String comment) {
    return save(partnership, accountId, action, period, rating, comment, "");
  }

  /**
   * Keeps what the person has typed so far, the public text too, as {@link #save(Partnership, long,
   * PlanAction, ReportingPeriod, String, String)} does.
   *
   * @throws ProgressRejectedException if the comment or the public text is longer than an update's
   *     may be
   */
  @Transactional
  public ProgressDraft save(
      Partnership partnership,
      long accountId,
      PlanAction action,
      ReportingPeriod period,
      String rating,
      String comment,
      String publicText) {
    String text = comment == null ? "" : comment;
    if (text.strip().length() > 8000) {
      throw new ProgressRejectedException("comment", "A comment must be 8,000 characters or fewer");
    }
    PublicText.problem(publicText)
        .ifPresent(
            problem -> {
              throw new ProgressRejectedException("publicText", problem);
            });
    String words = PublicText.clean(publicText);
    Optional<RagRating> chosen = ratingNamed(rating);
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("delete from progress_draft where saved_at <= :oldest")
        .param("oldest", oldest())
        .update();
    jdbc.sql(
            """
            insert into progress_draft (user_account_id, action_id, year, quarter, partnership_id,
                rating, comment, public_text, saved_at)
            values (:account, :a, :y, :q, :p, :rating, :comment, :publicText, :at)
            on conflict (user_account_id, action_id, year, quarter) do update
                set rating = excluded.rating, comment = excluded.comment,
                    public_text = excluded.public_text, saved_at = excluded.saved_at
            """)
        .param("account", accountId)
        .param("a", action.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .param("p", partnership.id())
        .param("rating", chosen.map(RagRating::name).orElse(null))
        .param("comment", text.strip())
        .param("publicText", words)
        .param("at", now)
        .update();
    return new ProgressDraft(action.id(), period, chosen, text.strip(), words, now.toInstant());
  }

  /** Forgets the person's draft of the action's update for the period (saved, or discarded). */
  @Transactional
  public void discard(
      Partnership partnership, long accountId, PlanAction action, ReportingPeriod period) {
    jdbc.sql(
            """
            delete from progress_draft where partnership_id = :p and user_account_id = :account
                and action_id = :a and year = :y and quarter = :q
            """)
        .param("p", partnership.id())
        .param("account", accountId)
        .param("a", action.id())
        .param("y", period.year().startYear())
        .param("q", period.quarter())
        .update();
  }

  private OffsetDateTime oldest() {
    return OffsetDateTime.now(clock).minus(Duration.ofDays(KEPT_DAYS));
  }

  private static Optional<RagRating> ratingNamed(String name) {
    for (RagRating r : RagRating.values()) {
      if (r.name().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static ProgressDraft map(ResultSet rs, int row) throws SQLException {
    String rating = rs.getString("rating");
    return new ProgressDraft(
        rs.getLong("action_id"),
        new FinancialYear(rs.getInt("year")).quarter(rs.getInt("quarter")),
        rating == null ? Optional.empty() : Optional.of(RagRating.valueOf(rating)),
        rs.getString("comment"),
        rs.getString("public_text"),
        rs.getObject("saved_at", OffsetDateTime.class).toInstant());
  }
}
