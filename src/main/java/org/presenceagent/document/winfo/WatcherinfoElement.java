package org.presenceagent.document.winfo;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** {@code <watcherinfo version state>} (RFC 3858 section 4.1) and its children. */
@XmlRootElement(name = "watcherinfo")
@XmlAccessorType(XmlAccessType.FIELD)
public class WatcherinfoElement {

  @XmlAttribute(name = "version", required = true)
  public long version;

  @XmlAttribute(name = "state", required = true)
  public String state;

  @XmlElement(name = "watcher-list")
  public List<WatcherListElement> watcherLists = new ArrayList<>();

  /** {@code <watcher-list resource package>} (section 4.2). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class WatcherListElement {

    @XmlAttribute(name = "resource", required = true)
    public String resource;

    @XmlAttribute(name = "package", required = true)
    public String eventPackage;

    @XmlElement(name = "watcher")
    public List<WatcherElement> watchers = new ArrayList<>();
  }

  /** {@code <watcher id status event duration-subscribed>URI</watcher>} (section 4.3). */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class WatcherElement {

    @XmlAttribute(name = "id", required = true)
    public String id;

    @XmlAttribute(name = "status", required = true)
    public String status;

    @XmlAttribute(name = "event", required = true)
    public String event;

    @XmlAttribute(name = "duration-subscribed")
    public Long durationSubscribed;

    @XmlValue
    public String uri;
  }
}
