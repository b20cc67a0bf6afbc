package org.presenceagent.document.pidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The root of a PIDF document (RFC 3863 section 4.1.1, {@code <presence entity="...">}): the
 * presentity's tuples, notes, and any extension elements (e.g. RFC 4479 {@code <dm:person>}),
 * which are kept as DOM elements so that they survive a round trip unchanged.
 */
@XmlRootElement(name = "presence")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "presence", propOrder = {"tuples", "notes", "extensions"})
public class Presence {

  @XmlAttribute(name = "entity", required = true)
  private String entity;

  @XmlElement(name = "tuple")
  private List<Tuple> tuples = new ArrayList<>();

  @XmlElement(name = "note")
  private List<Note> notes = new ArrayList<>();

  // lax=false: even elements JAXB could bind stay DOM, so nothing is reinterpreted on the way.
  @XmlAnyElement(lax = false)
  private List<Element> extensions = new ArrayList<>();

  /** For JAXB. */
  protected Presence() {}

  public Presence(String entity) {
    this.entity = entity;
  }

  /** The presentity's URI, e.g. {@code pres:someone@example.com}; null if the attribute is missing. */
  public String getEntity() {
    return entity;
  }

  public List<Tuple> getTuples() {
    return tuples;
  }

  public List<Note> getNotes() {
    return notes;
  }

  public List<Element> getExtensions() {
    return extensions;
  }
}
