package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInAddressTests {

  @Test
  void anIpv6AddressIsKeyedByItsSlash64SoOneClientCannotRotateThroughItsNetwork() {
    assertThat(SignInHandlers.keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo("2001:db8:1:2::/64")
        .isEqualTo(SignInHandlers.keyOf("2001:DB8:1:2::1"))
        .isEqualTo(SignInHandlers.keyOf("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    assertThat(SignInHandlers.keyOf("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    assertThat(SignInHandlers.keyOf("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
  }

  @Test
  void anIpv4AddressIsKeyedWholeAndSoIsOneMappedIntoIpv6() {
    assertThat(SignInHandlers.keyOf("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(SignInHandlers.keyOf("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(SignInHandlers.keyOf(null)).isEqualTo("unknown");
    assertThat(SignInHandlers.keyOf("")).isEqualTo("unknown");
  }
}
