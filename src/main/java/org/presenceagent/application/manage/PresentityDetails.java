package org.presenceagent.application.manage;

import java.util.List;
import java.util.Optional;

/**
 * Everything held about one presentity.
 *
 * @param summary the counts and online flag
 * @param presenceDocument the composed PIDF document as a watcher allowed to see everything gets
 *     it; empty when there is nothing to compose and {@code notify_offline_body=0}
 * @param publications its publications, oldest first
 * @param registrations its registered contacts
 */
public record PresentityDetails(
    PresentitySummary summary,
    Optional<String> presenceDocument,
    List<PublicationView> publications,
    List<BindingView> registrations) {

  public PresentityDetails {
    publications = List.copyOf(publications);
    registrations = List.copyOf(registrations);
  }
}
