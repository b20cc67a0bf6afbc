package org.presenceagent.application.message;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.notify.PresentityState;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/**
 * Decides where a MESSAGE to a local user goes (RFC 3428 section 7, the seed's MESSAGE example):
 * with no contact the answer is 480 Temporarily Unavailable when the recipient is known here (it
 * has published presence) and 404 Not Found otherwise; then 403 when the recipient's rules block
 * the sender; otherwise the recipient's registered contacts, best q first.
 */
public final class MessageService {

  private final MessageAuthorization authorization;
  private final PresentityState state;
  private final PublicationRepository publications;

  public MessageService(MessageAuthorization authorization, PresentityState state, PublicationRepository publications) {
    this.authorization = authorization;
    this.state = state;
    this.publications = publications;
  }

  /**
   * The contacts to deliver to.
   *
   * @throws RequestRejectedException 403, 404 or 480
   */
  public List<String> route(Aor sender, Aor recipient) {
    // Where the message could go is known locally; the rules may need a GET from an XCAP server, so
    // they are asked only when there is somebody to deliver to: a MESSAGE to a made-up user must not
    // cost an outbound request (nor a cache entry).
    List<Binding> contacts = state.liveBindings(recipient);
    if (contacts.isEmpty()) {
      boolean known = !publications.findByPresentity(recipient, EventPackage.PRESENCE.name()).isEmpty();
      throw known
          ? new RequestRejectedException(480, "Temporarily Unavailable")
          : new RequestRejectedException(404, "Not Found", Map.of());
    }
    if (!authorization.allows(sender, recipient)) {
      throw new RequestRejectedException(403, "Forbidden");
    }
    return contacts.stream()
        .sorted(Comparator.comparing((Binding binding) -> binding.q().orElse(1.0)).reversed())
        .map(Binding::contact)
        .toList();
  }
}
