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
  private final PresentityChangeWrites changes;
  private final GroupedIndex<PresentityEvent, ETag, Publication> index =
      new GroupedIndex<>(Publication::etag, publication -> new PresentityEvent(publication.presentity(), publication.event()));

  public IndexedPublicationRepository(PublicationStore store) {
    this(store, PresentityChangeWrites.NONE);
  }

  /** @param changes what each stored change also writes (cluster mode: a change-log row) */
  public IndexedPublicationRepository(PublicationStore store, PresentityChangeWrites changes) {
    this.store = store;
    this.changes = changes;
  }

  /**
   * The presentity's publications as stored now, in publication order (cluster mode: another node
   * changed them). Reads the database; changes nothing here, see {@link #replaceAll}.
   */
  public List<Publication> stored(Aor presentity, String event) {
    List<Publication> loaded = new ArrayList<>(store.load(presentity, event));
    loaded.sort(Comparator.comparing(Publication::publishedAt));
    return loaded;
  }

  /** The presentities with stored publications; reads the database. */
  public List<Aor> storedPresentities() {
    return store.presentities();
  }

  /**
   * Makes {@code stored} the presentity's publications in memory, in one swap (to be called in the
   * presentity's turn, with what {@link #stored} read in it).
   *
   * @return the publications held before
   */
  public List<Publication> replaceAll(Aor presentity, String event, List<Publication> stored) {
    return index.replaceGroup(new PresentityEvent(presentity, event), stored);
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
    recordChange(work, publication);
  }

  @Override
  public void replace(UnitOfWork work, ETag previous, Publication successor) {
    StoredChanges.of(work).add(store.replace(previous, successor), () -> index.replace(previous, successor));
    recordChange(work, successor);
  }

  @Override
  public void remove(UnitOfWork work, ETag etag) {
    index.find(etag).ifPresent(publication -> {
      StoredChanges.of(work).add(store.delete(etag), () -> index.remove(etag));
      recordChange(work, publication);
    });
  }

  private void recordChange(UnitOfWork work, Publication publication) {
    StoredChanges.of(work).add(changes.changed(publication.presentity(), publication.event()));
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
