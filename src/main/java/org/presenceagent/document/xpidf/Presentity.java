package org.presenceagent.document.xpidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <presentity uri="sip:alice@example.com;method=SUBSCRIBE"/>}: whose presence this is. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "presentity")
public class Presentity {

  @XmlAttribute(name = "uri", required = true)
  private String uri;

  /** For JAXB. */
  protected Presentity() {}

  public Presentity(String uri) {
    this.uri = uri;
  }

  public String getUri() {
    return uri;
  }
}
