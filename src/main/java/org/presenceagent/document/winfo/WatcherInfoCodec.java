package org.presenceagent.document.winfo;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigInteger;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.WatcherInfoWriter;
import org.presenceagent.document.JaxbBytes;
import org.presenceagent.document.watcherinfo.Watcher;
import org.presenceagent.document.watcherinfo.WatcherList;
import org.presenceagent.document.watcherinfo.Watcherinfo;
import org.presenceagent.domain.watcher.WatcherEntry;

/**
 * Writes {@code application/watcherinfo+xml} documents (RFC 3858) with the classes generated from
 * {@code src/main/xsd/watcherinfo.xsd}. Thread-safe.
 */
public final class WatcherInfoCodec implements WatcherInfoWriter {

  public static final String NAMESPACE = "urn:ietf:params:xml:ns:watcherinfo";
  public static final String CONTENT_TYPE = "application/watcherinfo+xml";

  private static final JAXBContext CONTEXT = createContext();

  @Override
  public NotifyBody write(org.presenceagent.domain.watcher.WatcherList list, long version, boolean full) {
    Watcherinfo document = new Watcherinfo();
    document.setVersion(BigInteger.valueOf(version));
    document.setState(full ? "full" : "partial");
    WatcherList watcherList = new WatcherList();
    watcherList.setResource(list.resource().uri());
    watcherList.setPackage(list.eventPackage());
    for (WatcherEntry entry : list.watchers()) {
      Watcher watcher = new Watcher();
      watcher.setId(entry.id());
      watcher.setStatus(entry.status());
      watcher.setEvent(entry.event());
      watcher.setDurationSubscribed(BigInteger.valueOf(entry.durationSubscribed()));
      // RFC 3858 section 4.4; JAXB escapes it as an attribute value (quotes, <, &).
      entry.displayName().ifPresent(watcher::setDisplayName);
      watcher.setValue(entry.watcher().uri());
      watcherList.getWatchers().add(watcher);
    }
    document.getWatcherLists().add(watcherList);
    return new NotifyBody(CONTENT_TYPE, JaxbBytes.write(CONTEXT, document));
  }

  private static JAXBContext createContext() {
    try {
      return JAXBContext.newInstance(Watcherinfo.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create the watcherinfo JAXB context", e);
    }
  }
}
