package org.presenceagent.application.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

class LocalDomainsTest {

  @Test
  void configuredDomainsCompareWithoutRegardToCase() {
    LocalDomains domains = LocalDomains.of(List.of(" Example.COM ", "example.org", ""));

    assertThat(domains.isLocal(Aor.parse("sip:alice@EXAMPLE.com"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@example.org"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@127.0.0.1"))).as("only what is configured").isFalse();
    assertThat(domains.hosts()).containsExactly("example.com", "example.org");
  }

  @Test
  void theDefaultServesLoopbackTheRealmAndTheAddressesListenedOnOnceKnown() {
    AtomicReference<Set<String>> listening = new AtomicReference<>(Set.of());
    LocalDomains domains = LocalDomains.byDefault(listening::get, Optional.of("example.com"));

    assertThat(domains.isLocal(Aor.parse("sip:alice@localhost"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@127.0.0.1"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@[::1]"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@example.com"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@192.0.2.10"))).isFalse();

    listening.set(Set.of("192.0.2.10"));

    assertThat(domains.isLocal(Aor.parse("sip:alice@192.0.2.10"))).isTrue();
    assertThat(domains.isLocal(Aor.parse("sip:alice@elsewhere.org"))).isFalse();
  }
}
