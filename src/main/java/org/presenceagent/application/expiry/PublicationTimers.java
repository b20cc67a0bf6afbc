package org.presenceagent.application.expiry;

import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.ETag;

/** One expiry timer per publication, named by its entity tag. */
public final class PublicationTimers {

  private static final String PREFIX = "publication:";

  private final ExpiryScheduler scheduler;
  private final ExpiryService expiry;

  public PublicationTimers(ExpiryScheduler scheduler, ExpiryService expiry) {
    this.scheduler = scheduler;
    this.expiry = expiry;
  }

  public void schedule(Publication publication) {
    scheduler.schedule(
        PREFIX + publication.etag().value(),
        publication.expiresAt(),
        () -> expiry.expirePublication(publication.etag()));
  }

  public void cancel(ETag etag) {
    scheduler.cancel(PREFIX + etag.value());
  }
}
