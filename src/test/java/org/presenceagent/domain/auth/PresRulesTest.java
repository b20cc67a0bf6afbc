package org.presenceagent.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

/** Evaluation of pres-rules (RFC 5025) on the common-policy model (RFC 4745 section 10). */
class PresRulesTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private static final Aor SMITH = Aor.parse("sip:smith@example.com");
  private static final Aor EVE = Aor.parse("sip:eve@evil.example");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Transformations SERVICES = new Transformations(ComponentSelection.NONE, ComponentSelection.NONE,
      ComponentSelection.ALL, false, Set.of(), UserInputLevel.FALSE, Set.of());
  private static final Transformations DEVICES = new Transformations(ComponentSelection.NONE, ComponentSelection.ALL,
      ComponentSelection.NONE, false, Set.of(), UserInputLevel.FALSE, Set.of());
  private static final Transformations PERSONS_WITH_ALL_ATTRIBUTES = new Transformations(ComponentSelection.ALL,
      ComponentSelection.NONE, ComponentSelection.NONE, true, Set.of(), UserInputLevel.FALSE, Set.of());

  private static Rule rule(String id, Conditions conditions, SubHandling handling) {
    return new Rule(id, conditions, Optional.of(handling), Transformations.NONE);
  }

  private static Conditions identity(Set<Aor> ones, IdentityCondition.Many... manies) {
    return new Conditions(Optional.of(new IdentityCondition(ones, List.of(manies))), Set.of(), List.of());
  }

  private static SubHandling handling(PresRules rules, Aor watcher) {
    return rules.evaluate(watcher, Optional.empty(), NOW).subHandling();
  }

  @Test
  void noMatchingRuleHoldsTheWatcherPending() {
    PresRules rules = new PresRules(List.of(rule("a", identity(Set.of(BOB)), SubHandling.ALLOW)));

    assertThat(rules.evaluate(EVE, Optional.empty(), NOW)).isEqualTo(Decision.NO_MATCH);
    assertThat(handling(new PresRules(List.of()), EVE)).isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void oneIdMatchesExactlyThatWatcher() {
    PresRules rules = new PresRules(List.of(rule("a", identity(Set.of(BOB)), SubHandling.BLOCK)));

    assertThat(handling(rules, BOB)).isEqualTo(SubHandling.BLOCK);
    assertThat(handling(rules, SMITH)).isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void manyDomainWithExceptLeavesTheExceptedOut() {
    PresRules rules = new PresRules(List.of(
        rule("whitelist", identity(Set.of(), IdentityCondition.Many.ofDomain("EXAMPLE.com", Set.of(SMITH))), SubHandling.ALLOW)));

    assertThat(handling(rules, BOB)).isEqualTo(SubHandling.ALLOW);
    assertThat(handling(rules, SMITH)).isEqualTo(SubHandling.CONFIRM);
    assertThat(handling(rules, EVE)).isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void manyWithoutDomainMatchesEveryoneButExceptedDomains() {
    PresRules rules = new PresRules(List.of(
        rule("all", identity(Set.of(), IdentityCondition.Many.anyDomain(Set.of(BOB), Set.of("evil.example"))),
            SubHandling.POLITE_BLOCK)));

    assertThat(handling(rules, SMITH)).isEqualTo(SubHandling.POLITE_BLOCK);
    assertThat(handling(rules, BOB)).isEqualTo(SubHandling.CONFIRM);
    assertThat(handling(rules, EVE)).isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void theMostPermissiveMatchingActionWins() {
    // The seed's example: a blacklist and a whitelist. Both match smith; allow is more permissive.
    PresRules rules = new PresRules(List.of(
        rule("blacklist", identity(Set.of(SMITH)), SubHandling.BLOCK),
        rule("whitelist", identity(Set.of(), IdentityCondition.Many.ofDomain("example.com", Set.of())), SubHandling.ALLOW)));

    assertThat(handling(rules, SMITH)).isEqualTo(SubHandling.ALLOW);
    assertThat(SubHandling.BLOCK.mostPermissive(SubHandling.CONFIRM)).isEqualTo(SubHandling.CONFIRM);
    assertThat(SubHandling.POLITE_BLOCK.mostPermissive(SubHandling.CONFIRM)).isEqualTo(SubHandling.POLITE_BLOCK);
    assertThat(SubHandling.ALLOW.mostPermissive(SubHandling.POLITE_BLOCK)).isEqualTo(SubHandling.ALLOW);
  }

  @Test
  void aMatchingRuleWithoutSubHandlingDoesNotWeakenAnother() {
    PresRules rules = new PresRules(List.of(
        rule("block", identity(Set.of(BOB)), SubHandling.BLOCK),
        new Rule("show", Conditions.NONE, Optional.empty(), SERVICES)));

    Decision decision = rules.evaluate(BOB, Optional.empty(), NOW);
    assertThat(decision.subHandling()).isEqualTo(SubHandling.BLOCK);
    assertThat(decision.transformations().services().all()).isTrue();
  }

  @Test
  void transformationsOfMatchingRulesAreUnited() {
    PresRules rules = new PresRules(List.of(
        new Rule("a", Conditions.NONE, Optional.of(SubHandling.ALLOW), DEVICES),
        new Rule("b", identity(Set.of(BOB)), Optional.empty(), PERSONS_WITH_ALL_ATTRIBUTES),
        new Rule("c", identity(Set.of(SMITH)), Optional.empty(), SERVICES)));

    assertThat(rules.evaluate(BOB, Optional.empty(), NOW).transformations())
        .isEqualTo(new Transformations(ComponentSelection.ALL, ComponentSelection.ALL, ComponentSelection.NONE, true,
            Set.of(), UserInputLevel.FULL, Set.of()));
  }

  @Test
  void validityLimitsTheRuleToItsIntervals() {
    Conditions lunch = new Conditions(Optional.empty(), Set.of(),
        List.of(new Validity(Instant.parse("2026-11-25T11:00:00Z"), Instant.parse("2026-11-25T13:00:00Z"))));
    PresRules rules = new PresRules(List.of(rule("lunch", lunch, SubHandling.ALLOW)));

    assertThat(rules.evaluate(BOB, Optional.empty(), NOW).subHandling()).isEqualTo(SubHandling.ALLOW);
    assertThat(rules.evaluate(BOB, Optional.empty(), Instant.parse("2026-11-25T13:00:00Z")).subHandling())
        .isEqualTo(SubHandling.CONFIRM);
    assertThatThrownBy(() -> new Validity(NOW, NOW.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sphereMatchesOnlyAKnownEqualSphere() {
    Conditions atWork = new Conditions(Optional.empty(), Set.of("work"), List.of());
    PresRules rules = new PresRules(List.of(rule("work", atWork, SubHandling.ALLOW)));

    assertThat(rules.evaluate(BOB, Optional.of("work"), NOW).subHandling()).isEqualTo(SubHandling.ALLOW);
    assertThat(rules.evaluate(BOB, Optional.of("home"), NOW).subHandling()).isEqualTo(SubHandling.CONFIRM);
    assertThat(rules.evaluate(BOB, Optional.empty(), NOW).subHandling()).isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void ruleIdsAreUnique() {
    assertThatThrownBy(() -> new PresRules(List.of(
        rule("x", Conditions.NONE, SubHandling.ALLOW), rule("x", Conditions.NONE, SubHandling.BLOCK))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate rule id");
  }

  @Test
  void rulesPolicyUsesThePresentitysRulesAndAllowsThePresentityItself() {
    Map<Aor, PresRules> store = Map.of(ALICE, new PresRules(List.of(rule("b", identity(Set.of(BOB)), SubHandling.BLOCK))));
    RulesPolicy policy = new RulesPolicy(presentity -> Optional.ofNullable(store.get(presentity)),
        presentity -> Optional.empty(), EmptyTransformationsPolicy.RFC5025, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(policy.decide(BOB, ALICE)).isEqualTo(SubHandling.BLOCK);
    assertThat(policy.decide(SMITH, ALICE)).isEqualTo(SubHandling.CONFIRM);
    assertThat(policy.decide(ALICE, ALICE)).isEqualTo(SubHandling.ALLOW);
    assertThat(policy.decide(BOB, SMITH)).isEqualTo(SubHandling.CONFIRM); // no rules at all
  }
}
