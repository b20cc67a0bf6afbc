package org.presenceagent.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

/** The seed's MESSAGE authorization: block/allow by identity, most permissive wins, default allow. */
class ImRulesTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor CAROL = Aor.parse("sip:carol@example.com");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static ImRules.ImRule rule(String id, Set<Aor> ones, ImHandling handling) {
    Conditions conditions = new Conditions(Optional.of(new IdentityCondition(ones, List.of())), Set.of(), List.of());
    return new ImRules.ImRule(id, conditions, Optional.of(handling));
  }

  @Test
  void aBlockRuleForTheSenderRefusesAndLeavesOthersAllowed() {
    ImRules rules = new ImRules(List.of(rule("blacklist", Set.of(ALICE), ImHandling.BLOCK)));

    assertThat(rules.allows(ALICE, NOW)).isFalse();
    assertThat(rules.allows(CAROL, NOW)).isTrue();
  }

  @Test
  void theMostPermissiveMatchingRuleWins() {
    ImRules rules = new ImRules(List.of(
        rule("blacklist", Set.of(ALICE), ImHandling.BLOCK),
        rule("friends", Set.of(ALICE), ImHandling.ALLOW)));

    assertThat(rules.allows(ALICE, NOW)).isTrue();
  }

  @Test
  void noRulesAllowEverything() {
    assertThat(new ImRules(List.of()).allows(ALICE, NOW)).isTrue();
  }
}
