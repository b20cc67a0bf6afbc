package org.presenceagent.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

  @Test
  void addressesAndCidrRangesOfBothFamiliesMatch() {
    AddressRanges ranges = AddressRanges.parse("192.0.2.7, 10.0.0.0/8, 172.16.0.0/12, 2001:db8::/32, [::1]");

    assertThat(ranges.contains("192.0.2.7")).isTrue();
    assertThat(ranges.contains("192.0.2.8")).isFalse();
    assertThat(ranges.contains("10.255.1.2")).isTrue();
    assertThat(ranges.contains("172.31.255.255")).isTrue();
    assertThat(ranges.contains("172.32.0.0")).as("outside the /12").isFalse();
    assertThat(ranges.contains("2001:db8:1::5")).isTrue();
    assertThat(ranges.contains("2001:db9::5")).isFalse();
    assertThat(ranges.contains("::1")).isTrue();
    assertThat(ranges.contains("::ffff:10.1.1.1")).as("an IPv4-mapped address is the IPv4 address").isTrue();
    assertThat(ranges.toString()).isEqualTo("192.0.2.7, 10.0.0.0/8, 172.16.0.0/12, 2001:db8::/32, [::1]");
  }

  @Test
  void nothingMatchesAnEmptyListOrSomethingThatIsNoAddress() {
    assertThat(AddressRanges.parse("").isEmpty()).isTrue();
    assertThat(AddressRanges.parse("").contains("127.0.0.1")).isFalse();
    assertThat(AddressRanges.parse("127.0.0.1").contains("localhost")).isFalse();
    assertThat(AddressRanges.parse("127.0.0.1").contains(null)).isFalse();
  }

  @Test
  void hostNamesAndBadPrefixesAreRefused() {
    assertThatThrownBy(() -> AddressRanges.parse("proxy.example.com")).hasMessageContaining("proxy.example.com");
    assertThatThrownBy(() -> AddressRanges.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> AddressRanges.parse("10.0.0.0/x")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> AddressRanges.parse("300.1.1.1")).hasMessageContaining("300.1.1.1");
  }
}
