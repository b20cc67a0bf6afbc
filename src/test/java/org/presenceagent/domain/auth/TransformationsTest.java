package org.presenceagent.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

/** Combining transformations (RFC 4745 section 10.2, RFC 5025 section 3.3) and the empty-grant policy. */
class TransformationsTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static Transformations attributes(Set<PresenceAttribute> attributes, UserInputLevel userInput) {
    return new Transformations(ComponentSelection.NONE, ComponentSelection.NONE, ComponentSelection.NONE, false,
        attributes, userInput, Set.of());
  }

  private static ComponentSelection classes(String... classes) {
    return new ComponentSelection(false, Set.of(classes), Set.of(), Set.of(), Set.of(), Set.of());
  }

  @Test
  void permissionsAreUnitedAndTheMostPermissiveUserInputWins() {
    Transformations a = attributes(EnumSet.of(PresenceAttribute.MOOD), UserInputLevel.THRESHOLDS);
    Transformations b = attributes(EnumSet.of(PresenceAttribute.NOTE), UserInputLevel.BARE_MINIMUM);

    Transformations combined = a.combine(b);

    assertThat(combined.attributes()).containsExactlyInAnyOrder(PresenceAttribute.MOOD, PresenceAttribute.NOTE);
    assertThat(combined.userInput()).isEqualTo(UserInputLevel.THRESHOLDS);
    assertThat(combined.shows(PresenceAttribute.MOOD)).isTrue();
    assertThat(combined.shows(PresenceAttribute.SPHERE)).isFalse();
  }

  @Test
  void selectorsAreUnitedAndAllSelectsEverything() {
    assertThat(classes("business").combine(classes("friends")).classes()).containsExactlyInAnyOrder("business",
        "friends");
    assertThat(classes("business").combine(ComponentSelection.ALL)).isEqualTo(ComponentSelection.ALL);
    assertThat(ComponentSelection.NONE.combine(ComponentSelection.NONE).isEmpty()).isTrue();
  }

  @Test
  void aServiceIsSelectedByTheSchemeOfItsContact() {
    ComponentSelection tel = new ComponentSelection(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of("TEL"));

    assertThat(tel.selects(Set.of(), Optional.of("t1"), Optional.empty(), Optional.of("tel:+4312345"))).isTrue();
    assertThat(tel.selects(Set.of(), Optional.of("t2"), Optional.empty(), Optional.of("sip:a@b"))).isFalse();
  }

  @Test
  void allAttributesIsOneCanonicalValue() {
    Transformations viaAll = new Transformations(ComponentSelection.ALL, ComponentSelection.ALL, ComponentSelection.ALL,
        true, EnumSet.of(PresenceAttribute.MOOD), UserInputLevel.FALSE, Set.of(new UnknownAttribute("urn:x", "y")));

    assertThat(viaAll).isEqualTo(Transformations.ALL);
    assertThat(viaAll.showsEverything()).isTrue();
    assertThat(viaAll.showsUnknown("urn:other", "z")).isTrue();
  }

  @Test
  void theSeedPolicyShowsEverythingOnlyWhenNothingIsGranted() {
    Transformations mood = attributes(EnumSet.of(PresenceAttribute.MOOD), UserInputLevel.FALSE);

    assertThat(EmptyTransformationsPolicy.SEED.apply(Transformations.NONE)).isEqualTo(Transformations.ALL);
    assertThat(EmptyTransformationsPolicy.SEED.apply(mood)).isEqualTo(mood);
    assertThat(EmptyTransformationsPolicy.RFC5025.apply(Transformations.NONE)).isEqualTo(Transformations.NONE);
    assertThat(EmptyTransformationsPolicy.ofToken(" RFC5025 ")).isEqualTo(EmptyTransformationsPolicy.RFC5025);
    assertThatThrownBy(() -> EmptyTransformationsPolicy.ofToken("strict")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rulesPolicyAppliesTheEmptyGrantPolicy() {
    PresRules allowBob = new PresRules(List.of(new Rule("bob", Conditions.NONE, Optional.of(SubHandling.ALLOW),
        Transformations.NONE)));

    assertThat(policy(allowBob, Optional.empty(), EmptyTransformationsPolicy.SEED, new AtomicInteger())
        .evaluate(BOB, ALICE).transformations()).isEqualTo(Transformations.ALL);
    assertThat(policy(allowBob, Optional.empty(), EmptyTransformationsPolicy.RFC5025, new AtomicInteger())
        .evaluate(BOB, ALICE).transformations()).isEqualTo(Transformations.NONE);
  }

  @Test
  void sphereConditionsMatchThePresentitysCurrentSphereLookedUpOnlyWhenNeeded() {
    PresRules atWork = new PresRules(List.of(new Rule("work", new Conditions(Optional.empty(), Set.of("work"),
        List.of()), Optional.of(SubHandling.ALLOW), Transformations.ALL)));
    PresRules noSphere = new PresRules(List.of(new Rule("all", Conditions.NONE, Optional.of(SubHandling.BLOCK),
        Transformations.NONE)));
    AtomicInteger lookups = new AtomicInteger();

    assertThat(policy(atWork, Optional.of("work"), EmptyTransformationsPolicy.SEED, lookups).decide(BOB, ALICE))
        .isEqualTo(SubHandling.ALLOW);
    assertThat(policy(atWork, Optional.of("home"), EmptyTransformationsPolicy.SEED, lookups).decide(BOB, ALICE))
        .isEqualTo(SubHandling.CONFIRM);
    assertThat(policy(atWork, Optional.empty(), EmptyTransformationsPolicy.SEED, lookups).decide(BOB, ALICE))
        .isEqualTo(SubHandling.CONFIRM);
    assertThat(lookups).hasValue(3);
    assertThat(policy(atWork, Optional.empty(), EmptyTransformationsPolicy.SEED, lookups).dependsOnSphere(ALICE))
        .isTrue();

    RulesPolicy withoutSphere = policy(noSphere, Optional.of("work"), EmptyTransformationsPolicy.SEED, lookups);
    assertThat(withoutSphere.decide(BOB, ALICE)).isEqualTo(SubHandling.BLOCK);
    assertThat(withoutSphere.dependsOnSphere(ALICE)).isFalse();
    assertThat(lookups).hasValue(3); // no rule with a sphere: the sphere is never looked up
  }

  private static RulesPolicy policy(PresRules rules, Optional<String> sphere, EmptyTransformationsPolicy empty,
      AtomicInteger lookups) {
    return new RulesPolicy(presentity -> Optional.of(rules), presentity -> {
      lookups.incrementAndGet();
      return sphere;
    }, empty, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
