package org.presenceagent.application.port;

import org.presenceagent.domain.watcher.WatcherList;

/** Writes watcher-info documents ({@code application/watcherinfo+xml}, RFC 3858). */
public interface WatcherInfoWriter {

  /**
   * @param version the document's version for this subscription (RFC 3858 section 4.1: 0 first,
   *     then one more for each document sent to it)
   * @param full whether the list is the full state or only the changes
   */
  NotifyBody write(WatcherList list, long version, boolean full);
}
