package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;

/**
 * Publications indexed in memory by entity tag and by presentity (in publication order), written
 * through to a {@link PublicationStore} before each change becomes visible.
 */
public final class IndexedPublicationRepository implements PublicationRepository {

  private final PublicationStore store;
  private final Map<ETag, Publication> byEtag = new ConcurrentHashMap<>();
  private final Map<PresentityEvent, List<ETag>> byPresentity = new ConcurrentHashMap<>();

  public IndexedPublicationRepository(PublicationStore store) {
    this.store = store;
  }

  /** Fills the index from the store (at start-up); returns what was loaded. */
  public List<Publication> load() {
    List<Publication> loaded = new ArrayList<>(store.loadAll());
    loaded.sort(Comparator.comparing(Publication::publishedAt));
    loaded.forEach(this::index);
    return loaded;
  }

  @Override
  public Optional<Publication> find(ETag etag) {
    return Optional.ofNullable(byEtag.get(etag));
  }

  @Override
  public List<Publication> findByPresentity(Aor presentity, String event) {
    List<ETag> etags = byPresentity.get(new PresentityEvent(presentity, event));
    if (etags == null) {
      return List.of();
    }
    List<Publication> found = new ArrayList<>(etags.size());
    for (ETag etag : etags) {
      Publication publication = byEtag.get(etag);
      if (publication != null) {
        found.add(publication);
      }
    }
    return found;
  }

  @Override
  public void add(Publication publication) {
    store.insert(publication);
    index(publication);
  }

  @Override
  public void replace(ETag previous, Publication successor) {
    store.replace(previous, successor);
    byEtag.put(successor.etag(), successor);
    byEtag.remove(previous);
    List<ETag> etags = byPresentity.get(key(successor));
    if (etags != null) {
      etags.replaceAll(etag -> etag.equals(previous) ? successor.etag() : etag);
    }
  }

  @Override
  public void remove(ETag etag) {
    Publication removed = byEtag.get(etag);
    if (removed == null) {
      return;
    }
    store.delete(etag);
    byEtag.remove(etag);
    byPresentity.computeIfPresent(key(removed), (ignored, etags) -> {
      etags.remove(etag);
      return etags.isEmpty() ? null : etags;
    });
  }

  @Override
  public Collection<Publication> findAll() {
    return List.copyOf(byEtag.values());
  }

  /** How many publications are held (for gauges; no copy). */
  public int size() {
    return byEtag.size();
  }

  /** The presentities that have published state, from the index. */
  public Set<Aor> presentities() {
    Set<Aor> presentities = new HashSet<>();
    byPresentity.keySet().forEach(key -> presentities.add(key.presentity()));
    return presentities;
  }

  private void index(Publication publication) {
    byEtag.put(publication.etag(), publication);
    byPresentity.computeIfAbsent(key(publication), ignored -> new CopyOnWriteArrayList<>()).add(publication.etag());
  }

  private static PresentityEvent key(Publication publication) {
    return new PresentityEvent(publication.presentity(), publication.event());
  }
}
