package org.presenceagent.document.lpidf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An LPIDF document: the presentity and its contact addresses, each open or closed.
 *
 * @param presentity the presentity's URI (the {@code To} line)
 * @param contacts the addresses, in order of preference
 */
public record LpidfDocument(String presentity, List<Contact> contacts) {

  /** The media type, as SER's {@code pa} sent it. */
  public static final String CONTENT_TYPE = "application/lpidf+xml";

  private static final String CRLF = "\r\n";

  public LpidfDocument {
    requireSafeUri(presentity);
    contacts = List.copyOf(contacts);
  }

  /** The document's bytes: {@code To: <uri>} then one {@code Contact: <uri>;q=1|0} per contact. */
  public byte[] encode() {
    StringBuilder text = new StringBuilder("To: <").append(presentity).append('>').append(CRLF);
    for (Contact contact : contacts) {
      text.append("Contact: <").append(contact.uri()).append(">;q=").append(contact.open() ? '1' : '0').append(CRLF);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One address. The {@code q} of LPIDF carries the status, not a preference: 1 is open, 0 closed.
   *
   * @param uri the address
   * @param open whether it is reachable
   */
  public record Contact(String uri, boolean open) {

    public Contact {
      requireSafeUri(uri);
    }
  }

  // A URI is written between angle brackets on its own line: CR, LF or '>' would let published
  // text forge further lines, exactly what building headers from strings risks.
  private static void requireSafeUri(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (uri.isBlank() || uri.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '>' || c == '<' || Character.isISOControl(c))) {
      throw new IllegalArgumentException("not a URI that LPIDF can carry: " + uri.replaceAll("\\p{Cntrl}", "?"));
    }
  }
}
