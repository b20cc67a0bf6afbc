package org.presenceagent.domain.presentity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;

/**
 * Where publications live; memory first, written through to durable storage before returning.
 * Each method is one write, so one PUBLISH costs one transaction.
 */
public interface PublicationRepository {

  Optional<Publication> find(ETag etag);

  /** The live publications of a presentity in an event package, oldest first. */
  List<Publication> findByPresentity(Aor presentity, String event);

  void add(Publication publication);

  /** Replaces a publication by its refreshed or modified successor (new entity tag). */
  void replace(ETag previous, Publication successor);

  void remove(ETag etag);

  Collection<Publication> findAll();
}
