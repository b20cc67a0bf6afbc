package org.presenceagent.infrastructure.persistence;

import java.util.List;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.ETag;

/** Durable storage of publications: one write per change. */
public interface PublicationStore {

  void insert(Publication publication);

  void replace(ETag previous, Publication successor);

  void delete(ETag etag);

  List<Publication> loadAll();

  /** For {@code use_db=0}: nothing is stored, nothing is loaded. */
  PublicationStore NONE = new PublicationStore() {
    @Override
    public void insert(Publication publication) {
      // memory only
    }

    @Override
    public void replace(ETag previous, Publication successor) {
      // memory only
    }

    @Override
    public void delete(ETag etag) {
      // memory only
    }

    @Override
    public List<Publication> loadAll() {
      return List.of();
    }
  };
}
