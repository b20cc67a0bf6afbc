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
 * 403 when the recipient's rules block the sender; otherwise the recipient's registered contacts,
 * best q first. With no contact the answer is 480 Temporarily Unavailable when the recipient is
 * known here (it has published presence) and 404 Not Found otherwise.
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
    if (!authorization.allows(sender, recipient)) {
      throw new RequestRejectedException(403, "Forbidden");
    }
    List<Binding> contacts = state.liveBindings(recipient);
    if (contacts.isEmpty()) {
      boolean known = !publications.findByPresentity(recipient, EventPackage.PRESENCE.name()).isEmpty();
      throw known
          ? new RequestRejectedException(480, "Temporarily Unavailable")
          : new RequestRejectedException(404, "Not Found", Map.of());
    }
    return contacts.stream()
        .sorted(Comparator.comparing((Binding binding) -> binding.q().orElse(1.0)).reversed())
        .map(Binding::contact)
        .toList();
  }
}
