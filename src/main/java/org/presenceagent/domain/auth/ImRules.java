package org.presenceagent.domain.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * A recipient's MESSAGE authorization rules (the seed's im-rules: common-policy rules, RFC 4745,
 * whose action is {@code im-handling}). Combined like every common-policy action: the most
 * permissive matching rule wins. A document whose rules do not speak about the sender allows
 * the message, as the seed's {@code authorize_message} does without a document.
 */
public record ImRules(List<ImRule> rules) {

  public ImRules {
    rules = List.copyOf(rules);
  }

  /** Whether the sender may send the recipient a message now. */
  public boolean allows(Aor sender, Instant now) {
    boolean anyMatch = false;
    for (ImRule rule : rules) {
      if (rule.conditions().matches(sender, Optional.empty(), now) && rule.handling().isPresent()) {
        if (rule.handling().get() == ImHandling.ALLOW) {
          return true; // the most permissive value wins
        }
        anyMatch = true;
      }
    }
    return !anyMatch;
  }

  /** One rule: its conditions and, when it has one, its im-handling action. */
  public record ImRule(String id, Conditions conditions, Optional<ImHandling> handling) {}
}
