package org.ccrhub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FatalErrorsTests {

  private final List<Integer> halts = new ArrayList<>();
  private final FatalErrors.Halt halt = halts::add;

  @Test
  void haltsWhenAnOutOfMemoryErrorEndsAThreadAndOnlyThen() throws InterruptedException {
    Thread.UncaughtExceptionHandler handler = new FatalErrors.HaltingHandler(halt);
    Thread dies =
        new Thread(
            () -> {
              throw new OutOfMemoryError("Java heap space");
            });
    dies.setUncaughtExceptionHandler(handler);
    dies.start();
    dies.join();
    assertThat(halts).containsExactly(3);

    handler.uncaughtException(Thread.currentThread(), new IllegalStateException("not fatal"));
    handler.uncaughtException(Thread.currentThread(), new StackOverflowError());
    assertThat(halts).containsExactly(3);
  }

  @Test
  void haltsWhenAnOutOfMemoryErrorComesOutOfARequestAsSpringWrapsIt() {
    Exception wrapped =
        new ServletException("Handler dispatch failed", new OutOfMemoryError("Java heap space"));
    assertThatThrownBy(() -> request(wrapped)).isSameAs(wrapped);
    assertThat(halts).containsExactly(3);

    Exception bug = new IllegalArgumentException("a bug, not the end");
    assertThatThrownBy(() -> request(bug)).isSameAs(bug);
    assertThat(halts).containsExactly(3);
  }

  /** A request through the filter whose handling throws this. */
  private void request(Exception thrown) throws Exception {
    new FatalErrors.HaltingFilter(halt)
        .doFilter(
            new MockHttpServletRequest(),
            new MockHttpServletResponse(),
            (request, response) -> {
              if (thrown instanceof ServletException e) {
                throw e;
              }
              throw (RuntimeException) thrown;
            });
  }

  @Test
  void warnsAtStartWhenTheJvmWillNotExitOnOutOfMemory() {
    assertThat(FatalErrors.warning(false))
        .contains(
            "The JVM was started without -XX:+ExitOnOutOfMemoryError: start it with that flag"
                + " (see README) so that it stops, and is restarted, if it runs out of memory");
    assertThat(FatalErrors.warning(true)).isEmpty();
  }
}
