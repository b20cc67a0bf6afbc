package org.presenceagent.domain.event;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An event package the server is a notifier for.
 *
 * @param name the Event header token, e.g. {@code presence}
 * @param notifyContentTypes the body types its NOTIFYs can carry, preferred first
 * @param publishable whether PUBLISH (RFC 3903) is accepted for it
 */
public record EventPackage(String name, List<String> notifyContentTypes, boolean publishable) {

  /** PIDF (RFC 3863), the format every presence notifier must support (RFC 3856 section 6.6). */
  public static final String PIDF = "application/pidf+xml";

  /** The pre-RFC 3863 CPIM-PIDF: PIDF in another namespace, still sent by early SIMPLE clients. */
  public static final String CPIM_PIDF = "application/cpim-pidf+xml";

  /** XPIDF, the pre-PIDF draft format Windows Messenger 4.7 reads. */
  public static final String XPIDF = "application/xpidf+xml";

  /** LPIDF (draft-rosenberg-impp-lpidf): header-like lines, read by the first SIP phones. */
  public static final String LPIDF = "application/lpidf+xml";

  /**
   * RFC 3856 presence. PIDF first: it is the default (section 6.6) and, with RPID/data-model
   * elements (RFC 4479, RFC 4480), the only format that carries everything; the older formats
   * follow from the richest to the poorest.
   */
  public static final EventPackage PRESENCE =
      new EventPackage("presence", List.of(PIDF, CPIM_PIDF, XPIDF, LPIDF), true);

  /**
   * RFC 3857 watcher information about the presence package, {@code application/watcherinfo+xml}
   * bodies (RFC 3858).
   */
  public static final EventPackage PRESENCE_WINFO =
      new EventPackage("presence.winfo", List.of("application/watcherinfo+xml"), false);

  public EventPackage {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an event package needs a name");
    }
    notifyContentTypes = List.copyOf(notifyContentTypes);
    if (notifyContentTypes.isEmpty()) {
      throw new IllegalArgumentException("event package " + name + " needs a body type");
    }
  }

  /**
   * Whether this is watcher information about another package (the {@code winfo} template package
   * of RFC 3857 section 2, named {@code <package>.winfo}): its documents list the other
   * subscriptions of the presentity, so a change to one of its subscriptions reads them all,
   * whereas a subscription to any other package depends only on the presentity's state and its own.
   */
  public boolean reportsOnSubscriptions() {
    return name.toLowerCase(Locale.ROOT).endsWith(".winfo");
  }

  /** The body type used when the subscriber sends no Accept header. */
  public String defaultContentType() {
    return notifyContentTypes.get(0);
  }

  /**
   * The body type for a subscriber (RFC 6665 section 4.2.1.1).
   *
   * @param accept the ranges of the subscriber's Accept headers; empty when it sent none, which
   *     means {@link #defaultContentType()} (an Accept header without ranges accepts nothing)
   * @return empty when nothing we produce is acceptable: the SUBSCRIBE gets 406
   */
  public Optional<String> negotiate(Optional<List<MediaRange>> accept) {
    return accept.isEmpty()
        ? Optional.of(defaultContentType())
        : ContentNegotiation.choose(notifyContentTypes, accept.get());
  }
}
