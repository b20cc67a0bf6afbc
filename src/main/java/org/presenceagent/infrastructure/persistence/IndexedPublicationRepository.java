package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * Publications indexed in memory by entity tag and by presentity (in publication order), stored
 * through a {@link PublicationStore} when a unit of work commits; the index changes only after that.
 */
public final class IndexedPublicationRepository implements PublicationRepository {

  private final PublicationStore store;
  private final GroupedIndex<PresentityEvent, ETag, Publication> index =
      new GroupedIndex<>(Publication::etag, publication -> new PresentityEvent(publication.presentity(), publication.event()));

  public IndexedPublicationRepository(PublicationStore store) {
    this.store = store;
  }

  /** Fills the index from the store (at start-up); returns what was loaded. */
  public List<Publication> load() {
    List<Publication> loaded = new ArrayList<>(store.loadAll());
    loaded.sort(Comparator.comparing(Publication::publishedAt));
    loaded.forEach(index::put);
    return loaded;
  }

  @Override
  public Optional<Publication> find(ETag etag) {
    return index.find(etag);
  }

  @Override
  public List<Publication> findByPresentity(Aor presentity, String event) {
    return index.group(new PresentityEvent(presentity, event));
  }

  @Override
  public void add(UnitOfWork work, Publication publication) {
    StoredChanges.of(work).add(store.insert(publication), () -> index.put(publication));
  }

  @Override
  public void replace(UnitOfWork work, ETag previous, Publication successor) {
    StoredChanges.of(work).add(store.replace(previous, successor), () -> index.replace(previous, successor));
  }

  @Override
  public void remove(UnitOfWork work, ETag etag) {
    if (index.contains(etag)) {
      StoredChanges.of(work).add(store.delete(etag), () -> index.remove(etag));
    }
  }

  @Override
  public Collection<Publication> findAll() {
    return index.all();
  }

  /** How many publications are held (for gauges; no copy). */
  public int size() {
    return index.size();
  }

  /** The presentities that have published state, from the index. */
  public Set<Aor> presentities() {
    return index.groups().stream().map(PresentityEvent::presentity).collect(Collectors.toSet());
  }
}
