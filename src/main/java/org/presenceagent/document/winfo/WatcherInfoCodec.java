package org.presenceagent.document.winfo;

import org.presenceagent.document.JaxbBytes;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.WatcherInfoWriter;
import org.presenceagent.domain.watcher.WatcherEntry;
import org.presenceagent.domain.watcher.WatcherList;

/** Writes {@code application/watcherinfo+xml} documents (RFC 3858). Thread-safe. */
public final class WatcherInfoCodec implements WatcherInfoWriter {

  public static final String NAMESPACE = "urn:ietf:params:xml:ns:watcherinfo";
  public static final String CONTENT_TYPE = "application/watcherinfo+xml";

  private static final JAXBContext CONTEXT = createContext();

  @Override
  public NotifyBody write(WatcherList list, long version, boolean full) {
    WatcherinfoElement document = new WatcherinfoElement();
    document.version = version;
    document.state = full ? "full" : "partial";
    WatcherinfoElement.WatcherListElement watcherList = new WatcherinfoElement.WatcherListElement();
    watcherList.resource = list.resource().uri();
    watcherList.eventPackage = list.eventPackage();
    for (WatcherEntry entry : list.watchers()) {
      WatcherinfoElement.WatcherElement watcher = new WatcherinfoElement.WatcherElement();
      watcher.id = entry.id();
      watcher.status = entry.status();
      watcher.event = entry.event();
      watcher.durationSubscribed = entry.durationSubscribed();
      watcher.uri = entry.watcher().uri();
      watcherList.watchers.add(watcher);
    }
    document.watcherLists.add(watcherList);
    return new NotifyBody(CONTENT_TYPE, marshal(document));
  }

  private static byte[] marshal(WatcherinfoElement document) {
    return JaxbBytes.write(CONTEXT, document);
  }

  private static JAXBContext createContext() {
    try {
      return JAXBContext.newInstance(WatcherinfoElement.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create the watcherinfo JAXB context", e);
    }
  }
}
