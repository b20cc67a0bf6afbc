package org.presenceagent.infrastructure.persistence;

import java.util.List;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;

/** Durable storage of publications: each change is a write for the group commit. */
public interface PublicationStore {

  DurableWrite insert(Publication publication);

  DurableWrite replace(ETag previous, Publication successor);

  DurableWrite delete(ETag etag);

  List<Publication> loadAll();

  /** The stored publications of one presentity in one event package (cluster mode: after another node's change). */
  List<Publication> load(Aor presentity, String event);

  /** The presentities with stored publications (cluster mode: to read every one again). */
  List<Aor> presentities();

  /** For {@code use_db=0}: nothing is stored, nothing is loaded. */
  PublicationStore NONE = new PublicationStore() {
    @Override
    public DurableWrite insert(Publication publication) {
      return DurableWrite.NOTHING;
    }

    @Override
    public DurableWrite replace(ETag previous, Publication successor) {
      return DurableWrite.NOTHING;
    }

    @Override
    public DurableWrite delete(ETag etag) {
      return DurableWrite.NOTHING;
    }

    @Override
    public List<Publication> loadAll() {
      return List.of();
    }

    @Override
    public List<Publication> load(Aor presentity, String event) {
      return List.of();
    }

    @Override
    public List<Aor> presentities() {
      return List.of();
    }
  };
}
