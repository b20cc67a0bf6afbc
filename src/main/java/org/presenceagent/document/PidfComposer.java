package org.presenceagent.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presenceagent.document.pidf.Note;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.domain.shared.Aor;
import org.w3c.dom.Element;

/**
 * Builds the presence model a watcher receives from several publications (RFC 3903 leaves the
 * composition policy to the event state compositor; RFC 3863 section 4.1 defines what a document
 * may contain). The model is then written in the watcher's format by a {@link DocumentWriter}.
 *
 * <p>The policy is the simplest lossless one: every tuple of every publication under the
 * presentity's own URI, ordered by contact priority (RFC 3863 section 4.1.5; tuples without one
 * last, publication order otherwise). Ids must be unique in a document (tuple ids and RFC 4479
 * person/device ids are all {@code xs:ID}), so a repeated id gets a numeric suffix; notes and
 * root extension elements that several publications repeat appear once.
 */
final class PidfComposer {

  /** The id of the tuple in the document sent when nothing is published. */
  static final String OFFLINE_TUPLE_ID = "offline";

  private static final String ID = "id";

  /** Nothing is published: the presentity is reported as a single closed tuple (RFC 3863 section 4.1.4). */
  Presence closed(Aor presentity) {
    Presence presence = PidfModel.presence(presentity.uri());
    presence.getTuples().add(PidfModel.tuple(OFFLINE_TUPLE_ID, Pidf.CLOSED));
    return presence;
  }

  /** All publications' contents in one model; the publications themselves are not modified. */
  Presence merge(Aor presentity, List<Presence> publications) {
    Presence merged = PidfModel.presence(presentity.uri());
    Set<String> usedIds = new HashSet<>();
    // Keyed by text and language: the generated Note has no equals of its own.
    Map<PidfModel.NoteKey, Note> notes = new LinkedHashMap<>();
    List<Tuple> tuples = new ArrayList<>();
    for (Presence publication : publications) {
      tuples.addAll(publication.getTuples());
    }
    // Stable sort: equal priorities keep publication order, so ids stay the same between NOTIFYs.
    tuples.sort(Comparator.comparing(PidfComposer::priority, Comparator.nullsLast(Comparator.reverseOrder())));
    for (Tuple tuple : tuples) {
      merged.getTuples().add(withUniqueId(tuple, usedIds));
    }
    for (Presence publication : publications) {
      for (Note note : publication.getNotes()) {
        notes.putIfAbsent(PidfModel.NoteKey.of(note), note);
      }
      for (Element extension : publication.getExtensions()) {
        addUnlessPresent(merged.getExtensions(), extension, usedIds);
      }
    }
    merged.getNotes().addAll(notes.values());
    return merged;
  }

  private static BigDecimal priority(Tuple tuple) {
    String text = tuple.getContact() == null ? null : tuple.getContact().getPriority();
    return text == null ? null : new BigDecimal(text.trim()); // validated when published
  }

  // Deterministic: the same publications in the same order always give the same ids, so a
  // watcher sees stable tuple ids from one NOTIFY to the next.
  private static Tuple withUniqueId(Tuple tuple, Set<String> usedIds) {
    String candidate = uniqueId(tuple.getId(), usedIds);
    return candidate.equals(tuple.getId()) ? tuple : PidfModel.withId(tuple, candidate);
  }

  private static String uniqueId(String id, Set<String> usedIds) {
    String candidate = id;
    for (int suffix = 2; usedIds.contains(candidate); suffix++) {
      candidate = id + "-" + suffix;
    }
    usedIds.add(candidate);
    return candidate;
  }

  // A person or device (RFC 4479) published twice appears once; two different ones that share an
  // id both appear, the later one under a new id, on a copy so the publication stays unchanged.
  private static void addUnlessPresent(List<Element> extensions, Element extension, Set<String> usedIds) {
    for (Element present : extensions) {
      if (present.isEqualNode(extension)) {
        return;
      }
    }
    if (!extension.hasAttribute(ID)) {
      extensions.add(extension);
      return;
    }
    String id = extension.getAttribute(ID);
    String unique = uniqueId(id, usedIds);
    if (unique.equals(id)) {
      extensions.add(extension);
    } else {
      Element copy = (Element) extension.cloneNode(true);
      copy.setAttribute(ID, unique);
      extensions.add(copy);
    }
  }
}
