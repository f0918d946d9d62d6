package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedirectsAndProxiesTests {

  @Test
  void redirectsKeepOnlyThePathQueryAndFragmentOfAnAbsoluteLocation() {
    assertThat(RelativeRedirects.relative("http://evil.example:8080/sign-in?x=1#top"))
        .isEqualTo("/sign-in?x=1#top");
    assertThat(RelativeRedirects.relative("https://evil.example")).isEqualTo("/");
    assertThat(RelativeRedirects.relative("/p/north")).isEqualTo("/p/north");
    assertThat(RelativeRedirects.relative("/sign-in?error&wait=3"))
        .isEqualTo("/sign-in?error&wait=3");
  }

  @Test
  void redirectsNeverLeadToAnotherHostByWayOfDoubleSlashes() {
    assertThat(RelativeRedirects.relative("//evil.example/x")).isEqualTo("/x");
    assertThat(RelativeRedirects.relative("http://localhost//evil.example/x"))
        .isEqualTo("/evil.example/x");
    assertThat(RelativeRedirects.relative("/\\evil.example")).isEqualTo("/");
    assertThat(RelativeRedirects.relative("javascript:alert(1)")).isEqualTo("/");
  }

  @Test
  void trustedProxiesAreReadAsRangesOfOneAddressOrMore() {
    assertThat(TrustedProxies.ranges("")).isEmpty();
    assertThat(TrustedProxies.ranges(" 10.0.0.5 , 192.168.4.0/24,2001:db8::1"))
        .containsExactly("10.0.0.5/32", "192.168.4.0/24", "2001:db8::1/128");
  }

  @Test
  void trustedProxiesRefuseHostNamesAndNonsense() {
    assertThatThrownBy(() -> TrustedProxies.ranges("proxy.example.org"))
        .hasMessageContaining("'proxy.example.org' is not an IP address or range");
    assertThatThrownBy(() -> TrustedProxies.ranges("10.0.0.0/99"))
        .hasMessageContaining("'10.0.0.0/99' is not an IP address or range");
    assertThatThrownBy(() -> TrustedProxies.ranges(".*"))
        .hasMessageContaining("is not an IP address or range");
  }
}
