package org.presenceagent.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.function.Function;
import org.presenceagent.domain.shared.Aor;

/**
 * The parsed copies of one kind of stored document, one per presentity (its pres-rules, its static
 * presence), kept until the document changes. Keyed by presentities that SUBSCRIBEs name, any a
 * client chooses, so bounded (least used dropped first); the absence of a document is kept too, so a
 * client repeating one unknown name costs one lookup.
 *
 * @param <T> the parsed document
 */
public final class ParsedDocuments<T> {

  private final Cache<Aor, Optional<T>> parsed;
  private final Function<Aor, Optional<T>> load;

  /**
   * @param maxEntries most presentities whose parsed document is kept ({@code max_cached_documents})
   * @param load reads and parses a presentity's document from the store; empty when it has none
   */
  public ParsedDocuments(int maxEntries, Function<Aor, Optional<T>> load) {
    this.parsed = Caffeine.newBuilder().maximumSize(maxEntries).build();
    this.load = load;
  }

  /** The presentity's parsed document, read from the store at the first use. */
  public Optional<T> get(Aor presentity) {
    return parsed.get(presentity, load);
  }

  /** Forgets the parsed copy of a presentity whose document changed here. */
  public void invalidate(Aor presentity) {
    parsed.invalidate(presentity);
  }

  /** Forgets every parsed copy: each is read from the store at its next use. */
  public void invalidateAll() {
    parsed.invalidateAll();
  }

  /**
   * Reads the presentity's document from the store again and swaps the parsed copy in whole, if one is
   * kept (another node changed the document); one not kept is read at its next use anyway. A read
   * that fails drops the copy, so the next use reads again: a stale copy is never kept.
   */
  public void reload(Aor presentity) {
    try {
      parsed.asMap().computeIfPresent(presentity, (key, stale) -> load.apply(key));
    } catch (RuntimeException e) {
      parsed.invalidate(presentity);
      throw e;
    }
  }
}
