package org.presenceagent.domain.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a ruleset (RFC 4745 section 6): when its conditions match, its actions and
 * transformations apply.
 *
 * @param id the rule's {@code id} attribute, unique within its ruleset
 * @param subHandling the {@code sub-handling} action (RFC 5025 section 3.2.1), empty when the rule
 *     has none
 */
public record Rule(String id, Conditions conditions, Optional<SubHandling> subHandling, Transformations transformations) {

  public Rule {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a rule needs an id");
    }
    Objects.requireNonNull(conditions, "conditions");
    Objects.requireNonNull(subHandling, "subHandling");
    Objects.requireNonNull(transformations, "transformations");
  }
}
