package org.presenceagent.document.pidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * One segment of presence information, typically one device or service (RFC 3863 section 4.1.2,
 * {@code <tuple id="...">}): status, extensions, contact, notes and timestamp, in schema order.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(
    name = "tuple",
    propOrder = {"status", "extensions", "contact", "notes", "timestamp"})
public class Tuple {

  // A plain attribute rather than @XmlID: JAXB would otherwise start resolving IDREFs we have no use for.
  @XmlAttribute(name = "id", required = true)
  private String id;

  @XmlElement(name = "status", required = true)
  private Status status;

  @XmlAnyElement(lax = false)
  private List<Element> extensions = new ArrayList<>();

  @XmlElement(name = "contact")
  private Contact contact;

  @XmlElement(name = "note")
  private List<Note> notes = new ArrayList<>();

  // Kept as text so that a forwarded timestamp is written exactly as the publisher wrote it.
  @XmlElement(name = "timestamp")
  private String timestamp;

  /** For JAXB. */
  protected Tuple() {}

  public Tuple(String id, Status status) {
    this.id = id;
    this.status = status;
  }

  /**
   * The same tuple under another id, for composition where two publications used one id. The
   * parts are shared, not copied: parsed documents are never modified after validation.
   */
  public Tuple withId(String newId) {
    Tuple copy = new Tuple(newId, status);
    copy.extensions = extensions;
    copy.contact = contact;
    copy.notes = notes;
    copy.timestamp = timestamp;
    return copy;
  }

  public String getId() {
    return id;
  }

  public Status getStatus() {
    return status;
  }

  public List<Element> getExtensions() {
    return extensions;
  }

  public Contact getContact() {
    return contact;
  }

  public void setContact(Contact contact) {
    this.contact = contact;
  }

  public List<Note> getNotes() {
    return notes;
  }

  /** The {@code xs:dateTime} text of {@code <timestamp>}, or null. */
  public String getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(String timestamp) {
    this.timestamp = timestamp;
  }
}
