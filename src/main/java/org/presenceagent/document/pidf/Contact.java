package org.presenceagent.document.pidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;

/**
 * The address of a tuple's communication means, with an optional preference between 0 and 1
 * (RFC 3863 section 4.1.5, {@code <contact priority="0.8">}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "contact")
public class Contact {

  @XmlValue private String uri;

  // Text, not a number: it is written back exactly as published, and a malformed value reaches
  // the validator instead of making JAXB throw a bare NumberFormatException.
  @XmlAttribute(name = "priority")
  private String priority;

  /** For JAXB. */
  protected Contact() {}

  public Contact(String uri, String priority) {
    this.uri = uri;
    this.priority = priority;
  }

  public String getUri() {
    return uri;
  }

  /** The priority as written, e.g. {@code 0.8}, or null when none was given. */
  public String getPriority() {
    return priority;
  }
}
