package org.presenceagent.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 *
 * <p>Linear in the size of the publications: this runs for every NOTIFY, in the presentity's turn,
 * so a presentity with many large publications must not cost their product. Repeated extensions
 * are found through a structural hash ({@link NodeHash}) rather than by comparing each with every
 * other, and each repeated id remembers its next free suffix rather than counting up from 2.
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
    Ids usedIds = new Ids();
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
    Map<Integer, List<Element>> extensionsByHash = new HashMap<>();
    for (Presence publication : publications) {
      for (Note note : publication.getNotes()) {
        notes.putIfAbsent(PidfModel.NoteKey.of(note), note);
      }
      for (Element extension : publication.getExtensions()) {
        addUnlessPresent(merged.getExtensions(), extensionsByHash, extension, usedIds);
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
  private static Tuple withUniqueId(Tuple tuple, Ids usedIds) {
    String candidate = usedIds.unique(tuple.getId());
    return candidate.equals(tuple.getId()) ? tuple : PidfModel.withId(tuple, candidate);
  }

  /**
   * The ids used in the document so far. A repeated id gets the first free suffix from where the
   * last search for the same id stopped: every id skipped is one used before, so all searches
   * together take as many steps as there are ids (counting from 2 each time would be quadratic
   * when a publication repeats one id many times or fills in {@code t-2}, {@code t-3}...).
   */
  private static final class Ids {
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    String unique(String id) {
      if (used.add(id)) {
        return id;
      }
      int suffix = nextSuffix.getOrDefault(id, 2);
      String candidate = id + "-" + suffix;
      while (!used.add(candidate)) {
        candidate = id + "-" + ++suffix;
      }
      nextSuffix.put(id, suffix + 1);
      return candidate;
    }
  }

  // A person or device (RFC 4479) published twice appears once; two different ones that share an
  // id both appear, the later one under a new id, on a copy so the publication stays unchanged.
  private static void addUnlessPresent(
      List<Element> extensions, Map<Integer, List<Element>> byHash, Element extension, Ids usedIds) {
    int hash = NodeHash.of(extension);
    List<Element> sameHash = byHash.get(hash);
    if (sameHash != null) {
      for (Element present : sameHash) {
        if (present.isEqualNode(extension)) {
          return;
        }
      }
    }
    Element added = extension;
    if (extension.hasAttribute(ID)) {
      String id = extension.getAttribute(ID);
      String unique = usedIds.unique(id);
      if (!unique.equals(id)) {
        added = (Element) extension.cloneNode(true);
        added.setAttribute(ID, unique);
      }
    }
    extensions.add(added);
    // what is in the document is what later extensions are compared with (the copy, if renamed)
    byHash.computeIfAbsent(added == extension ? hash : NodeHash.of(added), key -> new ArrayList<>(1)).add(added);
  }
}
