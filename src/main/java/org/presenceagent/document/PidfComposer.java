package org.presenceagent.document;

import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.presenceagent.document.pidf.Note;
import org.presenceagent.document.pidf.Pidf;
import org.presenceagent.document.pidf.PidfBinding;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Status;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.domain.shared.Aor;
import org.w3c.dom.Element;

/**
 * Builds the PIDF document a watcher receives from several publications (RFC 3903 leaves the
 * composition policy to the event state compositor; RFC 3863 section 4.1 defines what a document
 * may contain).
 *
 * <p>The policy is the simplest lossless one: every tuple of every publication, oldest
 * publication first, under the presentity's own URI. Tuple ids must be unique in a document
 * (they are {@code xs:ID}), so a repeated id gets a numeric suffix; notes and root extension
 * elements that several publications repeat appear once.
 */
final class PidfComposer {

  /** The id of the tuple in the document sent when nothing is published. */
  static final String OFFLINE_TUPLE_ID = "offline";

  /** Nothing is published: the presentity is reported as a single closed tuple (RFC 3863 section 4.1.4). */
  byte[] closed(Aor presentity) {
    Presence presence = new Presence(presentity.uri());
    presence.getTuples().add(new Tuple(OFFLINE_TUPLE_ID, new Status(Pidf.CLOSED)));
    return marshal(presence);
  }

  /** All publications' contents in one document; the publications themselves are not modified. */
  byte[] merge(Aor presentity, List<Presence> publications) {
    Presence merged = new Presence(presentity.uri());
    Set<String> usedIds = new HashSet<>();
    Set<Note> notes = new LinkedHashSet<>();
    for (Presence publication : publications) {
      for (Tuple tuple : publication.getTuples()) {
        merged.getTuples().add(withUniqueId(tuple, usedIds));
      }
      notes.addAll(publication.getNotes());
      for (Element extension : publication.getExtensions()) {
        addUnlessPresent(merged.getExtensions(), extension);
      }
    }
    merged.getNotes().addAll(notes);
    return marshal(merged);
  }

  // Deterministic: the same publications in the same order always give the same ids, so a
  // watcher sees stable tuple ids from one NOTIFY to the next.
  private static Tuple withUniqueId(Tuple tuple, Set<String> usedIds) {
    String id = tuple.getId();
    String candidate = id;
    for (int suffix = 2; usedIds.contains(candidate); suffix++) {
      candidate = id + "-" + suffix;
    }
    usedIds.add(candidate);
    return candidate.equals(id) ? tuple : tuple.withId(candidate);
  }

  private static void addUnlessPresent(List<Element> extensions, Element extension) {
    for (Element present : extensions) {
      if (present.isEqualNode(extension)) {
        return;
      }
    }
    extensions.add(extension);
  }

  private static byte[] marshal(Presence presence) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PidfBinding.newMarshaller().marshal(presence, out);
    } catch (JAXBException e) {
      // The model was built by us from validated documents: failing here is a bug, not bad input.
      throw new IllegalStateException("cannot write the composed PIDF document", e);
    }
    return out.toByteArray();
  }
}
