package org.ccrhub.api;

import java.util.List;
import java.util.Map;
import org.ccrhub.shared.ConcurrentChangeException;
import org.ccrhub.shared.Partnership;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in tests, to see how the API answers what a feature's endpoint may do:
 * take a JSON body, refuse its content, meet a concurrent change or fail unexpectedly.
 */
@TestComponent
@RestController
@RequestMapping("/api/v1/partnerships/{slug}/test")
public class ApiTestEndpoints {

  @PostMapping("/echo")
  Map<String, Object> echo(@RequestBody Map<String, Object> body, Partnership partnership) {
    return Map.of("partnership", partnership.slug(), "keys", body.keySet().size());
  }

  @GetMapping("/rejected")
  void rejected() {
    throw new ContentRejectedException(
        List.of(
            ContentRejectedException.Problem.ofRow(2, "period", "2016/17 Q9", "No such quarter"),
            ContentRejectedException.Problem.ofField(
                "rating", "Purple", "Use Red, Amber or Green")));
  }

  @GetMapping("/conflict")
  void conflict() {
    throw new ConcurrentChangeException("The action");
  }

  @GetMapping("/forbidden")
  void forbidden() {
    throw new ApiForbiddenException("Only action leads may update this action");
  }

  @GetMapping("/failure")
  void failure() {
    throw new IllegalStateException("secret internal detail at row 42");
  }

  /** An answer with fields that may have no value. */
  public record Maybe(
      String name,
      @org.jspecify.annotations.Nullable String comment,
      @com.fasterxml.jackson.annotation.JsonProperty("change_pct")
          java.math.@org.jspecify.annotations.Nullable BigDecimal changePct,
      @org.jspecify.annotations.Nullable Maybe inner) {}

  @GetMapping("/maybe")
  Maybe maybe() {
    return new Maybe(
        "outer", null, null, new Maybe("inner", "said", java.math.BigDecimal.ONE, null));
  }

  @GetMapping("/items")
  org.springframework.http.ResponseEntity<List<Integer>> items(
      Integer page, Integer size, jakarta.servlet.http.HttpServletRequest request) {
    List<Integer> all = java.util.stream.IntStream.rangeClosed(1, 23).boxed().toList();
    return Paging.of(page, size).answer(all, request);
  }
}
