package org.presenceagent.domain.presentity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * Where publications live; memory first. Changes are made in a {@link UnitOfWork}: stored when it
 * commits (one transaction for the whole PUBLISH, shared with others by the group commit) and only
 * then visible to the finders.
 */
public interface PublicationRepository {

  Optional<Publication> find(ETag etag);

  /** The live publications of a presentity in an event package, oldest first. */
  List<Publication> findByPresentity(Aor presentity, String event);

  void add(UnitOfWork work, Publication publication);

  /** Replaces a publication by its refreshed or modified successor (new entity tag). */
  void replace(UnitOfWork work, ETag previous, Publication successor);

  void remove(UnitOfWork work, ETag etag);

  Collection<Publication> findAll();
}
