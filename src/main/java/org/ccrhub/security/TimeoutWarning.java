package org.ccrhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The warning every signed-in page shows (with JavaScript) before the person is signed out: what
 * the page tells its script about the session, and "Stay signed in", which only uses the session.
 * Staying cannot pass the absolute lifetime ({@link SessionLifetimeFilter}).
 */
final class TimeoutWarning {

  static final String STAY_SIGNED_IN_PATH = "/account/stay-signed-in";

  private TimeoutWarning() {}

  /**
   * The session of the page, in seconds from when it was made: signed out after {@code
   * timeoutSeconds} without a request, and in any case after {@code endsInSeconds}, at {@code
   * endsAt} (UK time, e.g. {@code 2:32pm}).
   */
  record SessionTimes(long timeoutSeconds, long endsInSeconds, String endsAt) {}

  /** What the layout puts on the page for the script, for a signed-in person. */
  @ControllerAdvice
  @ConditionalOnWebApplication
  static class Times {

    private final Clock clock;
    private final Duration lifetime;

    Times(Clock clock, @Value("${ccr.session.absolute-lifetime:12h}") Duration lifetime) {
      this.clock = clock;
      this.lifetime = lifetime;
    }

    @ModelAttribute("sessionTimes")
    @Nullable SessionTimes sessionTimes(
        @AuthenticationPrincipal @Nullable SignedInUser user, HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      if (user == null || session == null || session.getMaxInactiveInterval() <= 0) {
        return null;
      }
      Instant end =
          session.getAttribute(SignInHandlers.SIGNED_IN_AT) instanceof Long signedInAt
              ? Instant.ofEpochMilli(signedInAt).plus(lifetime)
              : clock.instant().plus(lifetime);
      long endsIn = Math.max(0, Duration.between(clock.instant(), end).toSeconds());
      return new SessionTimes(
          session.getMaxInactiveInterval(),
          endsIn,
          Dates.clock(end.atZone(Dates.UK).toLocalTime()));
    }
  }

  /** "Stay signed in": a request in the session is all it takes to keep it. */
  @Controller
  static class StaySignedIn {

    @PostMapping(STAY_SIGNED_IN_PATH)
    ResponseEntity<Void> staySignedIn() {
      return ResponseEntity.noContent().build();
    }
  }
}
