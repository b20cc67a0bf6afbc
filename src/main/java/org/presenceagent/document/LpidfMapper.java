package org.presenceagent.document;

import java.util.ArrayList;
import java.util.List;
import org.presenceagent.document.lpidf.LpidfDocument;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.domain.shared.Aor;

/**
 * Composed PIDF to LPIDF: one contact line per tuple, open unless its {@link Availability} is
 * offline. Everything else (priorities, notes, RPID detail) has no place in LPIDF and is dropped
 * (see {@code docs/document-formats.md}).
 */
final class LpidfMapper {

  private LpidfMapper() {}

  static LpidfDocument toLpidf(Aor presentity, Presence composed) {
    List<LpidfDocument.Contact> contacts = new ArrayList<>();
    for (Tuple tuple : composed.getTuples()) {
      boolean open = Availability.of(tuple, composed.getExtensions()) != Availability.OFFLINE;
      contacts.add(new LpidfDocument.Contact(uri(presentity, tuple), open));
    }
    if (contacts.isEmpty()) {
      contacts.add(new LpidfDocument.Contact(presentity.uri(), false));
    }
    return new LpidfDocument(presentity.uri(), contacts);
  }

  // A published contact that LPIDF cannot carry safely (line breaks, angle brackets) is replaced
  // by the presentity's own URI rather than failing every watcher's NOTIFY.
  private static String uri(Aor presentity, Tuple tuple) {
    String uri = tuple.getContact() == null ? null : tuple.getContact().getValue();
    if (uri == null || uri.isBlank()) {
      return presentity.uri();
    }
    try {
      return new LpidfDocument.Contact(uri.trim(), true).uri();
    } catch (IllegalArgumentException e) {
      return presentity.uri();
    }
  }
}
