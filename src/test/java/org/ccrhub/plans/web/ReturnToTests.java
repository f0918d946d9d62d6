package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTests {

  private static final Partnership NORTHBRIDGE = new Partnership(1, "northbridge", "Northbridge");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/p/northbridge",
        "/p/northbridge/my-actions",
        "/p/northbridge/plans/12",
        "/p/northbridge/plans/12?period=2016/17%20Q2&rating=RED&page=2",
        "/p/northbridge/plans/12/actions/1.2",
        "/p/northbridge/plans/12?q=refuge+spaces"
      })
  void acceptsAPageOfThePartnership(String from) {
    assertThat(ReturnTo.of(from, NORTHBRIDGE)).hasValue(from);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "//evil.example",
        "//evil.example/p/northbridge/",
        "https://evil.example/p/northbridge/my-actions",
        "javascript:alert(1)",
        "/p/other-partnership/my-actions",
        "/p/northbridge-other/my-actions",
        "/p/northbridge?x=1",
        "/p/northbridgeevil",
        "p/northbridge/my-actions",
        "/p/northbridge//evil.example",
        "/p/northbridge/\\evil.example",
        "/p/northbridge/../other/my-actions",
        "/p/northbridge/plans/..",
        "/p/northbridge/./my-actions",
        "/p/northbridge/%2F%2Fevil.example",
        "/p/northbridge/%2e%2e/other",
        "/p/northbridge/my-actions\r\nSet-Cookie: x=1",
        "/p/northbridge/my-actions?x=%0d%0a%zz",
        "/p/northbridge/my-actions?x=\n",
        "/p/northbridge/my-actions;jsessionid=1",
        "/p/northbridge/{slug}",
        "/p/northbridge/my-actions#top",
        "/p/northbridge/my actions"
      })
  void refusesAnythingElse(String from) {
    assertThat(ReturnTo.of(from, NORTHBRIDGE)).isEmpty();
  }

  @Test
  void refusesNothingAtAllAndAnAddressTooLongToBeOneOfOurs() {
    assertThat(ReturnTo.of(null, NORTHBRIDGE)).isEmpty();
    assertThat(ReturnTo.of("/p/northbridge/" + "a".repeat(1000), NORTHBRIDGE)).isEmpty();
  }
}
