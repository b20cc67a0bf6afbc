package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "192.168.0.10", "169.254.169.254",
      "0.0.0.0", "0.1.2.3", "100.64.0.1", "224.0.0.1", "[::1]", "::1", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]",
      "[::]", "localhost", "LOCALHOST"})
  void internalAddressesAreRecognised(String host) {
    assertThat(ContactAddresses.isInternal(ContactAddresses.literal(host))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "8.8.8.8", "100.128.0.1", "172.32.0.1", "[2001:db8::1]"})
  void publicAddressesAreNot(String host) {
    assertThat(ContactAddresses.isInternal(ContactAddresses.literal(host))).isFalse();
  }

  /** Names are never resolved (no DNS on the request path), nor are malformed literals. */
  @ParameterizedTest
  @ValueSource(strings = {"example.com", "10.0.0.1.nip.io", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "[zz::1]", ""})
  void namesAndMalformedLiteralsAreNotAddresses(String host) {
    assertThat(ContactAddresses.literal(host)).isNull();
  }
}
