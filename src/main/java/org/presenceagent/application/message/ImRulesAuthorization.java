package org.presenceagent.application.message;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.domain.shared.Aor;

/**
 * The seed's {@code authorize_message()}: the recipient's im-rules decide; no rules document
 * allows the message. The rules come from the built-in XCAP server or, with
 * {@code auth_xcap_root}, from the same cached XCAP client as pres-rules.
 */
public final class ImRulesAuthorization implements MessageAuthorization {

  private final Function<Aor, Optional<ImRules>> rules;
  private final Clock clock;

  public ImRulesAuthorization(Function<Aor, Optional<ImRules>> rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public boolean allows(Aor sender, Aor recipient) {
    return rules.apply(recipient).map(found -> found.allows(sender, clock.instant())).orElse(true);
  }
}
