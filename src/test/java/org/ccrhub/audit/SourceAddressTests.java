package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceAddressTests {

  @Test
  void showsTheLoopbackAs127001WhicheverProtocolReachedIt() {
    assertThat(SourceAddress.display("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
    assertThat(SourceAddress.display("::1")).isEqualTo("127.0.0.1");
    assertThat(SourceAddress.display("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(SourceAddress.display("[0:0:0:0:0:0:0:1]")).isEqualTo("127.0.0.1");
  }

  @Test
  void showsAnIpv4AddressAsItIsAlsoWhenMappedIntoIpv6() {
    assertThat(SourceAddress.display("192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(SourceAddress.display("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    assertThat(SourceAddress.display("0:0:0:0:0:ffff:c000:207")).isEqualTo("192.0.2.7");
  }

  @Test
  void showsOtherIpv6AddressesInTheirShortForm() {
    assertThat(SourceAddress.display("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(SourceAddress.display("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(SourceAddress.display("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(SourceAddress.display("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1");
  }

  @Test
  void showsWhatIsNotAnAddressAsItIsWithoutLookingItUp() {
    assertThat(SourceAddress.display(null)).isEmpty();
    assertThat(SourceAddress.display("command line")).isEqualTo("command line");
    assertThat(SourceAddress.display("cafe.example")).isEqualTo("cafe.example");
  }
}
