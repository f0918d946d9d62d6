package org.ccrhub.plans.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.PlanAction;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.security.UnsavedWork;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.Partnership;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a person had typed into an update form when they sent it after being signed out: the rating,
 * the comment, the public text and the update they had seen, kept in the new session (never in an
 * address or a log) until the form opens again for them after signing in. It is offered only to the
 * person who typed it (the form says who that was), and only once.
 */
record KeptProgress(
    String slug,
    long planId,
    String ref,
    String period,
    String rating,
    String comment,
    String seenUpdateId,
    long accountId,
    String publicText)
    implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static final String SESSION_ATTRIBUTE = KeptProgress.class.getName();

  /** More than a comment may have (8,000), so that the form can say it is too long. */
  static final int MAX_COMMENT = 10_000;

  /** Takes what was kept for this form, if it was kept for this person; else leaves it. */
  static Optional<KeptProgress> take(
      HttpSession session,
      Partnership partnership,
      DeliveryPlan plan,
      PlanAction action,
      ReportingPeriod period,
      long accountId) {
    if (!(session.getAttribute(SESSION_ATTRIBUTE) instanceof KeptProgress kept)
        || !kept.slug.equals(partnership.slug())
        || kept.planId != plan.id()
        || !kept.ref.equalsIgnoreCase(action.ref())
        || !kept.period.equals(period.toString())) {
      return Optional.empty();
    }
    session.removeAttribute(SESSION_ATTRIBUTE);
    return kept.accountId == accountId ? Optional.of(kept) : Optional.empty();
  }

  ProgressForm form() {
    ProgressForm form = new ProgressForm();
    form.setRating(rating);
    form.setComment(comment);
    form.setSeenUpdateId(seenUpdateId);
    form.setPublicText(publicText); // none in what a session kept before public texts existed
    return form;
  }

  /**
   * Keeps the fields of an update form sent after its session ended: saved, or posted as a draft by
   * htmx (then the page reloads, and the person signs in and finds the form as they left it).
   */
  @Component
  static class Keeper implements UnsavedWork {

    private static final Pattern FORM =
        Pattern.compile(
            "/p/([a-z0-9-]{1,60})/plans/(\\d{1,18})/actions/([A-Za-z0-9.-]{1,20})/progress"
                + "(?:/draft)?");

    @Override
    public Optional<String> keep(HttpServletRequest request, HttpSession newSession) {
      Matcher path =
          FORM.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      String by = parameter(request, "by", 18);
      if (!"POST".equals(request.getMethod()) || !path.matches() || !by.matches("\\d{1,18}")) {
        return Optional.empty();
      }
      String formPath = path.group().replaceFirst("/draft$", "");
      String slug = path.group(1);
      String period;
      try {
        period = ReportingPeriod.parse(parameter(request, "period", 20)).toString();
      } catch (InvalidInputException e) {
        return Optional.empty();
      }
      String rating = parameter(request, "rating", 20);
      String seen = parameter(request, "seenUpdateId", 18);
      KeptProgress kept =
          new KeptProgress(
              slug,
              Long.parseLong(path.group(2)),
              path.group(3),
              period,
              rating.matches("[A-Z_]+") ? rating : "",
              parameter(request, "comment", MAX_COMMENT),
              seen.matches("\\d+") ? seen : "",
              Long.parseLong(by),
              parameter(request, "publicText", MAX_COMMENT));
      newSession.setAttribute(SESSION_ATTRIBUTE, kept);
      UriComponentsBuilder form =
          UriComponentsBuilder.fromPath(formPath).queryParam("period", "{period}");
      Map<String, String> values = new HashMap<>(Map.of("period", period));
      String from = request.getParameter("from");
      if (from != null && ReturnTo.of(from, slug).isPresent()) {
        form.queryParam("from", "{from}");
        values.put("from", from);
      }
      return Optional.of(form.encode().buildAndExpand(values).toUriString());
    }

    private static String parameter(HttpServletRequest request, String name, int max) {
      String value = request.getParameter(name);
      return value == null ? "" : value.substring(0, Math.min(max, value.length()));
    }
  }
}
